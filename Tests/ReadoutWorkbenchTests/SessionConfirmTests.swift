import Foundation
import XCTest
@testable import ReadoutWorkbench

/// `quit`, `open`, `new` and `clear` warn once about unsaved changes; repeating the command goes
/// ahead (issue 21, point 14: `clear` dropped unsaved work silently).
final class SessionConfirmTests: XCTestCase {
    private func dirtyHarness() throws -> SessionHarness {
        let h = try SessionHarness(interactive: true)
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        XCTAssertTrue(h.wb.workspace.dirty)
        return h
    }

    func testQuitWarnsOnceThenGoesAhead() throws {
        let h = try dirtyHarness()
        let err = h.fails("quit")
        XCTAssertTrue(err.contains("the session has unsaved changes - 'save' first, or repeat 'quit' to discard them"), err)
        XCTAssertFalse(h.wb.quitRequested)
        h.ok("quit")
        XCTAssertTrue(h.wb.quitRequested)
    }

    func testNewWarnsOnceThenGoesAhead() throws {
        let h = try dirtyHarness()
        XCTAssertTrue(h.fails("new").contains("repeat 'new'"))
        XCTAssertEqual(h.wb.workspace.documents.count, 1)
        h.ok("new")
        XCTAssertTrue(h.wb.workspace.documents.isEmpty)
    }

    func testOpenWarnsOnceThenGoesAhead() throws {
        let h = try dirtyHarness()
        h.ok("save o")
        h.ok("note unsaved")
        let err = h.fails("open o")
        XCTAssertTrue(err.contains("repeat 'open o'"), err)
        XCTAssertEqual(h.wb.workspace.notes.count, 1)
        h.ok("open o")
        XCTAssertEqual(h.wb.workspace.notes.count, 0)
        XCTAssertFalse(h.wb.workspace.dirty)
    }

    func testClearWarnsOnceThenGoesAhead() throws {
        let h = try dirtyHarness()
        h.ok("note \"about the seed\" on=000")
        let err = h.fails("clear")
        XCTAssertEqual(err, "error: the session has unsaved changes - 'save' first, or repeat 'clear' to discard them\n")
        XCTAssertEqual(h.wb.workspace.documents.count, 1)
        XCTAssertEqual(h.wb.workspace.notes.count, 1)
        XCTAssertEqual(h.ok("clear"), "cleared 1 document and the note about it\n")
        XCTAssertTrue(h.wb.workspace.documents.isEmpty)
    }

    func testClearAsksOnlyWhenUnsavedDocumentsWouldGo() throws {
        let h = try dirtyHarness()
        h.ok("save c")
        XCTAssertEqual(h.ok("clear"), "cleared 1 document\n", "saved: nothing is lost")
        // unsaved, but no document to remove: the note stays, nothing is lost
        h.ok("note \"a thought\"")
        XCTAssertEqual(h.ok("clear"), "cleared 0 documents\n")
        XCTAssertEqual(h.wb.workspace.notes.count, 1)
    }

    func testForcedFormsDoNotAsk() throws {
        let h = try dirtyHarness()
        h.ok("new!")
        XCTAssertTrue(h.wb.workspace.documents.isEmpty)
    }

    func testAChangeAfterTheWarningReArmsIt() throws {
        let h = try dirtyHarness()
        h.fails("quit")
        h.ok("note \"written after the warning\"")
        // The warning covered the earlier changes only: quitting now must warn again.
        h.fails("quit")
        XCTAssertFalse(h.wb.quitRequested)
        h.ok("quit")
        XCTAssertTrue(h.wb.quitRequested)
    }

    func testAnotherCommandNeedsItsOwnWarning() throws {
        let h = try dirtyHarness()
        h.fails("quit")
        h.fails("new")
        XCTAssertEqual(h.wb.workspace.documents.count, 1)
    }

    func testNoWarningOnceSaved() throws {
        let h = try dirtyHarness()
        h.ok("save q")
        h.ok("new")
        h.ok("open q")
        h.ok("quit")
        XCTAssertTrue(h.wb.quitRequested)
    }
}
