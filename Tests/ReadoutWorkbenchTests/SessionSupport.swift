import Foundation
import Synchronization
import XCTest
@testable import ReadoutWorkbench

/// A workbench whose output and errors are captured, working in a fresh temporary folder.
final class SessionHarness {
    static let packageRoot = TranscriptTests.packageRoot
    static let seedFolder = packageRoot.appendingPathComponent("seeds").path
    static let seedFile = packageRoot.appendingPathComponent("seeds/000_4fd503e8c5c9a19c.txt").path

    let dir: String
    let wb: Workbench
    private let outBuffer = Sink()
    private let errBuffer = Sink()

    /// Text written by the workbench from any thread.
    final class Sink: Sendable {
        private let text = Mutex<String>("")
        func add(_ s: String) { text.withLock { $0 += s } }
        func take() -> String { text.withLock { s in defer { s = "" }; return s } }
    }

    init(interactive: Bool = false) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("readout-session-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let o = outBuffer, e = errBuffer
        wb = Workbench(options: .init(format: .table, style: RenderStyle(width: 100, color: false), interactive: interactive,
                                      out: { o.add($0) }, err: { e.add($0) },
                                      sessionsDirectory: dir + "/Sessions"))
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs a line; returns whether it succeeded.
    @discardableResult
    func run(_ line: String) -> Bool { wb.execute(line) }

    /// Runs a line that must succeed; returns its output and clears the buffers.
    @discardableResult
    func ok(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> String {
        let good = wb.execute(line)
        let (out, err) = take()
        XCTAssertTrue(good, "'\(line)' failed: \(err)", file: file, line: lineNumber)
        return out
    }

    /// Runs a line that must fail; returns the error text and clears the buffers.
    @discardableResult
    func fails(_ line: String, file: StaticString = #filePath, lineNumber: UInt = #line) -> String {
        let good = wb.execute(line)
        let (out, err) = take()
        XCTAssertFalse(good, "'\(line)' should have failed; printed: \(out)", file: file, line: lineNumber)
        return err
    }

    /// Output and errors so far, clearing both.
    func take() -> (out: String, err: String) {
        (outBuffer.take(), errBuffer.take())
    }

    /// A path in the temporary folder.
    func path(_ name: String) -> String { dir + "/" + name }

    func bytes(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(name)).map { [UInt8]($0) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    }

    /// Loads the seed and adds a group and two notes; leaves the buffers empty.
    func loadSeedWithExtras() {
        ok("load " + Lexer.quote(SessionHarness.seedFolder))
        wb.workspace.groups["kremlin"] = ["Kremlin", "Vladimir Putin"]
        ok("note \"Compare both readouts of the call\" on=000")
        ok("note \"Follow up on the summit\"")
    }

    /// A fingerprint of the workspace: every stored field but the history (which records even
    /// failed commands), so tests can see that nothing changed.
    static func fingerprint(_ ws: Workspace) -> String {
        var s = ""
        for r in ws.documents.values {
            s += "doc \(r.id)|\(r.title)|\(r.path)|\(r.loadedAt)|\(r.hash)|\(r.encoding.rawValue)|\(r.date ?? "-")|\(r.document.text)\n"
        }
        for (k, v) in ws.groups { s += "group \(k)=\(v)\n" }
        for n in ws.notes { s += "note \(n.text)|\(n.on ?? "-")|\(n.at)\n" }
        return s + "dirty \(ws.dirty)\n"
    }
}
