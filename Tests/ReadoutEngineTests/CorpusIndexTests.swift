import XCTest
import Foundation
@testable import ReadoutEngine

/// The token index, frequency lists and concordances.
final class CorpusIndexTests: XCTestCase {
    let docs = [
        Document(id: "a", text: "The White House said the talks were useful. Talks will resume, the White House said."),
        Document(id: "b", text: "Officials said talks on sanctions continue. The talks’ outcome is unclear; officials’ hopes are high."),
    ]

    func testPostingsAndCounts() throws {
        let index = CorpusIndex(documents: docs)
        let talks = try XCTUnwrap(index.term("Talks"))
        XCTAssertEqual(index.frequency[Int(talks)], 4)
        XCTAssertEqual(index.count(talks, doc: 0), 2)
        XCTAssertEqual(index.count(talks, doc: 1), 2)
        XCTAssertEqual(index.documentFrequency(talks), 2)
        XCTAssertEqual(index.postings(talks).map(\.doc), [0, 0, 1, 1])
        XCTAssertNil(index.term("summit"))
        XCTAssertEqual(index.wordCount, index.documentWordCounts.reduce(0, +))
        XCTAssertTrue(index.isStop[Int(index.term("the")!)])
        XCTAssertFalse(index.isStop[Int(talks)])
    }

    func testPhrasesPrefixesAndCase() {
        let index = CorpusIndex(documents: docs)
        XCTAssertEqual(index.find(["white", "house", "said"]).count, 2)
        XCTAssertEqual(index.find(["White", "House"], doc: 1).count, 0)
        XCTAssertEqual(index.find(["talks"], caseSensitive: true).count, 3)
        XCTAssertEqual(index.find(["Talks"], caseSensitive: true).count, 1)
        let forms = Set(index.terms(withPrefix: "offic").map { index.terms[Int($0)] })
        XCTAssertEqual(forms, ["officials"])
        let h = index.find(["white", "house"]).first!
        XCTAssertEqual(docs[0].string(h.range), "White House")
        XCTAssertEqual(index.tokenSpan(h).count, 2)
    }

    func testFrequencyLists() {
        let index = CorpusIndex(documents: docs)
        let words = Frequencies.list(.words, index: index, analysis: CorpusAnalysis(), top: 3, stopWords: false)
        XCTAssertEqual(words.map(\.item), ["talks", "said", "house"])
        XCTAssertEqual(words.map(\.count), [4, 3, 2])
        XCTAssertEqual(words.map(\.documents), [2, 2, 1])
        // with stop words: `the` (4) ties with `talks` (4)
        let withStop = Frequencies.list(.words, index: index, analysis: CorpusAnalysis(), top: 2, stopWords: true)
        XCTAssertEqual(withStop.map(\.item), ["talks", "the"])
        let lemmas = Frequencies.list(.lemmas, index: index, analysis: CorpusAnalysis(), top: 2, stopWords: false)
        XCTAssertEqual(lemmas.map(\.item), ["talk", "say"])
        let phrases = Frequencies.list(.phrases, index: index, analysis: CorpusAnalysis(), top: 2, stopWords: false)
        XCTAssertEqual(phrases.map(\.item), ["white house said", "house said"])
        XCTAssertEqual(phrases.first?.count, 2)
        let inB = Frequencies.list(.words, index: index, analysis: CorpusAnalysis(), top: 1, stopWords: false, doc: 1)
        XCTAssertEqual(inB.first?.item, "officials")
    }

    func testEntityFrequenciesCountEveryAlias() {
        let a = CorpusAnalysis(documents: docs.map { DocumentAnalysis(document: $0) },
                               entities: [Entity(id: 0, name: "White House", label: .org, aliases: ["the White House"],
                                                 mentions: [MentionRef(doc: 0, mention: 0), MentionRef(doc: 0, mention: 1)]),
                                          Entity(id: 1, name: "Officials", label: .norp, mentions: [MentionRef(doc: 1, mention: 0)])])
        let rows = Frequencies.list(.entities, index: CorpusIndex(documents: docs), analysis: a, top: 5, stopWords: false)
        XCTAssertEqual(rows.map(\.item), ["White House", "Officials"])
        XCTAssertEqual(rows.map(\.count), [2, 1])
        XCTAssertEqual(rows.first?.label, .org)
        XCTAssertEqual(Frequencies.list(.entities, index: CorpusIndex(documents: docs), analysis: a, top: 5, stopWords: false, doc: 1).map(\.item),
                       ["Officials"])
    }

    func testConcordanceContextAndSorting() {
        let index = CorpusIndex(documents: docs)
        let hits = index.hits(of: index.term("talks")!)
        let lines = Concordance.lines(hits, index: index, width: 12)
        XCTAssertEqual(lines.count, 4)
        // 12 characters each side, not counting the space next to the keyword
        XCTAssertEqual(lines.first?.left, "use said the")
        XCTAssertEqual(lines.first?.right, "were useful.")
        XCTAssertTrue(lines.allSatisfy { $0.left.count <= 12 && $0.right.count <= 12 })
        // right: on, outcome (the ’ is skipped), were, will
        let byRight = Concordance.lines(hits, index: index, width: 10, sort: .right)
        XCTAssertEqual(byRight.map { index.documents[$0.hit.doc].string($0.hit.range) }, ["talks", "talks", "talks", "Talks"])
        XCTAssertEqual(byRight.map(\.hit.doc), [1, 1, 0, 0])
        // left, nearest word first: said | the continue | the said | useful
        let byLeft = Concordance.lines(hits, index: index, width: 10, sort: .left)
        XCTAssertEqual(byLeft.map(\.hit.doc), [1, 1, 0, 0])
        XCTAssertEqual(byLeft.map(\.left.last), ["d", "e", "e", "."])
    }

    func testRegexMatchesUseByteOffsets() throws {
        let d = Document(id: "x", text: "Café “talks” in Zürich; talks again.")
        let re = try NSRegularExpression(pattern: "talks")
        let rs = try RegexSearch.matches(re, in: d)
        XCTAssertEqual(rs.map { d.string($0) }, ["talks", "talks"])
    }
}
