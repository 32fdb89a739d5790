import Foundation
import XCTest

/// SIGTERM during a long command ends the real binary promptly, dying of the signal: the analysis
/// stops between documents, and a command that does not look (one very long document) is ended
/// by the watchdog within a second. The inputs are generated here.
final class SignalTests: XCTestCase {
    /// Article-like text with people, roles and quotes; `k` varies the names.
    static func article(_ k: Int, paragraphs: Int) -> String {
        (0..<paragraphs).map { p in
            "“We will talk again on day \(p),” said Anna Grey\(k % 40), a spokeswoman for the Ministry of Trade. "
                + "The minister told reporters in Paris that talks with Ivan Petrov\(p % 30) would go on. "
                + "Petrov\(p % 30), the chief executive of Acme Holdings, said the company expected more orders.\n\n"
        }.joined()
    }

    /// A new scratch folder holding `corpus/` with `count` such articles of `paragraphs` paragraphs
    /// (`a0.txt`, `a1.txt`, …); the caller removes it.
    static func scratchCorpus(_ count: Int, paragraphs: Int) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("readout-corpus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        for k in 0..<count {
            try Data(article(k, paragraphs: paragraphs).utf8).write(to: dir.appendingPathComponent("corpus/a\(k).txt"))
        }
        return dir
    }

    /// What `signalDuringLongCommand` saw.
    struct SignalRun {
        /// The command was still running when the signal was sent.
        var running: Bool
        var reason: Process.TerminationReason
        /// The exit code, or the signal the process died of (see `reason`).
        var status: Int32
        /// Seconds from the signal to the exit.
        var seconds: Double
        var stderr: String
    }

    /// Runs `readout -c …` on `commands` in `dir` (stdout and stderr to files there), waits until
    /// `ready` says so of what it has written and then `delay` microseconds more, sends `signal`
    /// and waits for the exit (killing it after 15 s). Skips when the script ends before it is ready.
    static func signalDuringLongCommand(_ commands: [String], in dir: URL, signal: Int32, delay: useconds_t,
                                        ready: (_ stdout: String, _ stderr: String) -> Bool) throws -> SignalRun {
        let home = try ScratchHome()
        let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        func text(_ u: URL) -> String { String(decoding: (try? Data(contentsOf: u)) ?? Data(), as: UTF8.self) }
        let process = Process()
        process.executableURL = try ReadoutBinary.url()
        process.currentDirectoryURL = dir
        process.arguments = ["--no-rc"] + commands.flatMap { ["-c", $0] }
        process.environment = home.environment()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = Date().addingTimeInterval(180)
        while !ready(text(out), text(err)) {
            guard process.isRunning, Date() < deadline else {
                process.terminate()
                throw XCTSkip("the script ended before it was ready for the signal: \(text(err))")
            }
            usleep(10_000)
        }
        usleep(delay)
        let running = process.isRunning
        let sent = Date()
        kill(process.processIdentifier, signal)
        while process.isRunning && Date().timeIntervalSince(sent) < 15 { usleep(5_000) }
        let seconds = Date().timeIntervalSince(sent)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return SignalRun(running: running, reason: process.terminationReason, status: process.terminationStatus,
                         seconds: seconds, stderr: text(err))
    }

    /// Sends SIGTERM once the load is done (the analysis starts then); the wait status (the
    /// signal it died of, -1 when it exited) and the seconds from the signal to the exit.
    private func terminateDuringLongCommand(_ commands: [String], in dir: URL) throws -> (status: Int32, seconds: Double, stderr: String) {
        let r = try Self.signalDuringLongCommand(commands, in: dir, signal: SIGTERM, delay: 300_000) { out, _ in out.contains("loaded") }
        XCTAssertTrue(r.running, "the command is still running when the signal comes")
        // generous: the watchdog ends it after 0.9 s; this only has to tell "promptly" from "minutes"
        return (r.reason == .uncaughtSignal ? r.status : -1, r.seconds, r.stderr)
    }

    func testSigtermStopsTheAnalysisOfManyDocuments() throws {
        let dir = try Self.scratchCorpus(600, paragraphs: 60)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try terminateDuringLongCommand(["load corpus", "stats", "quotes"], in: dir)
        XCTAssertEqual(r.status, SIGTERM, "dies of SIGTERM: \(r.stderr)")
        XCTAssertLessThan(r.seconds, 15, r.stderr)
    }

    func testSigtermEndsALongCommandOnOneBigDocument() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("readout-signal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(Self.article(1, paragraphs: 20_000).utf8).write(to: dir.appendingPathComponent("big.txt"))
        let r = try terminateDuringLongCommand(["load big.txt", "stats"], in: dir)
        XCTAssertEqual(r.status, SIGTERM, "dies of SIGTERM: \(r.stderr)")
        XCTAssertLessThan(r.seconds, 15, r.stderr)
    }
}
