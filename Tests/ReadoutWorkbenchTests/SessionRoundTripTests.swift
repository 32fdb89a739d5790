import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Save, then open in a fresh workbench (as on another machine): every analysis command prints
/// exactly what it printed before, in table and JSON form.
final class SessionRoundTripTests: XCTestCase {
    /// Commands to compare; those not on this build yet (quotes, diff) are skipped by name.
    static let commands = [
        "docs", "show 000", "notes", "history last=3",
        "entities", "entities type=PERSON sort=first", "mentions Psaki", "explain Psaki", "explain US",
        "quotes", "quotes who=Psaki", "explain q1",
        "diff whitehouse kremlin", "diff 000 000",
        "topics",
    ]

    private func outputs(_ h: SessionHarness) -> [String] {
        var all: [String] = []
        for format in ["table", "json"] {
            h.ok("set format=\(format)")
            for c in Self.commands {
                let name = String(c.split(separator: " ")[0])
                guard Registry.spec(name) != nil else { continue }
                let ok = h.run(c)
                let (out, err) = h.take()
                all.append("\(format) \(c) ok=\(ok)\n\(out)\(err)")
            }
        }
        h.ok("set format=table")
        return all
    }

    func testAnalysisIsIdenticalAfterSaveAndOpen() throws {
        let a = try SessionHarness()
        a.loadSeedWithExtras()
        a.wb.workspace.groups["whitehouse"] = ["White House", "Jen Psaki", "Joseph Biden"]
        let file = a.path("story.json")
        a.ok("save " + Lexer.quote(file))
        let before = outputs(a)
        XCTAssertGreaterThanOrEqual(before.count, 2 * 9, "expected at least docs, show, notes, history and the entity commands")

        let b = try SessionHarness()
        b.ok("open " + Lexer.quote(file))
        let after = outputs(b)
        XCTAssertEqual(before.count, after.count)
        for (x, y) in zip(before, after) {
            // `history` differs by design: the commands run since the save are not in the file.
            if x.contains(" history ") { continue }
            XCTAssertEqual(x, y)
        }
        XCTAssertTrue(before.contains { $0.hasPrefix("table entities ok=true\n") && $0.contains("Vladimir Putin") })
    }

    func testSavingAnOpenedSessionGivesTheSameFile() throws {
        let a = try SessionHarness()
        a.loadSeedWithExtras()
        a.ok("save " + Lexer.quote(a.path("one.json")))
        let b = try SessionHarness()
        b.ok("open " + Lexer.quote(a.path("one.json")))
        let one = String(decoding: try XCTUnwrap(a.bytes("one.json")), as: UTF8.self)
        XCTAssertEqual(String(decoding: SessionFile.encode(b.wb.workspace), as: UTF8.self), one)
        // Saving it adds only the `save` to the history.
        b.ok("save " + Lexer.quote(a.path("two.json")))
        let two = String(decoding: try XCTUnwrap(a.bytes("two.json")), as: UTF8.self)
        let saveLine = "    \"save " + Lexer.quote(a.path("one.json")) + "\""
        XCTAssertEqual(two, one.replacingOccurrences(of: saveLine + "\n", with: saveLine + ",\n    \"save " + Lexer.quote(a.path("two.json")) + "\"\n"))
    }
}
