import Foundation
import XCTest
@testable import ReadoutWorkbench
#if canImport(Glibc)
import Glibc
#endif

/// The real `readout` is killed (SIGKILL) in the middle of a save, after the temporary file is
/// written and before it replaces the session file: the previous file must be intact and open.
final class SessionCrashTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("readout-crash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    /// `.build/debug/readout` relative to the package root, or next to the test bundle.
    private func binary() throws -> String {
        var candidates = [SessionHarness.packageRoot.appendingPathComponent(".build/debug/readout").path]
        for b in Bundle.allBundles { candidates.append(b.bundleURL.deletingLastPathComponent().appendingPathComponent("readout").path) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("the readout executable is not built (swift build)")
        }
        return found
    }

    private func process(_ args: [String], pause: Bool, stderrFile: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try binary())
        p.arguments = ["--no-rc"] + args
        var env = ["HOME": dir, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if pause { env[SessionStore.pauseEnvironmentKey] = "60" }
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        _ = FileManager.default.createFile(atPath: stderrFile, contents: nil)
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrFile))
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        return p
    }

    private func runToEnd(_ args: [String]) throws -> (status: Int32, stderr: String) {
        let errFile = dir + "/stderr-\(UUID().uuidString)"
        let p = try process(args, pause: false, stderrFile: errFile)
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? "")
    }

    func testKillDuringSaveLeavesThePreviousFileIntact() throws {
        let file = dir + "/story.json"
        let first = try runToEnd(["-c", "load " + Lexer.quote(SessionHarness.seedFolder), "-c", "note \"first version\"", "-c", "save " + Lexer.quote(file)])
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try XCTUnwrap(FileManager.default.contents(atPath: file))

        // Second run: change the session and save, pausing before the rename; kill it there.
        let errFile = dir + "/stderr-crash"
        let p = try process(["-c", "open " + Lexer.quote(file), "-c", "note \"lost in the crash\"", "-c", "save"], pause: true, stderrFile: errFile)
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        var paused = false
        while Date() < deadline && p.isRunning {
            if let s = try? String(contentsOfFile: errFile, encoding: .utf8), s.contains(SessionStore.pauseMarker) { paused = true; break }
            usleep(20_000)
        }
        XCTAssertTrue(paused, "the save never reached its pause; stderr: \((try? String(contentsOfFile: errFile, encoding: .utf8)) ?? "")")
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let prefix = ".story.json.tmp-\(p.processIdentifier)-"
        let tmpName = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: dir).first { $0.hasPrefix(prefix) },
                                    "no temporary file \(prefix)RANDOM")
        let tmp = dir + "/" + tmpName
        XCTAssertEqual(p.terminationReason, .uncaughtSignal)
        XCTAssertEqual(p.terminationStatus, SIGKILL)

        // The new version was completely written to the temporary file, and never renamed.
        let tmpText = String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: tmp), "no temporary file at \(tmp)"), as: UTF8.self)
        XCTAssertTrue(tmpText.contains("lost in the crash") && tmpText.hasSuffix("}\n"))
        // The session file is byte for byte the first version, and it opens.
        XCTAssertEqual(FileManager.default.contents(atPath: file), before)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file + ".bak"), "no backup before the rename step")
        let contents = try SessionFile.decode([UInt8](before), file: file)
        XCTAssertEqual(contents.notes.map(\.text), ["first version"])

        // A later run opens it and saves; the dead run's temporary file is cleaned up.
        let third = try runToEnd(["-c", "open " + Lexer.quote(file), "-c", "note \"after the crash\"", "-c", "save"])
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp))
        XCTAssertEqual(FileManager.default.contents(atPath: file + ".bak"), before)
        let after = try SessionFile.decode([UInt8](try XCTUnwrap(FileManager.default.contents(atPath: file))), file: file)
        XCTAssertEqual(after.notes.map(\.text), ["first version", "after the crash"])
    }
}
