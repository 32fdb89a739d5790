import CLibEdit
import Glibc
import ReadoutWorkbench
import Synchronization

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
///
/// Standard output that cannot be written (a full disk, a closed descriptor, a reader that went
/// away while SIGPIPE is ignored) is reported once on standard error, later output is dropped, and
/// the run exits with status 1 (`standardOutputFailed`). Standard error failing is not reported.
enum Output {
    /// The errno of the first failed write to standard output, or 0.
    private static let stdoutError = Atomic<Int32>(0)
    /// Whether standard output was closed when the process started (then held on /dev/null,
    /// read-only, so that no file opened later takes descriptor 1 and receives the output).
    private static let stdoutWasClosed = Atomic<Bool>(false)

    /// True once a write to standard output has failed.
    static var standardOutputFailed: Bool { stdoutError.load(ordering: .relaxed) != 0 }

    /// Puts /dev/null (read-only) on standard input, output or error when one is closed, so the
    /// next file opened does not become it; a write to a held output then fails and is reported.
    static func holdClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let held = open("/dev/null", O_RDONLY)
            if held >= 0 && held != fd { dup2(held, fd); close(held) }
            if fd == STDOUT_FILENO { stdoutWasClosed.store(true, ordering: .relaxed) }
        }
    }

    /// Makes text printed through C's buffered `stdout` (ArgumentParser's `--help` and
    /// `--version`) subject to the same rule: checked when the process exits.
    static func checkBufferedOutputAtExit() {
        atexit {
            // every stream: `stdout` itself is a C global Swift 6 will not touch
            guard fflush(nil) != 0 else { return }
            Output.standardOutputFailed(errno: errno == 0 ? EIO : errno)
            _exit(1)
        }
    }

    /// Writes all of `text` to `fd`.
    static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { write($0, to: fd) }
    }

    /// Writes all of `bytes` to `fd`.
    static func write(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBufferPointer { write($0, to: fd) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        if fd == STDOUT_FILENO && standardOutputFailed { return }
        var offset = 0
        while offset < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if count > 0 {
                offset += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if fd == STDOUT_FILENO { standardOutputFailed(errno: count < 0 ? errno : EIO) }
                return
            }
        }
    }

    /// Records the first failure to write standard output and reports it on standard error.
    private static func standardOutputFailed(errno e: Int32) {
        guard stdoutError.compareExchange(expected: 0, desired: e, ordering: .relaxed).exchanged else { return }
        let error = e == EBADF && stdoutWasClosed.load(ordering: .relaxed)
            ? ReadoutError("cannot write to standard output: it is closed", hint: "run readout with its output open (not >&-)")
            : ReadoutError("cannot write to standard output: \(String(cString: strerror(e)))", hint: "check the disk or file it goes to")
        err(ErrorRenderer.render(error) + "\n")
    }

    /// Writes to standard output.
    static func out(_ text: String) { write(text, to: STDOUT_FILENO) }
    /// Writes to standard error.
    static func err(_ text: String) { write(text, to: STDERR_FILENO) }
}

extension Terminal {
    /// Whether standard input has hung up or fails (EIO): a terminal that is gone, not a Ctrl-D.
    static func inputIsGone() -> Bool {
        var p = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) >= 0 else { return errno != EINTR }
        if p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return true }
        var t = termios()
        return isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &t) != 0 && errno == EIO
    }
}
