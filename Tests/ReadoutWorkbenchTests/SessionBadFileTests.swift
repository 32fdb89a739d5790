import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Every kind of bad session file is refused with an error naming the file and the problem,
/// and neither the workspace nor any file changes.
final class SessionBadFileTests: XCTestCase {
    private var h: SessionHarness!
    private var good: [UInt8] = []
    private var goodText: String { String(decoding: good, as: UTF8.self) }

    override func setUpWithError() throws {
        h = try SessionHarness()
        h.loadSeedWithExtras()
        h.ok("save " + Lexer.quote(h.path("good.json")))
        good = try XCTUnwrap(h.bytes("good.json"))
        // Leave unsaved work in the workspace: a failed open must not lose it.
        h.ok("note \"unsaved thought\"")
    }

    override func tearDown() { h = nil }

    /// Writes `bytes` as `name`, opens it, and checks it is refused without changing anything.
    /// Returns the error text.
    @discardableResult
    private func refuse(_ name: String, bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try h.write(name, bytes: bytes)
        let before = SessionHarness.fingerprint(h.wb.workspace)
        let historyBefore = h.wb.workspace.history
        let pathBefore = h.wb.session.path
        let command = "open " + Lexer.quote(h.path(name))
        let err = h.fails(command, file: file, lineNumber: line)
        XCTAssertEqual(h.wb.workspace.history, historyBefore + [command], "history keeps every statement", file: file, line: line)
        XCTAssertTrue(err.hasPrefix("error: " + h.path(name)), "error does not name the file: \(err)", file: file, line: line)
        XCTAssertEqual(SessionHarness.fingerprint(h.wb.workspace), before, "workspace changed", file: file, line: line)
        XCTAssertEqual(h.wb.session.path, pathBefore, file: file, line: line)
        XCTAssertTrue(h.wb.workspace.dirty, file: file, line: line)
        XCTAssertEqual(h.bytes(name), bytes, "the bad file changed", file: file, line: line)
        XCTAssertEqual(h.bytes("good.json"), good, "the session file changed", file: file, line: line)
        return err
    }

    private func refuse(_ name: String, _ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try refuse(name, bytes: Array(text.utf8), file: file, line: line)
    }

    func testTruncatedFile() throws {
        let cut = Array(good.prefix(good.count / 2))
        let lineOfCut = cut.filter { $0 == 0x0A }.count + 1
        let err = try refuse("truncated.json", bytes: cut)
        XCTAssertTrue(err.contains("truncated.json:\(lineOfCut): invalid JSON at column"), err)
        XCTAssertTrue(err.contains("unexpected end of file (truncated?)"), err)
    }

    func testEmptyFile() throws {
        let err = try refuse("empty.json", bytes: [])
        XCTAssertTrue(err.contains("the file is empty"), err)
    }

    func testCorruptJSONGivesLineAndColumn() throws {
        let broken = goodText.replacingOccurrences(of: "\"groups\": [", with: "\"groups\" [")
        let line = broken.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"groups\" [") }! + 1
        let err = try refuse("corrupt.json", broken)
        XCTAssertTrue(err.contains("corrupt.json:\(line): invalid JSON at column 12: expected ':' after key 'groups', found '['"), err)
    }

    func testGarbageAndBinary() throws {
        XCTAssertTrue(try refuse("garbage.json", "hello, this is not a session").contains("expected a value, found 'h'"))
        let err = try refuse("binary.json", bytes: [0x1F, 0x8B, 0x08, 0x00, 0xFF])
        XCTAssertTrue(err.contains("invalid JSON at column 1: expected a value, found byte 0x1F"), err)
    }

    func testInvalidUTF8InText() throws {
        var bytes = good
        let r = try XCTUnwrap(goodText.range(of: "Kremlin said"))
        let at = goodText.utf8.distance(from: goodText.startIndex, to: r.lowerBound)
        bytes[at] = 0xFF
        let err = try refuse("badutf8.json", bytes: bytes)
        XCTAssertTrue(err.contains("invalid UTF-8 inside a string"), err)
    }

    func testWrongFormat() throws {
        let err = try refuse("wrongformat.json", goodText.replacingOccurrences(of: "\"readout-session\"", with: "\"other-tool\""))
        XCTAssertTrue(err.contains("wrongformat.json:2: invalid session at column 13: not a Readout session: \"format\" is \"other-tool\", expected \"readout-session\""), err)
        XCTAssertTrue(try refuse("noformat.json", "{\n  \"documents\": []\n}\n").contains("it has no \"format\" key"))
        XCTAssertTrue(try refuse("array.json", "[1, 2]").contains("the top level is an array, not an object"))
        XCTAssertTrue(try refuse("package.json", "{\"name\": \"x\", \"format\": 3}").contains("\"format\" is a number"))
    }

    func testNewerVersionIsRefused() throws {
        let err = try refuse("v2.json", goodText.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 2,"))
        XCTAssertTrue(err.contains("v2.json:3: invalid session at column 14: session format version 2 is newer than this readout reads (up to 1)"), err)
        XCTAssertTrue(err.contains("open it with a newer readout"), err)
        XCTAssertTrue(try refuse("v0.json", goodText.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 0,")).contains("\"version\" must be a whole number from 1"))
        XCTAssertTrue(try refuse("vstr.json", goodText.replacingOccurrences(of: "\"version\": 1,", with: "\"version\": \"1\",")).contains("\"version\" must be a whole number"))
    }

    func testTextNotMatchingItsHashNamesTheDocument() throws {
        let edited = goodText.replacingOccurrences(of: "spoke by telephone on Friday", with: "spoke by telephone on Monday")
        XCTAssertNotEqual(edited, goodText)
        let textLine = edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("\"text\": [") }! + 1
        let err = try refuse("edited.json", edited)
        XCTAssertTrue(err.contains("edited.json:\(textLine): invalid session at column 15: document '000_4fd503e8c5c9a19c': its text does not match its content hash"), err)
        XCTAssertTrue(err.contains("the file says 9b8010085f4f3a09"), err)
    }

    func testSchemaProblems() throws {
        XCTAssertTrue(try refuse("unknownkey.json", goodText.replacingOccurrences(of: "\"loaded_at\"", with: "\"loadedAt\""))
            .contains("document '000_4fd503e8c5c9a19c': unknown key \"loadedAt\""))
        XCTAssertTrue(try refuse("nohash.json", goodText.replacingOccurrences(of: "\"hash\": \"9b8010085f4f3a09\",", with: ""))
            .contains("missing key \"hash\""))
        XCTAssertTrue(try refuse("badenc.json", goodText.replacingOccurrences(of: "\"utf-8\"", with: "\"ebcdic\""))
            .contains("unknown \"encoding\" 'ebcdic'"))
        XCTAssertTrue(try refuse("baddate.json", goodText.replacingOccurrences(of: "\"date\": null", with: "\"date\": \"13/04/2021\""))
            .contains("\"date\" must be YYYY-MM-DD"))
        XCTAssertTrue(try refuse("notes.json", goodText.replacingOccurrences(of: "\"notes\": [", with: "\"notes\": [\n    42,"))
            .contains("note 1 must be an object, not a number"))
        // The same document twice.
        let start = try XCTUnwrap(goodText.range(of: "    {\n      \"id\""))
        let end = try XCTUnwrap(goodText.range(of: "\n    }\n  ],\n  \"groups\""))
        let doc = String(goodText[start.lowerBound..<end.lowerBound]) + "\n    }"
        let twice = goodText.replacingOccurrences(of: "\"documents\": [\n", with: "\"documents\": [\n" + doc + ",\n")
        XCTAssertTrue(try refuse("twice.json", twice).contains("document 2: id '000_4fd503e8c5c9a19c' is used twice"))
    }

    func testMissingFileAndFolder() throws {
        let before = SessionHarness.fingerprint(h.wb.workspace)
        let err = h.fails("open " + Lexer.quote(h.path("nope.json")))
        XCTAssertTrue(err.contains("no session file '\(h.path("nope.json"))'"), err)
        try FileManager.default.createDirectory(atPath: h.path("adir.json"), withIntermediateDirectories: true)
        XCTAssertTrue(h.fails("open " + Lexer.quote(h.path("adir.json"))).contains("is a folder, not a session file"))
        XCTAssertEqual(SessionHarness.fingerprint(h.wb.workspace), before)
    }

    func testBackupIsOfferedWhenThereIsOne() throws {
        h.ok("save")   // good.json now has a .bak
        let saved = try XCTUnwrap(h.bytes("good.json"))
        try h.write("good.json", bytes: Array(saved.prefix(100)))
        let err = h.fails("open " + Lexer.quote(h.path("good.json")))
        XCTAssertTrue(err.contains("the previous save is in '\(h.path("good.json")).bak'"), err)
    }
}
