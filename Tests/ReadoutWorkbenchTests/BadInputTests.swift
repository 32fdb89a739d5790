import Foundation
import Synchronization
import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// One test per kind of bad input people will feed Readout: each is a warning or error that
/// names the file, the other files still load, and nothing crashes or hangs.
final class BadInputTests: TempFolderTestCase {
    var wb: Workbench!
    let output = OutputBuffer()

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write("good.txt", Array("A good article\n\nThe minister said the plan would work.".utf8))
        let out = output
        wb = Workbench(options: .init(out: { out.append($0) }, err: { out.append($0) }))
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws {
        try folder.write(name, bytes)
    }

    /// Loads the folder, analyses it, and returns what was printed.
    @discardableResult
    private func loadAll(_ extra: String = "") -> String {
        output.clear()
        wb.execute("load " + Lexer.quote(dir) + extra)
        _ = wb.workspace.analysis
        XCTAssertTrue(wb.workspace.documents.values.contains { $0.title == "A good article" }, "the good file still loads")
        return output.text
    }

    func testBinaryFile() throws {
        try write("report.txt", [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x00, 0x00, 0xFF, 0xD8] + Array(repeating: 0, count: 100))
        XCTAssertTrue(loadAll().contains("warning: skipped '\(dir!)/report.txt': binary file, not text"))
    }

    func testEmptyFile() throws {
        try write("empty.txt", [])
        XCTAssertTrue(loadAll().contains("warning: '\(dir!)/empty.txt' is empty"))
    }

    func testLatin1File() throws {
        try write("latin.txt", Array("Caf".utf8) + [0xE9] + Array(" society\n\nSeñor".utf8.map { $0 }) )
        let out = loadAll()
        XCTAssertTrue(out.contains("latin.txt' is not UTF-8; read as Windows-1252"), out)
    }

    func testUTF16File() throws {
        var b: [UInt8] = [0xFE, 0xFF]
        for u in "Big endian headline\n\nText here.".utf16 { b += [UInt8(u >> 8), UInt8(u & 0xFF)] }
        try write("be.txt", b)
        loadAll()
        XCTAssertTrue(wb.workspace.documents.values.contains { $0.title == "Big endian headline" })
    }

    func testNULBytesInsideText() throws {
        try write("nul.txt", Array("Headline\n\nSome text".utf8) + [0] + Array(" after a NUL.".utf8) + Array(repeating: 0x61, count: 9000))
        XCTAssertTrue(loadAll().contains("nul.txt': binary file"))
    }

    func testVeryLongLine() throws {
        let line = String(repeating: "word ", count: 400_000) // 2 MB on one line
        try write("long.txt", Array(("Long line\n\n" + line).utf8))
        loadAll()
        XCTAssertEqual(wb.workspace.documents.count, 2)
    }

    func testMegabyteQuotationWithNoClosingMark() throws {
        let body = "“" + String(repeating: "It goes on and on, he said. ", count: 40_000)
        try write("unclosed.txt", Array(("Unclosed\n\nThe minister said: " + body).utf8))
        loadAll()
        let a = wb.workspace.analysis
        for q in a.quotes { XCTAssertLessThanOrEqual(q.content.length, 20_000, "an unclosed mark must not swallow the article") }
    }

    func testHTMLWithScriptsAndStyles() throws {
        try write("page.html", Array("<html><head><title>Page title</title><script>alert('x “quote”')</script><style>.a{}</style></head><body><p>Body text.</p></body></html>".utf8))
        loadAll()
        let page = wb.workspace.documents.values.first { $0.title == "Page title" }
        XCTAssertEqual(page?.document.text, "Body text.")
    }

    func testDeepFolders() throws {
        let deep = (0..<60).map { "d\($0)" }.joined(separator: "/")
        try write(deep + "/deep.txt", Array("Deep article\n\nText.".utf8))
        loadAll()
        XCTAssertTrue(wb.workspace.documents.values.contains { $0.title == "Deep article" })
    }

    func testSymlinkLoop() throws {
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir + "/sub/up", withDestinationPath: dir)
        try FileManager.default.createSymbolicLink(atPath: dir + "/dangling.txt", withDestinationPath: dir + "/nowhere.txt")
        let out = loadAll()
        XCTAssertTrue(out.contains("folder already visited"), out)
        XCTAssertTrue(out.contains("dangling.txt': broken or looping symbolic link"), out)
    }

    func testUnreadableFile() throws {
        // Tests may run as root, where permissions don't stop reads; a FIFO is unreadable as an article.
        let path = dir + "/pipe.txt"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        loadAll()
        output.clear()
        wb.execute("load " + Lexer.quote(path))
        XCTAssertTrue(output.text.contains("warning: skipped '\(path)': not a regular file"), output.text)
    }

    func testSizeGuardSkipsInScriptsAndSetMaxsizeRaisesIt() throws {
        try write("big.txt", Array(("Big\n\n" + String(repeating: "x ", count: 1_200_000)).utf8))
        wb.execute("set maxsize=1")
        XCTAssertTrue(loadAll().contains("big.txt': 2 MB is over the 1 MB limit"))
        wb.execute("set maxsize=5")
        loadAll()
        XCTAssertTrue(wb.workspace.documents.values.contains { $0.title == "Big" })
    }

    func testInterruptDuringLoadLeavesTheWorkspaceAsItWas() throws {
        for i in 0..<40 { try write("many/\(i).txt", Array("Article \(i)\n\nText.".utf8)) }
        let before = wb.workspace.documents.count
        var loader = Loader()
        loader.progress = { done, _ in if done == 5 { Interrupt.request() } }
        XCTAssertThrowsError(try loader.load([dir + "/many"], existingIDs: [], now: 0)) { e in
            XCTAssertEqual((e as? ReadoutError)?.message, "interrupted")
        }
        Interrupt.reset()
        XCTAssertEqual(wb.workspace.documents.count, before)
    }

    /// Ctrl-C during the analysis a command waits for ends the command as interrupted; nothing
    /// half-made is kept, and the next command analyses afresh.
    func testInterruptDuringAnalysisEndsTheCommandAndKeepsNothingHalfMade() throws {
        try write("long.txt", Array(("Long article\n\n" + String(repeating: "Tony Blair said the plan would work. ", count: 2000)).utf8))
        wb.execute("load " + Lexer.quote(dir))
        Interrupt.request()
        XCTAssertThrowsError(try wb.workspace.analyzed()) { e in XCTAssertEqual((e as? ReadoutError)?.message, "interrupted") }
        Interrupt.reset()
        let a = try wb.workspace.analyzed()
        XCTAssertEqual(a.quotes.filter { $0.speaker == "Tony Blair" }.count, 2000, "analysed afresh, not the stopped analysis")
        output.clear()
        XCTAssertTrue(wb.execute("stats"), output.text)
    }

    func testCommandErrorsPointAtTheColumn() {
        let cases: [(String, String)] = [
            ("load \"unbalanced", "unterminated double quote (column 6)"),
            ("entities colour=red", "unknown key 'colour' for 'entities' (column 10)"),
            ("entities type=", "empty value for 'type=' (column 10)"),
            ("entities min=99999999999999999999999", "'min=' needs a whole number"),
        ]
        for (line, expected) in cases {
            output.clear()
            XCTAssertFalse(wb.execute(line))
            let out = output.text
            XCTAssertTrue(out.contains(expected), "\(line) -> \(out)")
            XCTAssertEqual(out.split(separator: "\n").count, 1, "one line per error: \(out)")
        }
    }
}

/// Collects what a workbench prints, from any thread.
final class OutputBuffer: Sendable {
    private let m = Mutex<String>("")
    func append(_ s: String) { m.withLock { $0 += s } }
    func clear() { m.withLock { $0 = "" } }
    var text: String { m.withLock { $0 } }
}
