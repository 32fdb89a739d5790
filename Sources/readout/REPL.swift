import ReadoutWorkbench

/// The interactive loop: prompt, edit, run, repeat, until `quit`, Ctrl-D or a
/// terminating signal.
@MainActor
final class REPL {
    private let session: Session
    private let editor: LineEditor
    private let history: HistoryStore?

    init(session: Session, history: HistoryStore?) {
        self.session = session
        self.history = history
        let workbench = session.workbench
        self.editor = LineEditor { line, cursor in workbench.completions(line: line, cursor: cursor) }
        history?.load()
    }

    /// The greeting shown before the first prompt.
    static func banner() -> String {
        "Readout \(ReadoutVersion.current) - type 'help' for commands, Ctrl-D to leave.\n"
    }

    /// Runs until the user leaves. Returns the exit status (always 0: failures
    /// were shown as they happened); dies of SIGTERM/SIGHUP after saving history.
    func run() -> Int32 {
        var endOfInputCount = 0
        while !session.workbench.quitRequested {
            let input = editor.read(prompt: Workbench.prompt)
            if let signo = Signals.pendingTermination {
                leave(with: signo)
            }
            switch input {
            case .interrupted:
                // The half-typed line is dropped; start a fresh one.
                Output.out("^C\n")
                endOfInputCount = 0
            case .endOfInput:
                Output.out("\n")
                // the terminal is gone (hung up, or reads fail with EIO): nobody can answer a warning
                if Terminal.inputIsGone() {
                    session.workbench.autosaveBeforeLeaving()
                    return finish()
                }
                endOfInputCount += 1
                // Ctrl-D leaves like `quit`: the workbench may warn once about unsaved work, and
                // Ctrl-D again confirms. A closed terminal keeps returning end of input, so give up
                // after a few.
                if endOfInputCount >= 3 { return finish() }
                session.workbench.quitAtEndOfInput()
            case .line(let raw):
                endOfInputCount = 0
                let line = raw.trimmingWhitespace()
                guard !line.isEmpty else { continue }
                history?.record(line)
                session.run(line, typed: true)
                _ = Signals.takeInterrupt()
                if let signo = Signals.pendingTermination {
                    leave(with: signo)
                }
            }
        }
        return finish()
    }

    private func finish() -> Int32 {
        history?.save()
        return 0
    }

    private func leave(with signo: Int32) -> Never {
        session.workbench.autosaveBeforeLeaving()
        history?.save()
        Signals.terminate(with: signo)
    }
}

extension String {
    /// The string without leading and trailing whitespace (completion leaves a trailing space).
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
