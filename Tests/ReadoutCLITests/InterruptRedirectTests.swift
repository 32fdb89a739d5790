import Foundation
import XCTest

/// Ctrl-C during `CMD > file` leaves the file as it was (issue 21, point 8: `entities > file` on
/// the whole corpus ran on for seconds after Ctrl-C and wrote the whole file). Through the real
/// binary: a script is sent SIGINT while a large concordance is made for a file.
final class InterruptRedirectTests: XCTestCase {
    func testCtrlCWhileARedirectIsMadeWritesNoFileAndStopsPromptly() throws {
        let dir = try SignalTests.scratchCorpus(300, paragraphs: 60)
        defer { try? FileManager.default.removeItem(at: dir) }
        // `stats` printed: the analysis is done, the concordance is being made
        let r = try SignalTests.signalDuringLongCommand(["load corpus", "stats", "echo-marker", "kwic the > kwic.txt"], in: dir,
                                                        signal: SIGINT, delay: 200_000) { _, err in err.contains("echo-marker") }
        guard r.running else { throw XCTSkip("the concordance was made before the interrupt could come") }
        XCTAssertEqual(r.reason, .exit)
        XCTAssertEqual(r.status, 130, "a script Ctrl-C ended: \(r.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("kwic.txt").path),
                       "no part of the concordance was written")
        XCTAssertTrue(r.stderr.contains("interrupted"), r.stderr)
        // promptly: a debug build on a loaded machine, so generously above the ~100 ms of a release build
        XCTAssertLessThan(r.seconds, 3, "stopped \(r.seconds) s after the interrupt")
    }

    /// At the prompt: Ctrl-C during `kwic the > file` brings the prompt back, says `interrupted`,
    /// writes no file, and the session goes on with its documents.
    func testCtrlCAtThePromptDuringARedirect() throws {
        let dir = try SignalTests.scratchCorpus(300, paragraphs: 60)
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = try ScratchHome()
        let kwic = dir.appendingPathComponent("kwic.txt").path
        let terminal = try PseudoTerminal(ReadoutBinary.url(), arguments: ["--no-rc", "--load", dir.appendingPathComponent("corpus").path],
                                          environment: home.environment())
        try terminal.expectPrompt(timeout: 120)
        terminal.send("stats\r")
        try terminal.expectPrompt(timeout: 120)
        terminal.send("kwic the > '\(kwic)'\r")
        usleep(300_000)
        terminal.send("\u{3}")
        let out = try terminal.expect("readout> ", timeout: 30)
        guard out.contains("interrupted") else {
            throw XCTSkip("the concordance was written before the interrupt came: \(out.suffix(200))")
        }
        try terminal.waitForLineEditor()
        XCTAssertFalse(FileManager.default.fileExists(atPath: kwic), "no part of the concordance was written")
        terminal.send("stats\r")
        // (the line editor must be reading before Ctrl-D: a key sent earlier is flushed with the line)
        let stats = try terminal.expectPrompt(timeout: 30)
        XCTAssertTrue(stats.contains("300"), "the 300 documents are still there: \(stats.suffix(300))")
        XCTAssertFalse(stats.contains("error"), stats)
        terminal.send("\u{4}")
        let status = try terminal.waitForExit()
        XCTAssertTrue(WaitStatus.exited(status) && WaitStatus.exitCode(status) == 0, "status \(status)")
    }
}
