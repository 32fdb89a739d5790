import Foundation
import XCTest

/// `readout -c`, `readout FILE` and piped stdin, run as a user's script would.
final class ScriptingTests: XCTestCase {
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    private func run(_ arguments: [String], stdin: String = "", env: [String: String] = [:]) throws -> ReadoutBinary.Result {
        try ReadoutBinary.run(arguments, stdin: stdin, environment: home.environment(env))
    }

    private func assertScripted(_ result: ReadoutBinary.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(result.stdout.contains("readout> "), "no prompt in scripted runs", file: file, line: line)
        XCTAssertFalse(result.stdout.contains("Readout "), "no banner in scripted runs", file: file, line: line)
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "no escape codes when stdout is not a terminal", file: file, line: line)
    }

    func testRepeatedCommandFlagsRunInOrder() throws {
        let result = try run(["-c", "set format=csv", "-c", "help"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("command,summary"), "the first -c applies to the second: \(result.stdout)")
        XCTAssertEqual(result.stderr, "")
        assertScripted(result)
    }

    /// In CSV, a status line goes to standard error, so standard output holds tables only (issue 21,
    /// point 2: `readout --format csv -c 'load …' -c docs > file` began with `text` and `loaded 1 document`).
    func testCSVStatusLinesGoToStandardError() throws {
        let seeds = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds").path
        let result = try run(["--no-rc", "--format", "csv", "-c", "load '\(seeds)'", "-c", "docs"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("id,title,words,path\r\n"), result.stdout)
        XCTAssertFalse(result.stdout.contains("loaded"), result.stdout)
        XCTAssertTrue(result.stderr.contains("loaded 1 document"), result.stderr)
        // in table mode the status stays on standard output, as before
        let table = try run(["--no-rc", "-c", "load '\(seeds)'"])
        XCTAssertTrue(table.stdout.contains("loaded 1 document"), table.stdout)
    }

    func testFailureGivesStatusOneAndLaterCommandsStillRun() throws {
        let result = try run(["-c", "nosuchcommand", "-c", "help"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("nosuchcommand"), result.stderr)
        XCTAssertTrue(result.stdout.contains("history"), "help still ran: \(result.stdout)")
        assertScripted(result)
    }

    func testBailStopsAtTheFirstFailure() throws {
        let result = try run(["--bail", "-c", "help", "-c", "nosuchcommand", "-c", "set format=csv", "-c", "help"])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stdout.contains("command,summary"), "nothing after the failure ran: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("history"), "the command before it ran")
    }

    func testCommandFileErrorsNameFileAndLine() throws {
        let path = try home.write("script.readout", "help\n# a comment\n\nnosuchcommand\nset format=csv\nhelp\n")
        let result = try run([path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(path):4:"), "error names FILE:LINE: \(result.stderr)")
        XCTAssertTrue(result.stdout.contains("command,summary"), "lines after the failure ran")
        assertScripted(result)

        let bailed = try run(["--bail", path])
        XCTAssertEqual(bailed.status, 1)
        XCTAssertFalse(bailed.stdout.contains("command,summary"), "--bail stopped at line 4")
    }

    func testCommandFileWithWindowsLineEndings() throws {
        let path = try home.write("crlf.readout", "set format=csv\r\nnosuchcommand\r\nhelp\r\n")
        let result = try run([path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("\(path):2:"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("command,summary"), result.stdout)
    }

    func testSuccessfulCommandFileExitsZero() throws {
        let path = try home.write("ok.readout", "set format=csv\nhelp\n")
        let result = try run([path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
    }

    func testMissingCommandFileFails() throws {
        let result = try run([home.url.appendingPathComponent("missing.readout").path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("missing.readout"), result.stderr)
    }

    func testCommandsPipedOnStdin() throws {
        let result = try run([], stdin: "set format=csv\nhelp\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("command,summary"), result.stdout)
        assertScripted(result)

        let failing = try run([], stdin: "help\nnosuchcommand\nhelp\n")
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stderr.contains("<stdin>:2:"), failing.stderr)

        let dash = try run(["-"], stdin: "set format=csv\nhelp\n")
        XCTAssertEqual(dash.status, 0)
        XCTAssertTrue(dash.stdout.hasPrefix("command,summary"), "FILE '-' is standard input")
    }

    func testQuitEndsTheScript() throws {
        let result = try run(["-c", "quit", "-c", "nosuchcommand"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
    }

    func testBadFlagsExitTwo() throws {
        for arguments in [["--no-such-flag"], ["--format", "xml", "-c", "help"], ["-c", "help", "file.readout"], ["-c"]] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty, "\(arguments) explains the problem")
        }
    }

    func testJSONFormatPrintsOneValuePerLine() throws {
        let result = try run(["--format", "json", "-c", "help", "-c", "set", "-c", "history"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, result.stdout)
        for line in lines {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed]), String(line))
        }
    }

    func testHelpListsEveryWorkbenchCommand() throws {
        let list = try run(["--format", "json", "-c", "help"])
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let names = rows.compactMap { $0["command"] as? String }
        XCTAssertFalse(names.isEmpty)
        let help = try run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("--bail") && help.stdout.contains("--session"), help.stdout)
        for name in names {
            XCTAssertTrue(help.stdout.contains("\n" + name + " "), "--help lists '\(name)'")
        }
    }

    func testVersion() throws {
        let result = try run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    func testRCFileRunsFirstAndItsErrorsDoNotStopStartUp() throws {
        let rc = try home.write(".readoutrc", "set format=csv\nnosuchcommand\n")
        let result = try run(["-c", "help"])
        XCTAssertEqual(result.status, 0, "rc errors do not count against the script")
        XCTAssertTrue(result.stderr.contains("\(rc):2:"), "rc errors name FILE:LINE: \(result.stderr)")
        XCTAssertTrue(result.stdout.hasPrefix("command,summary"), "the rc file ran before -c")

        let skipped = try run(["--no-rc", "-c", "help"])
        XCTAssertEqual(skipped.stderr, "")
        XCTAssertFalse(skipped.stdout.hasPrefix("command,summary"), "--no-rc skips it")
    }

    func testFailingSessionCountsAsFailure() throws {
        let missing = home.url.appendingPathComponent("no such session.readout-session").path
        let result = try run(["--bail", "--session", missing, "-c", "set format=csv", "-c", "help"])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.stderr.isEmpty)
        XCTAssertEqual(result.stdout, "", "--bail stops before the commands")
    }

    func testScriptedRunsNeverWriteHistory() throws {
        _ = try run(["-c", "help"])
        _ = try run([], stdin: "help\n")
        let path = try home.write("script.readout", "help\n")
        _ = try run([path])
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.historyURL.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.historyURL.deletingLastPathComponent().path))
    }
}
