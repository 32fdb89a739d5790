import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The REPL driven through a pseudo-terminal: prompt, Tab completion, Ctrl-C,
/// Ctrl-D, history across runs, colour.
final class InteractiveTests: XCTestCase {
    private let prompt = "readout> "
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    private func start(_ arguments: [String] = [], env: [String: String] = [:], removing: [String] = []) throws -> PseudoTerminal {
        var environment = home.environment(env)
        for name in removing { environment[name] = nil }
        return try PseudoTerminal(ReadoutBinary.url(), arguments: arguments, environment: environment)
    }

    /// Lines of the history file, libedit's `\040` escapes for spaces decoded.
    private func historyLines(file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let text = try String(contentsOf: home.historyURL, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "_HiStOrY_V2_", "libedit's history format", file: file, line: line)
        return lines.dropFirst().map { $0.replacingOccurrences(of: "\\040", with: " ") }
    }


    private func assertExitedCleanly(_ terminal: PseudoTerminal, file: StaticString = #filePath, line: UInt = #line) throws {
        let status = try terminal.waitForExit()
        XCTAssertTrue(WaitStatus.exited(status), "exited, not killed (status \(status))", file: file, line: line)
        XCTAssertEqual(WaitStatus.exitCode(status), 0, file: file, line: line)
    }

    func testPromptTabCompletionAndCtrlC() throws {
        let terminal = try start()
        let greeting = try terminal.expectPrompt()
        XCTAssertTrue(greeting.contains("Readout"), "banner when interactive: \(greeting.debugDescription)")
        XCTAssertTrue(greeting.contains("help"), "banner mentions help")

        // Tab completes a command name: "hel" becomes "help " and Enter runs it.
        terminal.send("hel\t")
        try terminal.expect("p ")
        terminal.send("\r")
        let help = try terminal.expectPrompt()
        XCTAssertFalse(help.contains("error"), help)
        XCTAssertTrue(help.contains("history"), "help listed the commands: \(help.debugDescription)")

        // `key=value` completes as one word: key first, then its value.
        terminal.send("set form\t")
        try terminal.expect("at=")
        terminal.send("cs\t")
        try terminal.expect("v ")
        terminal.send("\r")
        let set = try terminal.expectPrompt()
        XCTAssertFalse(set.contains("error"), set)
        terminal.send("help\r")
        XCTAssertTrue(try terminal.expectPrompt().contains("command,summary"), "format=csv took effect")

        // Ctrl-C drops the half-typed line, a fresh prompt comes up, the process lives on.
        terminal.send("nosuchcomm")
        try terminal.expect("nosuchcomm")
        terminal.send("\u{3}")
        try terminal.expectPrompt()
        terminal.send("history\r")
        let history = try terminal.expectPrompt()
        XCTAssertTrue(history.contains("set format=csv"), history)
        XCTAssertFalse(history.contains("nosuchcomm"), "the cancelled line never ran")
        XCTAssertFalse(history.contains("error"), history)

        // Ctrl-D on an empty line leaves.
        terminal.send("\u{4}")
        try assertExitedCleanly(terminal)
    }

    func testHistoryPersistsAcrossRunsWithoutDuplicates() throws {
        do {
            let terminal = try start()
            try terminal.expectPrompt()
            for line in ["help", "help", "help history", "help"] {
                terminal.send(line + "\r")
                try terminal.expectPrompt()
            }
            terminal.send("\u{4}")
            try assertExitedCleanly(terminal)
        }
        XCTAssertEqual(try historyLines(), ["help history", "help"], "no repeats, each line at its latest place")

        do {
            let terminal = try start()
            try terminal.expectPrompt()
            // Up, Up: the next-to-last line of the previous run, space and all.
            terminal.send("\u{1B}[A")
            try terminal.expect("help")
            terminal.send("\u{1B}[A")
            try terminal.expect("history")
            terminal.send("\r")
            let output = try terminal.expectPrompt()
            XCTAssertTrue(output.contains("last=N"), "ran 'help history': \(output.debugDescription)")
            terminal.send("\u{4}")
            try assertExitedCleanly(terminal)
        }
        XCTAssertEqual(try historyLines(), ["help", "help history"])

        // Scripted runs neither add to nor rewrite the file.
        let before = try Data(contentsOf: home.historyURL)
        let commands = try ReadoutBinary.run(["-c", "set"], environment: home.environment())
        XCTAssertEqual(commands.status, 0)
        let piped = try ReadoutBinary.run([], stdin: "set\n", environment: home.environment())
        XCTAssertEqual(piped.status, 0)
        let onTerminal = try start(["-c", "history"])
        try assertExitedCleanly(onTerminal)
        XCTAssertEqual(try Data(contentsOf: home.historyURL), before)
    }

    func testMultibyteCharactersAreEditedWholeEvenWithoutLocaleSettings() throws {
        let terminal = try start(removing: ["LANG", "LC_ALL", "LC_CTYPE"])
        try terminal.expectPrompt()
        // One backspace removes all of "é" (two bytes): "help h" + "istory".
        terminal.send("help hé")
        try terminal.expect("é")
        terminal.send("\u{7F}istory\r")
        let output = try terminal.expectPrompt()
        XCTAssertTrue(output.contains("last=N"), "ran 'help history': \(output.debugDescription)")
        terminal.send("\u{4}")
        try assertExitedCleanly(terminal)
    }

    func testTerminationSignalAtThePromptSavesHistory() throws {
        let terminal = try start()
        try terminal.expectPrompt()
        terminal.send("help\r")
        try terminal.expectPrompt()
        kill(terminal.pid, SIGTERM)
        let status = try terminal.waitForExit()
        XCTAssertEqual(WaitStatus.signal(status), SIGTERM, "dies of the signal it got (status \(status))")
        XCTAssertEqual(try historyLines(), ["help"])
    }

    func testColourOnlyOnATerminalWithoutNoColor() throws {
        func helpOutput(_ arguments: [String], env: [String: String] = [:]) throws -> String {
            let terminal = try start(arguments + ["-c", "help"], env: env)
            try assertExitedCleanly(terminal)
            return terminal.unread
        }
        let coloured = try helpOutput([])
        XCTAssertTrue(coloured.contains("\u{1B}["), "colour on a terminal: \(coloured.debugDescription)")
        XCTAssertFalse(coloured.contains(prompt), "no prompt with -c")
        XCTAssertFalse(coloured.contains("Readout"), "no banner with -c")
        XCTAssertFalse(try helpOutput([], env: ["NO_COLOR": "1"]).contains("\u{1B}["), "NO_COLOR honoured")
        XCTAssertFalse(try helpOutput(["--no-color"]).contains("\u{1B}["), "--no-color honoured")
    }
}
