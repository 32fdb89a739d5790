import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Dates for many documents at once (issue 21, point 16): `set date=DATE` dates every document
/// still without one, `set date=FILE` reads a table of ids and dates; a bad table changes nothing.
final class DocumentDateTests: XCTestCase {
    private static func article(_ n: Int) -> String {
        """
        Council vote \(n)

        The council voted yesterday to close the library, the mayor said on Monday.
        """
    }

    private func harness() throws -> SessionHarness {
        let h = try SessionHarness()
        for n in 1...3 { try h.write("a\(n).txt", Self.article(n)) }
        h.ok("load " + (1...3).map { Lexer.quote(h.path("a\($0).txt")) }.joined(separator: " "))
        return h
    }

    /// Each document's date, by id, from `docs` in JSON.
    private func dates(_ h: SessionHarness) throws -> [String: String?] {
        h.ok("set format=json")
        defer { h.ok("set format=table") }
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(h.ok("docs").utf8)) as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0["date"] as? String) })
    }

    func testOneDateForEveryUndatedDocumentKeepsTheDatesAlreadySet() throws {
        let h = try harness()
        XCTAssertTrue(h.ok("timeline").contains("unresolved"))
        h.ok("set date=2005-02-01 doc=a1")
        let said = h.ok("set date=2005-03-01")
        XCTAssertTrue(said.contains("dated 2 documents 2005-03-01") && said.contains("1 already dated kept theirs"), said)
        XCTAssertEqual(try dates(h), ["a1": "2005-02-01", "a2": "2005-03-01", "a3": "2005-03-01"])
        // relative dates now resolve against each document's date
        let timeline = h.ok("timeline")
        XCTAssertTrue(timeline.contains("2005-01-31") && timeline.contains("2005-02-28"), timeline)
        XCTAssertTrue(h.wb.workspace.dirty, "dating documents is a change to save")
    }

    func testATableDatesTheDocumentsItNames() throws {
        let h = try harness()
        try h.write("dates.tsv", "id\tdate\n# from the desk's log\na1\t2005-01-10\na3\t2005-01-12\n")
        let said = h.ok("set date=" + Lexer.quote(h.path("dates.tsv")))
        XCTAssertTrue(said.contains("dated 2 documents from"), said)
        XCTAssertEqual(try dates(h), ["a1": "2005-01-10", "a2": nil, "a3": "2005-01-12"])
        // comma-separated works too
        try h.write("dates.csv", "a2,2005-01-11\n")
        h.ok("set date=" + Lexer.quote(h.path("dates.csv")))
        XCTAssertEqual(try dates(h)["a2"], "2005-01-11")
    }

    func testABadTableNamesItsLineAndChangesNothing() throws {
        let h = try harness()
        let cases = [("a1\t2005-01-10\nzz\t2005-01-11\n", ":2: unknown document 'zz'"),
                     ("a1\t2005-01-10\na2\t2005-02-30\n", ":2: '2005-02-30' is no date"),
                     ("a1\t2005-01-10\na2 2005-01-11\n", ":2: expected a document id and a date"),
                     ("a1\t2005-01-10\na1\t2005-01-11\n", ":2: 'a1' is dated twice")]
        for (text, error) in cases {
            try h.write("bad.tsv", text)
            let err = h.fails("set date=" + Lexer.quote(h.path("bad.tsv")) + " width=60")
            XCTAssertTrue(err.contains("bad.tsv" + error), "\(text): \(err)")
            XCTAssertEqual(try dates(h), ["a1": nil, "a2": nil, "a3": nil], "nothing dated after: \(error)")
            XCTAssertTrue(h.ok("set").contains("100"), "no other setting changed either")
        }
    }

    func testDatesThatAreNoCalendarDatesAreRefused() throws {
        let h = try harness()
        XCTAssertTrue(h.fails("set date=2005-02-29").contains("'2005-02-29' is no calendar date"))
        XCTAssertTrue(h.fails("set date=2005-13-01 doc=a1").contains("needs YYYY-MM-DD"))
        h.ok("set date=2004-02-29 doc=a1")
        XCTAssertTrue(h.fails("set date=nosuch.tsv").contains("a file of ids and dates"))
        XCTAssertTrue(h.fails("set doc=a1").contains("'doc=' goes with 'date='"))
    }
}
