import XCTest
@testable import ReadoutWorkbench

/// Words users guess (issue 21, point 12): `kind=reported`, as `sources` names its column, and the
/// habits of other shells (`\q`, `.quit`, `ls`, `.mode csv`).
final class GuessedSynonymTests: XCTestCase {
    /// An article with a direct, an indirect and a mixed quote.
    private static let article = """
        Talks on the alliance

        "We are ready to talk," Vladimir Putin said on Tuesday.

        The Kremlin said that the call had taken place at Washington's initiative.

        Defence Secretary Geoff Hoon said the appointment was a "significant strengthening" of the alliance.
        """

    private func harness() throws -> SessionHarness {
        let h = try SessionHarness()
        try h.write("talks.txt", Self.article)
        h.ok("load " + Lexer.quote(h.path("talks.txt")))
        return h
    }

    /// The kinds listed by `quotes` with `kind`, one per row, in order.
    private func kinds(_ h: SessionHarness, _ kind: String) -> [String] {
        h.ok("set format=csv")
        defer { h.ok("set format=table") }
        let csv = h.ok("quotes kind=\(kind)")
        return csv.split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",", omittingEmptySubsequences: false)[3]) }
    }

    func testKindReportedListsWhatSourcesCountsAsReported() throws {
        let h = try harness()
        XCTAssertEqual(kinds(h, "direct"), ["direct"])
        XCTAssertEqual(kinds(h, "indirect"), ["indirect"])
        XCTAssertEqual(kinds(h, "mixed"), ["mixed"])
        // everything that is not direct, as the 'reported' column of 'sources' counts it
        XCTAssertEqual(kinds(h, "reported"), ["indirect", "mixed"])
        XCTAssertEqual(kinds(h, "Reported"), ["indirect", "mixed"])
        XCTAssertTrue(h.ok("help quotes").contains("reported: indirect or mixed"))
        h.ok("set format=json")
        let sources = h.ok("sources")
        let reported = sources.components(separatedBy: "\"reported\":").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        XCTAssertEqual(reported.reduce(0, +), 2, sources)
    }

    func testAMisspeltKindSuggestsReportedToo() throws {
        let h = try harness()
        let err = h.fails("quotes kind=reportd")
        XCTAssertTrue(err.contains("did you mean 'reported'?"), err)
        XCTAssertTrue(err.contains("expected one of: direct, indirect, mixed, reported"), err)
    }

    func testQuitAndHelpAsPsqlAndSqliteSpellThem() throws {
        for spelling in ["\\q", ".quit", ".exit", ".QUIT"] {
            let h = try SessionHarness()
            h.ok(spelling)
            XCTAssertTrue(h.wb.quitRequested, spelling)
        }
        for spelling in ["\\?", ".help"] {
            let h = try SessionHarness()
            XCTAssertTrue(h.ok(spelling).contains("Type 'help COMMAND'"), spelling)
        }
        let h = try SessionHarness()
        XCTAssertTrue(h.ok("help quit").contains("also: exit, \\q, .quit, .exit"))
    }

    func testOtherHabitsNameTheReadoutCommand() throws {
        let expected = [
            "ls": "docs", "LS": "docs", ".tables": "docs", "cat x": "show", "rm x": "drop", "grep x": "search",
            ".mode csv": "set format=csv", ".mode JSON": "set format=json", ".mode box": "set format=table",
            ".mode": "set format=table|csv|json", ".mode list": "set format=table|csv|json", ".read f": "source",
        ]
        for (typed, meant) in expected {
            let h = try SessionHarness()
            let name = String(typed.split(separator: " ")[0])
            let err = h.fails(typed)
            XCTAssertEqual(err, "error: unknown command '\(name)' (column 1) - did you mean '\(meant)'?\n", typed)
            // `help` looks commands up the same way
            if !typed.contains(" ") { XCTAssertTrue(h.fails("help " + typed).contains("did you mean '\(meant)'?"), typed) }
        }
        // a misspelt readout command still gets the closest readout command
        let h = try SessionHarness()
        XCTAssertTrue(h.fails("quotse").contains("did you mean 'quotes'?"))
    }
}
