import XCTest
@testable import ReadoutEngine

/// Shared helpers for the quote tests: one line per quote, `kind | speaker | source | content`.
enum QuoteTest {
    static func analyze(_ text: String) -> CorpusAnalysis {
        Analyzer().analyze([Document(id: "d0", text: text)])
    }

    /// `kind | speaker | source | content` for every quote of a one-document text.
    static func lines(_ text: String) -> [String] {
        let a = analyze(text)
        let d = a.documents[0].document
        return a.quotes.map { "\($0.kind.rawValue) | \($0.speaker ?? "-") | \($0.source ?? "-") | \(d.string($0.content))" }
    }

    /// The single quote of `text` (fails the test when there is not exactly one).
    static func only(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (Quote, Document)? {
        let a = analyze(text)
        XCTAssertEqual(a.quotes.count, 1, "quotes: \(lines(text))", file: file, line: line)
        guard a.quotes.count == 1 else { return nil }
        return (a.quotes[0], a.documents[0].document)
    }
}
