import Foundation
import ReadoutTestSupport
import XCTest
@testable import ReadoutWorkbench
#if canImport(Glibc)
import Glibc
#endif

/// File names that are not UTF-8 (issue 18, "clearer errors"): a Latin-1 `café.txt` was skipped
/// as a "broken or looping symbolic link" and could not be loaded by name. It loads from its
/// folder, by name and by glob, and its odd byte shows as `\xE9`, which types it back.
final class FileNameBytesTests: XCTestCase {
    private var h: SessionHarness!
    /// `latin1/caf\xE9.txt` in the harness folder, as typed at the prompt.
    private var typedName: String { h.path("latin1") + "/caf\\xE9.txt" }

    override func setUpWithError() throws {
        h = try SessionHarness()
        try FileManager.default.createDirectory(atPath: h.path("latin1"), withIntermediateDirectories: true)
        try writeRaw(Array((h.path("latin1") + "/caf").utf8) + [0xE9] + Array(".txt".utf8),
                     "Latin name\n\nThe minister said the talks would go on.\n")
    }

    override func tearDown() { h = nil }

    /// Writes `text` to the file whose name is exactly `path` (bytes, not UTF-8).
    private func writeRaw(_ path: [UInt8], _ text: String) throws {
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw XCTSkip("this file system refuses names that are not UTF-8 (errno \(errno))") }
        defer { close(fd) }
        XCTAssertTrue(AtomicFile.writeAll(fd, Array(text.utf8)))
    }

    func testTheFolderLoadsIt() {
        let out = h.ok("load " + Lexer.quote(h.path("latin1")))
        XCTAssertTrue(out.hasPrefix("loaded 1 document"), out)
        h.ok("set width=400")
        let docs = h.ok("docs")
        XCTAssertTrue(docs.contains("Latin name"), docs)
        XCTAssertTrue(docs.contains("latin1/caf\\xE9.txt"), "the byte shows escaped: \(docs)")
    }

    func testTheNameAsShownLoadsIt() {
        XCTAssertTrue(h.ok("load \"\(typedName)\"").hasPrefix("loaded 1 document"))
        XCTAssertEqual(h.wb.workspace.documents.values.first?.title, "Latin name")
        // the path kept is the file's: loading it again by folder finds the same file
        h.run("load " + Lexer.quote(h.path("latin1")))
        XCTAssertTrue(h.take().err.contains("is already loaded"))
        XCTAssertEqual(h.wb.workspace.documents.count, 1)
    }

    func testAGlobLoadsIt() {
        XCTAssertTrue(h.ok("load " + Lexer.quote(h.path("latin1") + "/caf*.txt")).hasPrefix("loaded 1 document"))
    }

    func testAMissingNameIsNamedWithItsByteEscaped() {
        let err = h.fails("load \"\(h.path("latin1"))/caf\\xE8.txt\"")
        XCTAssertTrue(err.contains("no such file or folder '\(h.path("latin1"))/caf\\xE8.txt'"), err)
        XCTAssertTrue(err.contains("did you mean '\(h.path("latin1"))/caf\\xE9.txt'?"), err)
        XCTAssertFalse(err.contains("symbolic link"), err)
        XCTAssertEqual(err.split(separator: "\n").count, 1, err)
    }

    func testWritingSuchANameIsRefusedNotMangled() throws {
        h.ok("load " + Lexer.quote(h.path("latin1")))
        for command in ["stats > \"\(h.path("x"))\\xE9.txt\"", "stats >> \"\(h.path("x"))\\xE9.txt\"", "save \"\(h.path("s"))\\xE9.json\""] {
            let err = h.fails(command)
            XCTAssertTrue(err.contains("does not write them - choose a UTF-8 name"), "\(command): \(err)")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: h.dir).filter { $0.hasPrefix("x") || $0.hasPrefix("s") || $0.hasPrefix(".") }
        XCTAssertEqual(left, [])
    }

    func testBytesSurviveDecodingAndEncoding() {
        var rng = SplitMix(state: 18)
        for _ in 0..<2_000 {
            let bytes = (0..<Int(rng.next() % 12)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }.filter { $0 != 0 }
            XCTAssertEqual(PathBytes.encode(PathBytes.decode(bytes)), bytes, "\(bytes)")
        }
        // a name that really holds one of the stand-in characters keeps its own four bytes
        let real = Array("x\u{10FEE9}.txt".utf8)
        XCTAssertEqual(PathBytes.encode(PathBytes.decode(real)), real)
        XCTAssertEqual(PathBytes.decode(Array("café.txt".utf8)), "café.txt", "UTF-8 stays as it is")
    }

    func testQuotedNamesTypeBackTheSameBytes() throws {
        let name = PathBytes.decode([0x61, 0xE9, 0x20, 0xFF, 0x22])
        let quoted = Lexer.quote(name)
        XCTAssertEqual(quoted, "\"a\\xE9 \\xFF\\\"\"")
        XCTAssertEqual(try Lexer.statements("load " + quoted).first?.args.first?.text, name)
        XCTAssertEqual(TerminalText.escape(name), "a\\xE9 \\xFF\"")
    }
}
