import Foundation
import XCTest
@testable import ReadoutWorkbench

/// `note` and `notes`: what a note can be about, listing and filtering, and keeping them in the session.
final class SessionNotesTests: XCTestCase {
    func testNotesOnDocumentsEntitiesGroupsAndTheSession() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.wb.workspace.groups["kremlin"] = ["Kremlin", "Vladimir Putin"]
        XCTAssertEqual(h.ok("note \"whole story\""), "note 1 added\n")
        XCTAssertEqual(h.ok("note \"check the call\" on=000"), "note 2 added on 000_4fd503e8c5c9a19c\n")
        XCTAssertEqual(h.ok("note \"his line on Ukraine\" on=Putin"), "note 3 added on Vladimir Putin\n")
        XCTAssertEqual(h.ok("note \"their side\" on=KREMLIN"), "note 4 added on kremlin\n")
        XCTAssertEqual(h.ok("note several words without quotes"), "note 5 added\n")
        XCTAssertEqual(h.wb.workspace.notes.map(\.text),
                       ["whole story", "check the call", "his line on Ukraine", "their side", "several words without quotes"])
        XCTAssertTrue(h.wb.workspace.notes.allSatisfy { $0.at > 1_600_000_000 })

        XCTAssertEqual(h.ok("notes on=\"Vladimir Putin\""), """
            n  on              text
            -  --------------  -------------------
            3  Vladimir Putin  his line on Ukraine
            (1 row)

            """)
        XCTAssertTrue(h.ok("notes").contains("(5 rows)"))
        h.ok("set format=json")
        let json = h.ok("notes on=000")
        XCTAssertTrue(json.hasPrefix("[{\"n\":2,\"on\":\"000_4fd503e8c5c9a19c\",\"at\":"), json)
        XCTAssertTrue(json.hasSuffix(",\"text\":\"check the call\"}]\n"), json)
    }

    func testNotesOnQuotesUseTheFullQuoteID() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        guard let q = h.wb.workspace.analysis.quotes.first else {
            throw XCTSkip("the quotes engine finds no quotes in the seed yet")
        }
        XCTAssertEqual(h.ok("note \"verify\" on=\(q.id)"), "note 1 added on 000_4fd503e8c5c9a19c:\(q.id)\n")
    }

    func testBadNotes() throws {
        let h = try SessionHarness()
        XCTAssertTrue(h.fails("note x on=000").contains("the workspace is empty"))
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        XCTAssertTrue(h.fails("note \"  \"").contains("the note is empty"))
        XCTAssertTrue(h.fails("note").contains("'note' needs at least 1 argument"))
        let err = h.fails("note x on=Kremlinn")
        XCTAssertTrue(err.contains("unknown document, entity, group or quote 'Kremlinn'") && err.contains("did you mean 'Kremlin'?"), err)
        XCTAssertTrue(h.wb.workspace.notes.isEmpty)
    }

    func testNotesMarkTheSessionUnsavedAndAreSaved() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save n")
        h.ok("note \"kept\" on=000")
        XCTAssertTrue(h.wb.workspace.dirty)
        h.ok("save")
        h.ok("new")
        h.ok("open n")
        XCTAssertEqual(h.wb.workspace.notes.map(\.text), ["kept"])
        XCTAssertEqual(h.wb.workspace.notes.first?.on, "000_4fd503e8c5c9a19c")
    }
}
