import Foundation
import XCTest
@testable import ReadoutWorkbench

/// `quit`, `open` and `new` warn once about unsaved changes; repeating the command goes ahead.
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
