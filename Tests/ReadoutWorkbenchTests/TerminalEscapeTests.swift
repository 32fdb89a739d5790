import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Control characters from articles, file names or typed input never reach the terminal as
/// such: human-readable output shows them as visible escapes; JSON escapes them itself.
final class TerminalEscapeTests: XCTestCase {
    private var h: SessionHarness!

    override func setUpWithError() throws {
        h = try SessionHarness()
    }

    override func tearDown() { h = nil }

    /// True when `s` holds a byte a terminal would act on (other than line feed and tab).
    private func hasControl(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { TerminalText.needsEscape($0) }
    }

    func testEscapeShowsControlCharacters() {
        XCTAssertEqual(TerminalText.escape("a\u{1B}[31mb\u{07}c\u{00}d\u{7F}e\u{9B}f\rg"), "a^[[31mb^Gc^@d^?e<U+009B>f^Mg")
        XCTAssertEqual(TerminalText.escape("tabs\tand\nlines stay; café — ok"), "tabs\tand\nlines stay; café — ok")
        XCTAssertEqual(TerminalText.escape(""), "")
        XCTAssertEqual(TerminalText.escape("a\r\nb\rc\r"), "a\r\nb^Mc^M", "a CR LF line end stays, a lone CR does not")
    }

    func testArticleTextAndTitlesAreEscapedInDocsAndShow() throws {
        try h.write("evil.txt", "Minister \u{1B}]0;owned\u{07}resigns\u{1B}[2J\n\nThe minister said \u{1B}[31mnothing\u{9B}6n at all.\n")
        h.ok("load " + Lexer.quote(h.path("evil.txt")))
        for command in ["docs", "show evil", "entities", "kwic minister", "stats", "report"] {
            let out = h.ok(command)
            XCTAssertFalse(hasControl(out), "\(command): \(out.debugDescription)")
        }
        XCTAssertTrue(h.ok("show evil").contains("^[[31mnothing<U+009B>6n"))
        XCTAssertTrue(h.ok("docs").contains("^[]0;owned^G"))
        // JSON keeps the text exact, escaped its own way
        h.ok("set format=json")
        XCTAssertTrue(h.ok("show evil").contains("\\u001b[31mnothing"))
    }

    func testErrorsAndWarningsAreEscaped() throws {
        let err = h.fails("show \"\u{1B}[2Jx\u{07}\"")
        XCTAssertFalse(hasControl(err), err.debugDescription)
        XCTAssertTrue(err.contains("^[[2Jx^G"), err)
        let missing = h.fails("load " + Lexer.quote(h.path("no\u{1B}[8mfile")))
        XCTAssertFalse(hasControl(missing), missing.debugDescription)
        try h.write("empty\u{07}.txt", "")
        h.run("load " + Lexer.quote(h.path("empty\u{07}.txt")))
        let warning = h.take().err
        XCTAssertTrue(warning.contains("^G"), warning)
        XCTAssertFalse(hasControl(warning), warning.debugDescription)
    }
}
