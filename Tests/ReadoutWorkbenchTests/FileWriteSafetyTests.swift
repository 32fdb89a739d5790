import Foundation
import XCTest
@testable import ReadoutWorkbench
#if canImport(Glibc)
import Glibc
#endif

/// Writing files never follows or clobbers what the user did not name: temporary files are made
/// fresh (O_CREAT|O_EXCL|O_NOFOLLOW) under unpredictable names in the target's folder.
final class FileWriteSafetyTests: XCTestCase {
    private var h: SessionHarness!

    override func setUpWithError() throws {
        h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFolder))
    }

    override func tearDown() { h = nil }

    private func isSymlink(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK
    }

    /// Symbolic links planted where the temporary file used to go (`.NAME.tmp-PID`) and under
    /// the other names an attacker might guess, pointing at a file the user never named.
    private func plantLinks(for name: String, victim: String) throws {
        for guess in [".\(name).tmp-\(getpid())", ".\(name).tmp", ".\(name).tmp-0", ".\(name).lock"] {
            try FileManager.default.createSymbolicLink(atPath: h.path(guess), withDestinationPath: victim)
        }
    }

    func testARedirectDoesNotFollowAPlantedLink() throws {
        try h.write("victim", "precious\n")
        try plantLinks(for: "out.txt", victim: h.path("victim"))
        h.ok("stats > " + Lexer.quote(h.path("out.txt")))
        XCTAssertEqual(String(decoding: h.bytes("victim") ?? [], as: UTF8.self), "precious\n", "the link's target is untouched")
        XCTAssertFalse(isSymlink(h.path("out.txt")), "the output is a file of its own, not the planted link")
        XCTAssertTrue(String(decoding: h.bytes("out.txt") ?? [], as: UTF8.self).contains("documents"))
        XCTAssertTrue(isSymlink(h.path(".out.txt.tmp-\(getpid())")), "the planted link is left alone")
    }

    func testASaveDoesNotFollowAPlantedLink() throws {
        try h.write("victim", "precious\n")
        try FileManager.default.createDirectory(atPath: h.path("Sessions"), withIntermediateDirectories: true)
        for guess in [".s.json.tmp-\(getpid())", ".s.json.tmp"] {
            try FileManager.default.createSymbolicLink(atPath: h.path("Sessions/" + guess), withDestinationPath: h.path("victim"))
        }
        h.ok("save s")
        XCTAssertEqual(String(decoding: h.bytes("victim") ?? [], as: UTF8.self), "precious\n")
        XCTAssertFalse(isSymlink(h.path("Sessions/s.json")))
        h.ok("open! s")
    }

    func testAReportDoesNotFollowAPlantedLink() throws {
        try h.write("victim", "precious\n")
        try plantLinks(for: "brief.md", victim: h.path("victim"))
        h.ok("report " + Lexer.quote(h.path("brief.md")))
        XCTAssertEqual(String(decoding: h.bytes("victim") ?? [], as: UTF8.self), "precious\n")
        XCTAssertTrue(String(decoding: h.bytes("brief.md") ?? [], as: UTF8.self).hasPrefix("# Readout brief"))
    }

    func testATakenTemporaryNameIsSkippedNotFollowed() throws {
        try h.write("victim", "precious\n")
        let target = h.path("t.txt")
        let prefix = AtomicFile.temporaryPrefix(of: target)
        try FileManager.default.createSymbolicLink(atPath: h.path(prefix + "first"), withDestinationPath: h.path("victim"))
        try h.write(prefix + "second", "someone else's\n")
        var names = ["first", "second", "third"].makeIterator()
        let (fd, tmp) = try AtomicFile.createTemporary(beside: target) { names.next() ?? "later" }
        close(fd)
        XCTAssertEqual(tmp, h.path(prefix + "third"))
        XCTAssertEqual(String(decoding: h.bytes("victim") ?? [], as: UTF8.self), "precious\n")
        XCTAssertEqual(String(decoding: h.bytes(prefix + "second") ?? [], as: UTF8.self), "someone else's\n")
        XCTAssertTrue(isSymlink(h.path(prefix + "first")))
        unlink(tmp)
    }

    func testTemporaryNamesAreRandom() throws {
        let a = try AtomicFile.createTemporary(beside: h.path("r.txt")), b = try AtomicFile.createTemporary(beside: h.path("r.txt"))
        close(a.fd); close(b.fd)
        XCTAssertNotEqual(a.path, b.path)
        XCTAssertTrue(Paths.lastComponent(a.path).hasPrefix(".r.txt.tmp-\(getpid())-"), a.path)
        unlink(a.path); unlink(b.path)
    }
}
