import Foundation
import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// A regular expression that backtracks without end is stopped after a fixed amount of work, with
/// one line naming the pattern; Ctrl-C stops one too. The tests finish, which is what they check
/// besides the message: before the budget, each of these commands ran for minutes.
final class RegexBudgetTests: XCTestCase {
    func testNestedRepetitionOnTheSeedStopsWithAnError() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        let err = h.fails("search /(\\w+\\s?)+$/")
        XCTAssertTrue(err.hasPrefix("error: the regular expression /(\\w+\\s?)+$/ needs too much work"), err)
        XCTAssertTrue(err.contains("simpler"), err)
        XCTAssertEqual(err.split(separator: "\n").count, 1, err)
        // a reasonable pattern still runs over the same text
        XCTAssertTrue(h.ok("search /Putin\\w*/").contains("sentences match"))
    }

    func testKwicOnAFewKilobytesOfLettersStopsWithAnError() throws {
        let h = try SessionHarness()
        var text = ""
        while text.utf8.count < 5_000 { text += String(repeating: "a", count: 40) + "b " }
        try h.write("as.txt", text)
        h.ok("load " + Lexer.quote(h.path("as.txt")))
        let err = h.fails("kwic /(a+)+$/")
        XCTAssertTrue(err.hasPrefix("error: the regular expression /(a+)+$/ needs too much work"), err)
        // the same through `search`, and case-insensitive
        XCTAssertTrue(h.fails("search /(a+)+$/i").contains("/(a+)+$/i"))
        XCTAssertTrue(h.ok("kwic /a{40}b/").contains("matches"))
    }

    func testManyMatchesAreNotCountedAgainstTheBudget() {
        // the budget is work since the last match: a pattern that matches everywhere runs to the end
        let d = Document(id: "d", text: String(repeating: "word ", count: 200_000))
        let re = try! NSRegularExpression(pattern: "\\w+")
        XCTAssertEqual(try RegexSearch.matches(re, in: d, cancelled: { false }).count, 200_000)
    }

    func testCancellationStopsAMatch() {
        let d = Document(id: "d", text: String(repeating: "a", count: 40) + "b")
        let re = try! NSRegularExpression(pattern: "(a+)+$")
        XCTAssertThrowsError(try RegexSearch.matches(re, in: d, cancelled: { true })) { e in
            XCTAssertEqual(e as? RegexSearch.Stop, .cancelled)
        }
    }
}
