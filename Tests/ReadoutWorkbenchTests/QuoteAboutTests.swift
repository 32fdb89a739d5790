import XCTest
@testable import ReadoutWorkbench

/// `quotes about=` (issue 22: it matched substrings of the lower-cased text, so the alias `us`
/// of the United States matched every quote containing "Russia"). It now asks the entity layer
/// for mentions inside each quote, and otherwise matches whole words.
final class QuoteAboutTests: XCTestCase {
    private func ids(_ h: SessionHarness, _ line: String) -> [String] {
        h.ok("set format=csv")
        defer { h.ok("set format=table") }
        return h.ok(line).split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    func testAnEntityIsFoundByItsMentionsNotBySubstrings() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        let us = ids(h, "quotes about=\"United States\"")
        XCTAssertFalse(us.isEmpty)
        // Psaki's quotes speak of Russia, not of the United States: "Russia" holds "us"
        XCTAssertFalse(us.contains("q11") || us.contains("q12"), "\(us)")
        XCTAssertEqual(ids(h, "quotes about=US"), us, "an alias finds what the name finds")
        XCTAssertEqual(ids(h, "quotes about=Ukraine"), ["q4", "q6", "q9"])
        XCTAssertTrue(ids(h, "quotes about=Russia").contains("q11"))
    }

    func testOtherTextMatchesWholeWords() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        XCTAssertEqual(ids(h, "quotes about=relationship"), ["q10", "q11", "q12"])
        XCTAssertEqual(ids(h, "quotes about=relation"), [], "no part of a word")
        XCTAssertEqual(ids(h, "quotes about=Relationship"), [], "typed with a capital, the case counts")
        XCTAssertEqual(ids(h, "quotes about=\"difficult conversations\""), ["q12"])
    }
}
