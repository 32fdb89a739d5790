import Foundation
import XCTest
@testable import ReadoutWorkbench
#if canImport(Glibc)
import Glibc
#endif

/// What `>`, `report FILE` and `save[!]` do to what is already at the path: devices and FIFOs are
/// written in place, links are written through, modes are kept, read-only and hard-linked files
/// are refused unless forced.
final class FileReplaceTests: XCTestCase {
    private var h: SessionHarness!

    override func setUpWithError() throws {
        h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
    }

    override func tearDown() { h = nil }

    private func kind(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & S_IFMT : 0
    }

    private func mode(_ path: String) -> mode_t {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    private func text(_ name: String) -> String { String(decoding: h.bytes(name) ?? [], as: UTF8.self) }

    func testARedirectToAFIFOWritesIntoIt() throws {
        let fifo = h.path("pipe")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // a reader first, so the writer does not wait; no data yet reads as the end
        let fd = open(fifo, O_RDONLY | O_NONBLOCK)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        h.ok("stats > " + Lexer.quote(fifo))
        var got: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fd, &buf, buf.count)
            if n <= 0 { break }
            got += buf[0..<n]
        }
        XCTAssertTrue(String(decoding: got, as: UTF8.self).contains("documents"), "the output went into the FIFO")
        XCTAssertEqual(kind(fifo), S_IFIFO, "the FIFO is still a FIFO")
    }

    func testARedirectToADeviceWritesInPlace() throws {
        let dev = h.path("null")
        // a character device like /dev/null (major 1, minor 3); only root may make one
        guard mknod(dev, S_IFCHR | 0o666, 0x103) == 0 else { throw XCTSkip("cannot make a device node here (needs root)") }
        h.ok("stats > " + Lexer.quote(dev))
        h.ok("report " + Lexer.quote(dev))
        XCTAssertEqual(kind(dev), S_IFCHR, "the device was not replaced by a file")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: h.dir).filter { $0.hasPrefix(".") }, [])
    }

    func testARedirectThroughALinkWritesItsTarget() throws {
        try FileManager.default.createDirectory(atPath: h.path("real"), withIntermediateDirectories: true)
        try h.write("real/out.txt", "old\n")
        try FileManager.default.createSymbolicLink(atPath: h.path("out.txt"), withDestinationPath: "real/out.txt")
        h.ok("stats > " + Lexer.quote(h.path("out.txt")))
        XCTAssertEqual(kind(h.path("out.txt")), S_IFLNK, "the link stays a link")
        XCTAssertTrue(text("real/out.txt").contains("documents"))
        // a link to a file not there yet creates it
        try FileManager.default.createSymbolicLink(atPath: h.path("new.txt"), withDestinationPath: "real/new.txt")
        h.ok("stats > " + Lexer.quote(h.path("new.txt")))
        XCTAssertEqual(kind(h.path("new.txt")), S_IFLNK)
        XCTAssertTrue(text("real/new.txt").contains("documents"))
        // a loop is an error, not a hang
        try FileManager.default.createSymbolicLink(atPath: h.path("loop"), withDestinationPath: "loop")
        XCTAssertTrue(h.fails("stats > " + Lexer.quote(h.path("loop"))).contains("too many levels of symbolic links"))
    }

    func testSaveThroughALinkKeepsTheLink() throws {
        try FileManager.default.createDirectory(atPath: h.path("store"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: h.path("Sessions"), withIntermediateDirectories: true)
        h.ok("save " + Lexer.quote(h.path("store/s.json")))
        try FileManager.default.createSymbolicLink(atPath: h.path("Sessions/s.json"), withDestinationPath: "../store/s.json")
        h.ok("open! s")
        h.ok("note \"through the link\"")
        h.ok("save")
        XCTAssertEqual(kind(h.path("Sessions/s.json")), S_IFLNK, "the link stays a link")
        XCTAssertTrue(text("store/s.json").contains("through the link"))
        XCTAssertNotNil(h.bytes("store/s.json.bak"), "the backup is beside the file, not the link")
        XCTAssertNil(h.bytes("Sessions/s.json.bak"))
    }

    func testAPrivateSessionStaysPrivate() throws {
        h.ok("save s")
        XCTAssertEqual(chmod(h.path("Sessions/s.json"), 0o600), 0)
        h.ok("note \"private\"")
        h.ok("save")
        XCTAssertEqual(mode(h.path("Sessions/s.json")), 0o600)
        XCTAssertTrue(text("Sessions/s.json").contains("private"))
        h.ok("save! s")
        XCTAssertEqual(mode(h.path("Sessions/s.json")), 0o600)
        try h.write("out.txt", "old\n")
        XCTAssertEqual(chmod(h.path("out.txt"), 0o640), 0)
        h.ok("stats > " + Lexer.quote(h.path("out.txt")))
        XCTAssertEqual(mode(h.path("out.txt")), 0o640)
    }

    func testReadOnlyFilesAreRefusedUnlessForced() throws {
        h.ok("save s")
        XCTAssertEqual(chmod(h.path("Sessions/s.json"), 0o444), 0)
        let before = h.bytes("Sessions/s.json")
        h.ok("note \"later\"")
        let err = h.fails("save")
        XCTAssertTrue(err.contains("cannot write '\(h.dir)/Sessions/s.json': it is read-only - 'save!' replaces it (keeping its mode)"), err)
        XCTAssertEqual(h.bytes("Sessions/s.json"), before)
        XCTAssertTrue(h.wb.workspace.dirty, "still unsaved")
        h.ok("save!")
        XCTAssertTrue(text("Sessions/s.json").contains("later"))
        XCTAssertEqual(mode(h.path("Sessions/s.json")), 0o444)

        try h.write("ro.txt", "keep\n")
        XCTAssertEqual(chmod(h.path("ro.txt"), 0o444), 0)
        XCTAssertTrue(h.fails("stats > " + Lexer.quote(h.path("ro.txt"))).contains("it is read-only - make it writable"))
        XCTAssertTrue(h.fails("stats >> " + Lexer.quote(h.path("ro.txt"))).contains("it is read-only"))
        XCTAssertTrue(h.fails("report " + Lexer.quote(h.path("ro.txt"))).contains("it is read-only"))
        XCTAssertEqual(text("ro.txt"), "keep\n")
    }

    func testHardLinkedFilesAreRefusedUnlessForced() throws {
        try h.write("out.txt", "shared\n")
        XCTAssertEqual(link(h.path("out.txt"), h.path("other.txt")), 0)
        let err = h.fails("stats > " + Lexer.quote(h.path("out.txt")))
        XCTAssertTrue(err.contains("it has 1 other hard link"), err)
        XCTAssertEqual(text("other.txt"), "shared\n")

        h.ok("save s")
        XCTAssertEqual(link(h.path("Sessions/s.json"), h.path("copy.json")), 0)
        let before = h.bytes("copy.json")
        h.ok("note \"later\"")
        XCTAssertTrue(h.fails("save").contains("'save!' replaces it"))
        h.ok("save!")
        XCTAssertTrue(text("Sessions/s.json").contains("later"))
        XCTAssertEqual(h.bytes("copy.json"), before, "the other name keeps the old content")
    }

    func testABackupLinkLeftByAKilledSaveIsNotAHardLink() throws {
        h.ok("save s")
        // a save killed between making the backup link and the rename leaves NAME and NAME.bak as one file
        XCTAssertEqual(link(h.path("Sessions/s.json"), h.path("Sessions/s.json.bak")), 0)
        h.ok("note \"after the crash\"")
        h.ok("save")
    }
}
