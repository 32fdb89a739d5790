import XCTest
@testable import ReadoutEngine

/// One long document costs work in proportion to its length: the per-document passes that look
/// at other mentions (appositions, surnames) find them by position, not by scanning them all.
/// Work is counted, not timed.
final class LongDocumentTests: XCTestCase {
    /// `n` paragraphs, each with people, appositions, surnames and bodies, as a long concatenated file has.
    static func text(paragraphs n: Int) -> String {
        var s = ""
        for k in 0..<n {
            s += "Tony Blair, the prime minister, said the plan would work. Gordon Brown, the chancellor at the Treasury, agreed. "
            s += "Blair told reporters in London that Brown had been right. Mrs Brown, a teacher, said nothing. "
            s += "Microsoft, the software firm, said sales rose \(k % 90 + 1) per cent.\n\n"
        }
        return s
    }

    private func work(paragraphs n: Int) -> (appositions: Int, clustering: Int, mentions: Int) {
        let t = TokenText(Document(id: "long", text: Self.text(paragraphs: n)))
        let recognizer = EntityRecognizer()
        var raw = recognizer.scan(t, Lexicon.shared)
        recognizer.resolveWeak(t, &raw)
        let apposition = Appositions(t: t, lex: Lexicon.shared).attach(&raw)
        let counter = WorkCount()
        _ = DocumentClusterer(t: t).cluster(raw, counting: counter)
        return (apposition, counter.steps, raw.count)
    }

    func testAppositionsAndSurnamesCostLinearWorkInOneDocument() {
        let small = work(paragraphs: 200), large = work(paragraphs: 800)
        XCTAssertGreaterThan(small.mentions, 1000)
        XCTAssertEqual(large.mentions, small.mentions * 4)
        // four times the text: about four times the work (quadratic would be sixteen)
        XCTAssertLessThanOrEqual(large.appositions, small.appositions * 5, "apposition work \(small.appositions) -> \(large.appositions)")
        XCTAssertLessThanOrEqual(large.clustering, small.clustering * 5, "clustering work \(small.clustering) -> \(large.clustering)")
        // and a small multiple of the mentions
        XCTAssertLessThanOrEqual(large.appositions, large.mentions * 10)
        XCTAssertLessThanOrEqual(large.clustering, large.mentions * 10)
    }

    func testLongDocumentKeepsRolesAndSurnameMerges() {
        let a = Analyzer().analyze([Document(id: "long", text: Self.text(paragraphs: 50))])
        let blair = a.entities.first { $0.name == "Tony Blair" }
        XCTAssertEqual(blair?.role, "prime minister")
        XCTAssertEqual(blair?.mentions.count, 100) // the full name and the surname in every paragraph
        let brown = a.entities.first { $0.name == "Gordon Brown" }
        XCTAssertEqual(brown?.body, "Treasury")
        XCTAssertNotNil(a.entities.first { $0.name == "Mrs Brown" }, "a woman is not merged with a man of that surname")
    }

    /// A stop requested while one long document is analysed ends its passes early (the caller
    /// throws the result away), instead of running every sentence to the end.
    func testAStopRequestEndsTheAnalysisOfOneLongDocument() {
        let doc = Document(id: "long", text: Self.text(paragraphs: 100) + "“We will win,” Blair said.\n")
        let full = Analyzer().analyze([doc])
        XCTAssertGreaterThan(full.documents[0].mentions.count, 500)
        XCTAssertFalse(full.quotes.isEmpty)
        Cancellation.request()
        defer { Cancellation.reset() }
        let stopped = Analyzer().analyze([doc])
        XCTAssertEqual(stopped.documents[0].mentions.count, 0)
        XCTAssertTrue(stopped.quotes.isEmpty)
        XCTAssertTrue(DocumentQuotes().extract(doc.tokenized()).isEmpty)
    }

    /// The organisation a document names most often is worked out once per document, not once
    /// per description (`The bank said`) that asks for it: one long document full of such
    /// descriptions resolved them in quadratic time (the benchmark's 64 MB document took 9.8×
    /// the time of the same bytes as separate articles). The answers stay those of a short article.
    func testTheMainOrganisationIsOneAnswerPerDocument() {
        let paragraph = "ABN Amro is to cut 2,850 jobs. ABN Amro is the third large European bank to announce cuts, following Deutsche Bank. "
            + "ABN Amro's operations in the Netherlands will be hardest hit. The bank said it was on course for a rise in net income.\n\n"
        let long = Document(id: "long", text: String(repeating: paragraph, count: 300))
        let plain = Document(id: "plain", text: "Tony Blair said the plan would work.\n")
        let a = Analyzer().analyze([long, plain])
        let banks = a.quotes.filter { $0.doc == 0 }
        XCTAssertEqual(banks.count, 300)
        XCTAssertTrue(banks.allSatisfy { $0.speaker == "The bank" }, "\(Set(banks.map(\.speaker)))")
        let main = SpeakerResolver(a).mainOrganisations
        XCTAssertEqual(main.count, 2)
        XCTAssertEqual(main[0].map { a.entities[$0].name }, "ABN Amro")
        XCTAssertNil(main[1])
    }

    /// Whether a range lies inside one of a set, by binary search, agrees with asking every range.
    func testRangeCoverAgreesWithAScan() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let ranges = (0..<Int.random(in: 0...12, using: &rng)).map { _ -> TextRange in
                let s = Int.random(in: 0...100, using: &rng)
                return TextRange(s, s + Int.random(in: 0...30, using: &rng))
            }
            let cover = RangeCover(ranges)
            for _ in 0..<50 {
                let s = Int.random(in: 0...120, using: &rng)
                let r = TextRange(s, s + Int.random(in: 0...10, using: &rng))
                XCTAssertEqual(cover.contains(r), ranges.contains { $0.contains(r) }, "\(ranges) ∋ \(r)")
            }
        }
    }
}
