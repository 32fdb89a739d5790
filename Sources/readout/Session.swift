import ReadoutWorkbench

/// How a batch of command lines ended.
enum RunOutcome: Equatable {
    /// Every line ran and succeeded.
    case succeeded
    /// At least one line failed (`stopped`: `--bail` ended the run there).
    case failed(stopped: Bool)
    /// `quit`/`exit` ended the run (`failed`: a line before it failed).
    case quit(failed: Bool)
    /// Ctrl-C or a terminating signal ended the run.
    case interrupted

    /// Whether a line failed.
    var hasFailure: Bool {
        switch self {
        case .succeeded, .interrupted: return false
        case .failed: return true
        case .quit(let failed): return failed
        }
    }

    /// Whether the caller should run nothing more.
    var stopsRun: Bool {
        switch self {
        case .succeeded: return false
        case .failed(let stopped): return stopped
        case .quit, .interrupted: return true
        }
    }
}

/// The workbench as the front end drives it: runs lines with signal and
/// terminal-width bookkeeping around each one.
@MainActor
final class Session {
    /// The workbench every line goes to.
    let workbench: Workbench
    /// The terminal, for re-reading the width.
    let terminal: Terminal
    /// The width last set from the terminal; once `set width=` changes it, it is left alone.
    private var automaticWidth: Int

    init(workbench: Workbench, terminal: Terminal) {
        self.workbench = workbench
        self.terminal = terminal
        self.automaticWidth = workbench.style.width
    }

    /// Runs one line (all its `;`-separated statements). False when any failed.
    /// `file`/`lineNumber` make errors read `FILE:LINE`; `typed`: typed at the prompt (long
    /// tables may be paged).
    @discardableResult
    func run(_ line: String, file: String? = nil, lineNumber: Int? = nil, typed: Bool = false) -> Bool {
        refreshWidth()
        Signals.beginCommand()
        defer { Signals.endCommand() }
        return workbench.execute(line, file: file, line: lineNumber, typed: typed)
    }

    /// Runs lines in order as a script: no prompt, no history. Stops at `quit`,
    /// Ctrl-C, a terminating signal, or (with `bail`) the first failure.
    func runScript(_ lines: some Sequence<String>, file: String?, numbered: Bool, bail: Bool) -> RunOutcome {
        var failed = false
        for (index, line) in lines.enumerated() {
            let ok = run(line, file: file, lineNumber: numbered ? index + 1 : nil)
            if !ok { failed = true }
            if Signals.takeInterrupt() || Signals.pendingTermination != nil { return .interrupted }
            if workbench.quitRequested { return .quit(failed: failed) }
            if !ok && bail { return .failed(stopped: true) }
        }
        return failed ? .failed(stopped: false) : .succeeded
    }

    /// Follows the terminal's width (it may have been resized) unless the user set one.
    private func refreshWidth() {
        guard workbench.style.width == automaticWidth else { return }
        let width = terminal.width()
        workbench.style.width = width
        automaticWidth = width
    }
}
