import Foundation
import XCTest

/// What start-up loads is no unsaved work (issue 21, point 13): after `make run`
/// (`readout --load seeds/`), `open`, `quit` and Ctrl-D do not warn about the seed; and when
/// there is unsaved work, the warning after Ctrl-D says what really leaves from there.
final class StartupLoadTests: XCTestCase {
    private var home: ScratchHome!
    private let seeds = ReadoutBinary.seeds

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    /// `readout --load seeds/` at a terminal, as `make run` starts it, up to its first prompt.
    private func startWithSeed() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(ReadoutBinary.url(), arguments: ["--load", seeds], environment: home.environment())
        let greeting = try terminal.expectPrompt()
        XCTAssertTrue(greeting.contains("loaded 1 document"), greeting)
        return terminal
    }


    private func assertExitedCleanly(_ terminal: PseudoTerminal, file: StaticString = #filePath, line: UInt = #line) throws {
        let status = try terminal.waitForExit()
        XCTAssertTrue(WaitStatus.exited(status), "exited, not killed (status \(status))", file: file, line: line)
        XCTAssertEqual(WaitStatus.exitCode(status), 0, file: file, line: line)
    }

    /// A saved session (the seed and one note), written by a script run; returns its path.
    private func savedSession() throws -> String {
        let path = home.url.appendingPathComponent("kept.json").path
        let result = try ReadoutBinary.run(["--no-rc", "--load", seeds, "-c", "note kept", "-c", "save '\(path)'"],
                                           environment: home.environment())
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    func testOpenAfterTheStartUpLoadIsNotRefused() throws {
        let session = try savedSession()
        let terminal = try startWithSeed()
        terminal.send("open '\(session)'\r")
        let opened = try terminal.expectPrompt()
        XCTAssertFalse(opened.contains("unsaved"), opened)
        XCTAssertTrue(opened.contains("opened"), opened)
        terminal.send("notes\r")
        XCTAssertTrue(try terminal.expectPrompt().contains("kept"), "the session was opened at the first asking")
        terminal.send("quit\r")
        try assertExitedCleanly(terminal)
    }

    func testQuitAndCtrlDAfterTheStartUpLoadLeaveAtOnce() throws {
        for leave in ["quit\r", "\u{4}"] {
            let terminal = try startWithSeed()
            terminal.send(leave)
            try assertExitedCleanly(terminal)
            XCTAssertFalse(terminal.unread.contains("unsaved"), terminal.unread)
        }
    }

    func testCtrlDWithUnsavedWorkSaysHowToLeaveAndCtrlDAgainLeaves() throws {
        let terminal = try startWithSeed()
        terminal.send("note \"work after start-up\"\r")
        try terminal.expectPrompt()
        terminal.send("\u{4}")
        let warning = try terminal.expectPrompt()
        XCTAssertTrue(warning.contains("the session has unsaved changes - 'save' first, or press Ctrl-D again (or type 'quit') to discard them"),
                      warning)
        XCTAssertFalse(warning.contains("repeat 'quit'"), warning)
        terminal.send("\u{4}")
        try assertExitedCleanly(terminal)
    }

    func testQuitAfterTheCtrlDWarningLeaves() throws {
        let terminal = try startWithSeed()
        terminal.send("note \"work after start-up\"\r")
        try terminal.expectPrompt()
        terminal.send("\u{4}")
        XCTAssertTrue(try terminal.expectPrompt().contains("press Ctrl-D again (or type 'quit')"))
        terminal.send("quit\r")
        try assertExitedCleanly(terminal)
    }
}
