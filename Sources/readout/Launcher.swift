import CLibEdit
import Foundation
import ReadoutWorkbench

/// Chooses the mode from the flags and standard input, sets up the workbench,
/// runs `~/.readoutrc` and `--session`, then the REPL or the script.
@MainActor
struct Launcher {
    /// Where commands come from.
    enum Mode: Equatable {
        /// A person at a terminal.
        case interactive
        /// `-c` commands.
        case commands([String])
        /// A command file.
        case file(String)
        /// Commands piped on standard input.
        case standardInput
    }

    /// Exit status after Ctrl-C ended a script (128 + SIGINT).
    static let interruptedStatus: Int32 = 130

    let flags: LaunchFlags
    /// The session of this run, kept until the process exits: `run()` returns straight into
    /// `exit`, and taking a loaded workspace apart object by object would only cost time
    /// (about 3 ms for 200 articles).
    private static var session: Session?
    let environment = Environment.process

    func mode(_ terminal: Terminal) -> Mode {
        if !flags.commands.isEmpty { return .commands(flags.commands) }
        if let file = flags.file { return file == "-" ? .standardInput : .file(file) }
        return terminal.stdinIsTerminal ? .interactive : .standardInput
    }

    /// Runs everything; returns the exit status.
    func run() -> Int32 {
        let terminal = Terminal.current(environment: environment)
        let mode = mode(terminal)
        let interactive = mode == .interactive
        // long tables typed at the prompt page, when the output is a terminal too
        let pager = interactive && terminal.stdoutIsTerminal ? Pager(environment: environment) : nil
        let page: (@Sendable (_ render: (_ sink: ([UInt8]) -> Void) -> Void) -> Void)? = pager.map { pager in
            { @Sendable render in pager.show(render) }
        }
        let options = Workbench.Options(
            format: flags.format ?? .table,
            style: RenderStyle(width: terminal.width(), color: terminal.wantsColor(disabledByFlag: flags.noColor)),
            interactive: interactive,
            progress: terminal.stderrIsTerminal,
            out: { Output.out($0) },
            outBytes: { Output.write($0, to: STDOUT_FILENO) },
            err: { Output.err($0) },
            page: page)
        let session = Session(workbench: Workbench(options: options), terminal: terminal)
        Launcher.session = session
        Signals.install(restartingCalls: true)

        if interactive { Output.out(REPL.banner()) }

        // Start-up: ~/.readoutrc, then --session. In a script, Ctrl-C or `quit` here ends
        // the run; at a terminal the prompt comes up regardless.
        var failed = false
        if !flags.noRC, let rc = rcPath() {
            // A failing rc line is reported with its FILE:LINE but neither stops start-up
            // nor counts against the exit status.
            let outcome = runRC(rc, in: session)
            if outcome.stopsRun && !interactive { return status(outcome, failedBefore: false) }
        }
        if let file = flags.session {
            let outcome = session.runScript(["open " + Launcher.quoted(file)], file: nil, numbered: false, bail: true)
            if !interactive {
                failed = outcome.hasFailure
                if outcome.stopsRun { return status(outcome, failedBefore: false) }
            }
        }
        if !flags.load.isEmpty {
            let outcome = session.runScript(["load " + flags.load.map(Launcher.quoted).joined(separator: " ")], file: nil, numbered: false, bail: true)
            if !interactive {
                failed = failed || outcome.hasFailure
                if outcome.stopsRun { return status(outcome, failedBefore: false) }
            }
        }
        if let signo = Signals.pendingTermination { Signals.terminate(with: signo) }
        // `make run` loads the seed: leaving or opening a session must not warn about it
        session.workbench.finishStartup()

        let outcome: RunOutcome
        switch mode {
        case .interactive:
            let history = HistoryStore.defaultPath(environment: environment).map(HistoryStore.init(path:))
            return REPL(session: session, history: history).run()
        case .commands(let commands):
            outcome = session.runScript(commands, file: nil, numbered: false, bail: flags.bail)
        case .file(let path):
            guard let text = Launcher.readText(path) else {
                session.workbench.report(ReadoutError("cannot read command file", hint: "check the path", file: path))
                return 1
            }
            outcome = session.runScript(Launcher.lines(text), file: path, numbered: true, bail: flags.bail)
        case .standardInput:
            outcome = session.runScript(StandardInputLines(), file: "<stdin>", numbered: true, bail: flags.bail)
        }
        return status(outcome, failedBefore: failed)
    }

    private func status(_ outcome: RunOutcome, failedBefore: Bool) -> Int32 {
        if let signo = Signals.pendingTermination {
            Launcher.session?.workbench.autosaveBeforeLeaving()
            Signals.terminate(with: signo)
        }
        if outcome == .interrupted { return Launcher.interruptedStatus }
        return failedBefore || outcome.hasFailure ? 1 : 0
    }

    /// `~/.readoutrc`, if it exists.
    private func rcPath() -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        let path = (home.hasSuffix("/") ? home : home + "/") + ".readoutrc"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    private func runRC(_ path: String, in session: Session) -> RunOutcome {
        guard let text = Launcher.readText(path) else {
            session.workbench.report(ReadoutError("cannot read start-up file", hint: "check its permissions, or use --no-rc", file: path))
            return .failed(stopped: false)
        }
        let outcome = session.runScript(Launcher.lines(text), file: path, numbered: true, bail: false)
        return outcome.hasFailure ? .failed(stopped: false) : outcome
    }

    /// The text of a file, or nil when it cannot be read (bytes that are not UTF-8 are kept as
    /// `PathBytes` characters, so a file name in them still names its file).
    static func readText(_ path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        return PathBytes.decode(data)
    }

    /// Lines of a command file; LF and CRLF endings alike (`"\r\n"` is one Character).
    static func lines(_ text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `word` quoted for the command language, so paths with spaces stay one word.
    static func quoted(_ word: String) -> String {
        if !word.contains("'") { return "'" + word + "'" }
        return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Lines read from standard input as they arrive (a pipe may be slow), without their LF or CR LF;
/// bytes that are not UTF-8 are kept (`PathBytes`), as in command files.
struct StandardInputLines: Sequence, IteratorProtocol {
    mutating func next() -> String? {
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        let n = getline(&line, &capacity, readout_stdin())
        guard n >= 0, let line else { return nil }
        var count = n
        if count > 0, line[count - 1] == 0x0A {
            count -= 1
            if count > 0, line[count - 1] == 0x0D { count -= 1 }
        }
        return PathBytes.decode(UnsafeRawBufferPointer(start: line, count: count))
    }
}
