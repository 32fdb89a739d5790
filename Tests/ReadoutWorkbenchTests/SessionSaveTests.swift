import Foundation
import XCTest
@testable import ReadoutWorkbench

/// `save`, `open` and `new`: names, the session's own file, backups, refusals and failed saves.
final class SessionSaveTests: XCTestCase {
    override func tearDown() { TestHooks.failWrites = false }

    func testSaveOpenRoundTripRestoresEverything() throws {
        let h = try SessionHarness()
        h.loadSeedWithExtras()
        h.ok("set date=2021-04-02 doc=000")
        let out = h.ok("save biden")
        let file = h.dir + "/Sessions/biden.json"
        XCTAssertEqual(out, "saved 1 document, 1 group, 2 notes to \(file)\n")
        XCTAssertEqual(h.wb.session.path, file)
        XCTAssertFalse(h.wb.workspace.dirty)
        let saved = SessionHarness.fingerprint(h.wb.workspace)
        let savedHistory = h.wb.workspace.history
        XCTAssertEqual(savedHistory.last, "save biden")

        h.ok("new")
        XCTAssertTrue(h.wb.workspace.documents.isEmpty)
        XCTAssertNil(h.wb.session.path)
        XCTAssertEqual(h.ok("open biden"), "opened \(file): 1 document, 1 group, 2 notes\n")
        // Everything is as saved, the history too (up to and including the `save`).
        XCTAssertEqual(SessionHarness.fingerprint(h.wb.workspace), saved)
        XCTAssertEqual(h.wb.workspace.history, savedHistory)
        XCTAssertEqual(h.wb.workspace.documents.values.first?.date, "2021-04-02")
        XCTAssertEqual(h.wb.workspace.groups["kremlin"], ["Kremlin", "Vladimir Putin"])
    }

    func testNameResolution() {
        XCTAssertEqual(SessionStore.resolve("biden", directory: "Sessions"), "Sessions/biden.json")
        XCTAssertEqual(SessionStore.resolve("biden.session", directory: "Sessions"), "Sessions/biden.session")
        XCTAssertEqual(SessionStore.resolve("./biden", directory: "Sessions"), "./biden")
        XCTAssertEqual(SessionStore.resolve("/tmp/x.json", directory: "Sessions"), "/tmp/x.json")
        XCTAssertEqual(SessionStore.resolve("x", directory: "out/s"), "out/s/x.json")
    }

    func testSaveWithoutNameUsesTheSessionFileOrAsksForOne() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        let err = h.fails("save")
        XCTAssertTrue(err.contains("the session has no file yet - give it a name: 'save NAME' writes \(h.dir)/Sessions/NAME.json"), err)
        h.ok("save s1")
        h.ok("note again")
        XCTAssertTrue(h.wb.workspace.dirty)
        XCTAssertTrue(h.ok("save").contains("to \(h.dir)/Sessions/s1.json"))
        XCTAssertFalse(h.wb.workspace.dirty)
        let back = try SessionFile.decode(try XCTUnwrap(h.bytes("Sessions/s1.json")), file: "s1")
        XCTAssertEqual(back.notes.map(\.text), ["again"])
    }

    func testSessionsDirectoryIsConfigurable() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("set sessions=" + Lexer.quote(h.path("elsewhere/deeper")))
        h.ok("save story")
        XCTAssertNotNil(h.bytes("elsewhere/deeper/story.json"))
        h.ok("new")
        h.ok("open story")
        XCTAssertEqual(h.wb.workspace.documents.count, 1)
    }

    func testPreviousFileIsKeptAsBackup() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save b")
        let first = try XCTUnwrap(h.bytes("Sessions/b.json"))
        XCTAssertNil(h.bytes("Sessions/b.json.bak"))
        h.ok("note \"second version\"")
        h.ok("save")
        XCTAssertEqual(h.bytes("Sessions/b.json.bak"), first)
        XCTAssertNotEqual(h.bytes("Sessions/b.json"), first)
        // No temporary files are left behind; the lock file that serialises saves stays.
        let names = try FileManager.default.contentsOfDirectory(atPath: h.path("Sessions")).sorted()
        XCTAssertEqual(names, [".b.json.lock", "b.json", "b.json.bak"])
    }

    func testRefusesToOverwriteAFileChangedOnDisk() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save c")
        // Someone else rewrites the file (same size, same second: only the content differs).
        var other = try XCTUnwrap(h.bytes("Sessions/c.json"))
        let i = try XCTUnwrap(other.firstIndex(of: UInt8(ascii: "S")))
        other[i] = UInt8(ascii: "Z")
        try h.write("Sessions/c.json", bytes: other)
        h.ok("note mine")
        let err = h.fails("save")
        XCTAssertTrue(err.contains("'\(h.dir)/Sessions/c.json' changed on disk since this session opened or saved it"), err)
        XCTAssertTrue(err.contains("'save!' overwrites it"), err)
        XCTAssertEqual(h.bytes("Sessions/c.json"), other)
        XCTAssertTrue(h.wb.workspace.dirty)
        // Forcing goes ahead and keeps their version as the backup.
        h.ok("save!")
        XCTAssertEqual(h.bytes("Sessions/c.json.bak"), other)
        XCTAssertFalse(h.wb.workspace.dirty)
        // After a save the stamp is ours again: a plain save works.
        h.ok("note more")
        h.ok("save")
    }

    func testRefusesToOverwriteAnotherExistingFile() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        try h.write("notes.txt", "not a session\n")
        let err = h.fails("save " + Lexer.quote(h.path("notes.txt")))
        XCTAssertTrue(err.contains("already exists"), err)
        XCTAssertEqual(h.bytes("notes.txt"), Array("not a session\n".utf8))
        XCTAssertNil(h.wb.session.path)
        h.ok("save! " + Lexer.quote(h.path("notes.txt")))
        XCTAssertEqual(h.bytes("notes.txt.bak"), Array("not a session\n".utf8))
    }

    /// A failed save reports why, leaves the previous file and the session as they were.
    private func assertFailedSave(_ h: SessionHarness, _ command: String, expect: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try XCTUnwrap(h.bytes("Sessions/f.json"), file: file, line: line)
        let path = h.wb.session.path
        let err = h.fails(command, file: file, lineNumber: line)
        XCTAssertTrue(err.contains(expect), err, file: file, line: line)
        XCTAssertEqual(h.bytes("Sessions/f.json"), before, file: file, line: line)
        XCTAssertEqual(h.wb.session.path, path, file: file, line: line)
        XCTAssertTrue(h.wb.workspace.dirty, "a failed save must leave the changes unsaved", file: file, line: line)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: h.path("Sessions")).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], file: file, line: line)
    }

    func testFailedSavesLeaveThePreviousFileIntact() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save f")
        h.ok("note \"unsaved\"")

        // Disk full.
        TestHooks.failWrites = true
        try assertFailedSave(h, "save", expect: "cannot write '\(h.dir)/Sessions/f.json': No space left on device - the previous file is unchanged")
        TestHooks.failWrites = false

        // A folder that does not exist (as a read-only folder would: tests run as root).
        try assertFailedSave(h, "save " + Lexer.quote(h.path("missing/folder/x.json")), expect: "cannot write '\(h.path("missing/folder/x.json"))'")

        // A folder where the file should be.
        try FileManager.default.createDirectory(atPath: h.path("Sessions/dir.json"), withIntermediateDirectories: true)
        try assertFailedSave(h, "save! dir", expect: "cannot save to '\(h.dir)/Sessions/dir.json': it is a folder")

        // The session still saves normally afterwards.
        h.ok("save")
        XCTAssertFalse(h.wb.workspace.dirty)
    }

    func testNewForgetsTheFile() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("save n")
        XCTAssertEqual(h.ok("new"), "new empty session\n")
        XCTAssertNil(h.wb.session.path)
        XCTAssertTrue(h.wb.workspace.notes.isEmpty && h.wb.workspace.groups.isEmpty && h.wb.workspace.documents.isEmpty)
        XCTAssertTrue(h.fails("save").contains("the session has no file yet"))
        // `open` of a missing name suggests a close one.
        XCTAssertTrue(h.fails("open m").contains("did you mean 'n'?"))
    }

    func testJSONOutput() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
        h.ok("set format=json")
        let out = h.ok("save j")
        XCTAssertTrue(out.hasPrefix("{\"ok\":true,\"message\":\"saved 1 document, 0 groups, 0 notes to "), out)
        XCTAssertTrue(out.contains("\"documents\":1,\"groups\":0,\"notes\":0,\"bytes\":"), out)
    }
}
