import XCTest
@testable import ReadoutEngine

/// A loaded document is tokenised on first use; the analysis tokenises each document for itself
/// and leaves the corpus without its tokens.
final class DocumentOnDemandTests: XCTestCase {
    let text = "President Joseph Biden spoke.\n\n“We will act,” he said. Mr. Putin did not reply..."

    func testATokenisedOnDemandDocumentIsTheDocumentMadeAtOnce() {
        let now = Document(id: "a", text: text)
        let later = Document(id: "a", untokenized: Array(text.utf8))
        XCTAssertTrue(now.isTokenized)
        XCTAssertFalse(later.isTokenized)
        XCTAssertEqual(later.wordCount, now.wordCount)
        XCTAssertEqual(later.tokens, now.tokens)
        XCTAssertTrue(later.isTokenized, "kept once used")
        XCTAssertEqual(later.sentences, now.sentences)
        XCTAssertEqual(later.paragraphs, now.paragraphs)
        XCTAssertEqual(later.sentenceIndex(containing: 40), now.sentenceIndex(containing: 40))
    }

    func testTokenizedGivesACopyWithTokensAndLeavesTheDocumentWithout() {
        let d = Document(id: "a", untokenized: Array(text.utf8))
        let t = d.tokenized()
        XCTAssertTrue(t.isTokenized)
        XCTAssertEqual(t.tokens, Document(id: "a", text: text).tokens)
        XCTAssertFalse(d.isTokenized)
        // a copy under another id shares what the first use makes
        let renamed = d.withID("b")
        _ = d.tokens
        XCTAssertTrue(renamed.isTokenized)
        XCTAssertEqual(renamed.id, "b")
    }

    func testManyThreadsFirstUsingOneDocumentSeeTheSameTokens() {
        let d = Document(id: "a", untokenized: Array(String(repeating: text + "\n", count: 50).utf8))
        let counts = ParallelMap.map(0..<64, threshold: 0) { _ in d.tokens.count }
        XCTAssertEqual(Set(counts), [Document(id: "a", text: String(repeating: text + "\n", count: 50)).tokens.count])
    }

    func testAnalysingALoadedCorpusLeavesItWithoutTokensAndFindsWhatItWouldHave() {
        let texts = (0..<12).map { "Tony Blair met Gordon Brown in London on day \($0). “We agree,” Mr Blair said." }
        let loaded = texts.enumerated().map { Document(id: "d\($0.offset)", untokenized: Array($0.element.utf8)) }
        let made = texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element) }
        let a = Analyzer().analyze(loaded), b = Analyzer().analyze(made)
        XCTAssertFalse(a.documents.contains { $0.document.isTokenized })
        XCTAssertEqual(a.entities, b.entities)
        XCTAssertEqual(a.quotes, b.quotes)
        XCTAssertEqual(a.documents.map(\.mentions), b.documents.map(\.mentions))
        XCTAssertEqual(a.mentionEvidence(doc: 3), b.mentionEvidence(doc: 3))
        XCTAssertFalse(a.documents[3].document.isTokenized, "explaining a mention does not keep its tokens")
    }
}
