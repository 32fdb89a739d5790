import Foundation
import XCTest
@testable import ReadoutWorkbench

/// `set autosave=on`: every change is saved once the session has a file.
final class SessionAutosaveTests: XCTestCase {
    override func tearDown() { TestHooks.failWrites = false }

    func testAutosaveSavesEachChangeOnceThereIsAFile() throws {
        let h = try SessionHarness()
        h.ok("set autosave=on")
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        XCTAssertTrue(h.wb.workspace.dirty, "no file yet: nothing to autosave to")
        XCTAssertNil(h.bytes("Sessions/a.json"))
        h.ok("save a")
        h.ok("note \"autosaved\"")
        XCTAssertFalse(h.wb.workspace.dirty)
        let back = try SessionFile.decode(try XCTUnwrap(h.bytes("Sessions/a.json")), file: "a")
        XCTAssertEqual(back.notes.map(\.text), ["autosaved"])
        XCTAssertEqual(back.history.last, "note \"autosaved\"")
        // Commands that change nothing do not write.
        let before = h.bytes("Sessions/a.json")
        h.ok("docs")
        XCTAssertEqual(h.bytes("Sessions/a.json"), before)
    }

    func testAutosaveFailureIsReportedAndNothingIsLost() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save a")
        let saved = h.bytes("Sessions/a.json")
        h.ok("set autosave=on")
        TestHooks.failWrites = true
        let err = h.fails("note \"disk is full\"")
        XCTAssertTrue(err.contains("autosave failed: cannot write"), err)
        XCTAssertEqual(h.bytes("Sessions/a.json"), saved)
        XCTAssertTrue(h.wb.workspace.dirty)
        XCTAssertEqual(h.wb.workspace.notes.count, 1)
        TestHooks.failWrites = false
        h.ok("docs")   // the next command's autosave catches up
        XCTAssertFalse(h.wb.workspace.dirty)
    }

    func testAutosaveRespectsAFileChangedOnDisk() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save a")
        h.ok("set autosave=on")
        try h.write("Sessions/a.json", "{}\n")
        XCTAssertTrue(h.fails("note x").contains("autosave failed: '\(h.dir)/Sessions/a.json' changed on disk"))
        XCTAssertEqual(h.bytes("Sessions/a.json"), Array("{}\n".utf8))
    }
}
