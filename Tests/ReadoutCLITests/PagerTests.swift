import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pager for long output (issue 21, point 6), through a pseudo-terminal 80x24: a table taller
/// than the screen, typed at the prompt, goes through `$PAGER`; a short one does not; `set
/// pager=off` turns it off; scripts, `source` and `> file` never page; a pager that cannot start
/// prints directly; Ctrl-C in the pager returns to the prompt with the workspace intact.
final class PagerTests: XCTestCase {
    private var home: ScratchHome!
    /// What the fake pager was given.
    private var pagedURL: URL { home.url.appendingPathComponent("paged.txt") }
    /// A pager that keeps what it reads and says so.
    private var fakePager: String { "cat > '\(pagedURL.path)'; echo FAKE-PAGER-RAN" }
    private let seeds = ReadoutBinary.seeds

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    private func start(_ arguments: [String] = [], pager: String? = nil) throws -> PseudoTerminal {
        try PseudoTerminal(ReadoutBinary.url(), arguments: ["--no-rc"] + arguments, environment: home.environment(["PAGER": pager ?? fakePager]))
    }


    /// Runs `line` at the prompt; returns what it printed up to the next prompt.
    private func type(_ line: String, _ terminal: PseudoTerminal) throws -> String {
        terminal.send(line + "\r")
        return try terminal.expectPrompt()
    }

    /// What the fake pager got, and forgets it.
    private func takePaged() -> String? {
        defer { try? FileManager.default.removeItem(at: pagedURL) }
        return try? String(contentsOf: pagedURL, encoding: .utf8)
    }

    private func quit(_ terminal: PseudoTerminal) throws {
        terminal.send("quit\r")
        terminal.send("quit\r")
        let status = try terminal.waitForExit()
        XCTAssertTrue(WaitStatus.exited(status) && WaitStatus.exitCode(status) == 0, "status \(status)")
    }

    func testALongTableAtThePromptGoesThroughThePager() throws {
        let terminal = try start()
        try terminal.expectPrompt()
        // `help` lists every command: taller than 24 rows
        let long = try type("help", terminal)
        XCTAssertTrue(long.contains("FAKE-PAGER-RAN"), long)
        XCTAssertFalse(long.contains("history"), "the table went to the pager, not the screen: \(long)")
        let paged = try XCTUnwrap(takePaged(), "the pager got the output")
        XCTAssertTrue(paged.contains("history") && paged.contains("quit") && paged.contains(" rows)"), paged)
        XCTAssertTrue(paged.contains("Type 'help COMMAND'"), "the whole output, the line after the table too")

        // a short table is printed as it is; `set` shows the setting
        let short = try type("set", terminal)
        XCTAssertFalse(short.contains("FAKE-PAGER-RAN"), short)
        XCTAssertNil(takePaged())
        XCTAssertTrue(short.contains("pager") && short.contains("on"), short)

        // a redirect writes the file, never the pager
        let file = home.url.appendingPathComponent("help.txt").path
        XCTAssertFalse(try type("help > '\(file)'", terminal).contains("FAKE-PAGER-RAN"))
        XCTAssertNil(takePaged())
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("history"))

        // `source` runs a script: it never pages
        let script = try home.write("long.readout", "help\n")
        let sourced = try type("source '\(script)'", terminal)
        XCTAssertFalse(sourced.contains("FAKE-PAGER-RAN"), sourced)
        XCTAssertTrue(sourced.contains("history"), sourced)
        XCTAssertNil(takePaged())

        // `set pager=off` turns it off (Tab completes the key and its values); on again pages again
        terminal.send("set pag\t")
        try terminal.expect("er=")
        terminal.send("of\t")
        try terminal.expect("f ")
        XCTAssertFalse(try type("", terminal).contains("error"))
        let off = try type("help", terminal)
        XCTAssertFalse(off.contains("FAKE-PAGER-RAN"), off)
        XCTAssertTrue(off.contains("history"), off)
        XCTAssertNil(takePaged())
        XCTAssertTrue(try type("set", terminal).contains("off"))
        _ = try type("set pager=on", terminal)
        XCTAssertTrue(try type("help", terminal).contains("FAKE-PAGER-RAN"))
        XCTAssertNotNil(takePaged())
        try quit(terminal)
    }

    func testScriptsNeverPage() throws {
        // -c at a terminal: standard input and output are terminals, but it is a script
        let commands = try start(["-c", "help"])
        let status = try commands.waitForExit()
        XCTAssertEqual(WaitStatus.exitCode(status), 0)
        XCTAssertTrue(commands.unread.contains("history"), commands.unread)
        XCTAssertFalse(commands.unread.contains("FAKE-PAGER-RAN"))
        XCTAssertNil(takePaged())
        // a command file, and commands piped in
        let file = try home.write("long.readout", "help\nhelp\n")
        for (arguments, stdin) in [([file], ""), ([], "help\n")] {
            let run = try ReadoutBinary.run(["--no-rc"] + arguments, stdin: stdin, environment: home.environment(["PAGER": fakePager]))
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("history"))
            XCTAssertFalse(run.stdout.contains("FAKE-PAGER-RAN"))
            XCTAssertNil(takePaged())
        }
    }

    func testAPagerThatCannotStartPrintsDirectly() throws {
        let terminal = try start(pager: "no-such-pager-for-readout")
        try terminal.expectPrompt()
        let output = try type("help", terminal)
        XCTAssertTrue(output.contains("history") && output.contains(" rows)"), "printed directly: \(output)")
        XCTAssertTrue(output.contains("did not start"), output)
        try quit(terminal)
    }

    func testCtrlCInThePagerReturnsToThePromptWithTheWorkspaceIntact() throws {
        // a pager that, like less, lives through Ctrl-C and quits on a key (a line here: the terminal is not raw)
        let pager = "trap 'echo PAGER-GOT-CTRL-C' INT; cat > /dev/null; echo PAGER-WAITING; until read key < /dev/tty; do :; done"
        let terminal = try start(["--load", seeds], pager: pager)
        try terminal.expectPrompt()
        terminal.send("help\r")
        try terminal.expect("PAGER-WAITING")
        // (the pager's shell is then waiting in `read`; on a loaded machine it may not be there yet)
        usleep(300_000)
        // twice: with a command running, a second Ctrl-C would end readout; in the pager it is the pager's
        terminal.send("\u{3}")
        try terminal.expect("PAGER-GOT-CTRL-C")
        terminal.send("\u{3}")
        try terminal.expect("PAGER-GOT-CTRL-C")
        terminal.send("q\r")
        let back = try terminal.expectPrompt()
        XCTAssertFalse(back.contains("interrupted"), back)
        let docs = try type("docs", terminal)
        XCTAssertTrue(docs.contains("000_4fd503e8c5c9a19c") && docs.contains("(1 row)"), "the loaded article is still there: \(docs)")
        // and Ctrl-C at the prompt and in a command work as before
        terminal.send("\u{3}")
        try terminal.expectPrompt()
        try quit(terminal)
    }
}
