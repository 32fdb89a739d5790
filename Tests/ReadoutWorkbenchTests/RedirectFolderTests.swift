import Foundation
import XCTest
@testable import ReadoutWorkbench

/// `>` and `>>` to a folder (issue 18, "clearer errors"): `stats > adir/` said "Not a directory"
/// and `stats >> adir` "Is a directory". The error says it is a folder and offers a file in it; a
/// name ending in `/` where no folder is says so. Nothing is written.
final class RedirectFolderTests: XCTestCase {
    private var h: SessionHarness!

    override func setUpWithError() throws {
        h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFile))
        try FileManager.default.createDirectory(atPath: h.path("adir"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: h.path("link"), withDestinationPath: h.path("adir"))
        try h.write("file.txt", "kept\n")
    }

    override func tearDown() { h = nil }

    private func assertNothingWritten(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: h.path("adir")), [], file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: h.dir).sorted(), ["adir", "file.txt", "link"], file: file, line: line)
        XCTAssertEqual(h.bytes("file.txt"), Array("kept\n".utf8), file: file, line: line)
    }

    func testAnExistingFolderWithOrWithoutSlash() throws {
        for name in ["adir/", "adir", "adir//", "link", "link/"] {
            for op in [">", ">>"] {
                let err = h.fails("stats \(op) " + Lexer.quote(h.path(name)))
                let shown = h.path(name)
                XCTAssertEqual(err, "error: cannot write '\(shown)': it is a folder, not a file - name a file in it, e.g. '\(Paths.join(shown, "out.txt"))'\n",
                               "stats \(op) \(name)")
            }
        }
        try assertNothingWritten()
    }

    func testASlashAfterANameThatIsNoFolder() throws {
        for name in ["nodir/", "file.txt/"] {
            for op in [">", ">>"] {
                let err = h.fails("stats \(op) " + Lexer.quote(h.path(name)))
                let bare = h.path(String(name.dropLast()))
                XCTAssertEqual(err, "error: cannot write '\(h.path(name))': a name ending in '/' names a folder, and there is no folder '\(bare)' - name a file: leave out the '/', or add a file name after it\n",
                               "stats \(op) \(name)")
            }
        }
        try assertNothingWritten()
    }

    func testAFileInTheFolderIsWritten() throws {
        h.ok("stats > " + Lexer.quote(h.path("adir/out.txt")))
        XCTAssertTrue(String(decoding: h.bytes("adir/out.txt") ?? [], as: UTF8.self).contains("documents"))
    }
}
