import CLibEdit
import Glibc

/// What the process is attached to: which standard streams are terminals,
/// how wide the output is, and whether colour is wanted.
struct Terminal {
    /// Table width when nothing better is known.
    static let defaultWidth = 100
    /// The narrowest and widest table widths the workbench accepts (`set width=`).
    static let widthRange = 20...10_000

    /// True when standard input is a terminal: a person is typing.
    var stdinIsTerminal: Bool
    /// True when standard output is a terminal.
    var stdoutIsTerminal: Bool
    /// True when standard error is a terminal (progress may be drawn there).
    var stderrIsTerminal: Bool
    /// The process environment.
    var environment: Environment

    /// The terminal the process runs in now.
    static func current(environment: Environment) -> Terminal {
        Terminal(stdinIsTerminal: isatty(STDIN_FILENO) == 1,
                 stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
                 stderrIsTerminal: isatty(STDERR_FILENO) == 1,
                 environment: environment)
    }

    /// Output width in columns: the terminal's (TIOCGWINSZ on stdout) when stdout
    /// is a terminal, else `COLUMNS`, else 100; clamped to what tables accept.
    /// Read again before each command, so a resized window is picked up.
    func width() -> Int {
        var columns = 0
        if stdoutIsTerminal {
            columns = Int(readout_terminal_columns(STDOUT_FILENO))
        }
        if columns <= 0, let text = environment["COLUMNS"], let value = Int(text), value > 0 {
            columns = value
        }
        if columns <= 0 {
            columns = Terminal.defaultWidth
        }
        return min(max(columns, Terminal.widthRange.lowerBound), Terminal.widthRange.upperBound)
    }

    /// Colour only for a terminal, never with `--no-color` or a non-empty `NO_COLOR`
    /// (https://no-color.org).
    func wantsColor(disabledByFlag: Bool) -> Bool {
        if disabledByFlag { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return stdoutIsTerminal
    }
}

/// Unbuffered writes to a file descriptor, safe from any thread (the workbench
/// reports load progress from worker threads) and across EINTR.
enum Output {
    /// Writes all of `text` to `fd`; gives up silently if the reader went away.
    static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { write($0, to: fd) }
    }

    /// Writes all of `bytes` to `fd`; gives up silently if the reader went away.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBufferPointer { write($0, to: fd) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Writes to standard output.
    static func out(_ text: String) { write(text, to: STDOUT_FILENO) }
    /// Writes to standard error.
    static func err(_ text: String) { write(text, to: STDERR_FILENO) }
}
