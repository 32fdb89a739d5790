import CLibEdit
import Glibc
import ReadoutWorkbench

/// Long output at the prompt goes through a pager, as psql's does: `$PAGER` (run by /bin/sh),
/// or `less -FRX` when it is not set; an empty `PAGER` turns paging off. Output that fits on the
/// screen with the prompt after it is printed as it is. The launcher makes a pager only for a
/// person at a terminal whose output is a terminal: scripts, pipes and files never page.
struct Pager: Sendable {
    /// The pager when `PAGER` is not set: quits at once if the text fits (-F), keeps colour (-R)
    /// and leaves the text on the screen (-X).
    static let defaultCommand = "less -FRX"

    /// The shell command that pages its standard input.
    let command: String

    /// The pager `environment` asks for; nil when `PAGER` is set but empty.
    init?(environment: Environment) {
        let command = environment["PAGER"] ?? Pager.defaultCommand
        guard command.contains(where: { !$0.isWhitespace }) else { return nil }
        self.command = command
    }

    /// Where the output goes.
    private enum Target {
        /// Held while it may still fit on the screen.
        case holding
        /// Straight to standard output (it fits, or the pager could not start).
        case direct
        /// Into the pager's standard input.
        case paging(pid: pid_t, input: Int32)
        /// The pager quit before reading everything: the rest is dropped.
        case closed(pid: pid_t)
    }

    /// Shows the text `render` writes: printed if it fits on the screen with the prompt after it,
    /// else through the pager, started once the text is taller than that (so a long table is
    /// never held whole). If the pager cannot start, the text is printed directly instead.
    func show(_ render: (_ sink: ([UInt8]) -> Void) -> Void) {
        let rows = Int(readout_terminal_rows(STDOUT_FILENO)), columns = Int(readout_terminal_columns(STDOUT_FILENO))
        guard rows > 0 && columns > 0 else {
            render { Output.write($0, to: STDOUT_FILENO) }
            return
        }
        var target = Target.holding
        var held: [UInt8] = []
        var height = ScreenHeight(columns: columns)
        render { chunk in
            switch target {
            case .holding:
                held += chunk
                guard height.add(held) >= rows else { return }
                Signals.pagerStarting()
                if let (pid, input) = start() {
                    target = Pager.send(held, to: input) ? .paging(pid: pid, input: input) : .closed(pid: pid)
                    if case .closed = target { close(input) }
                } else {
                    Signals.pagerEnded()
                    Output.write(held, to: STDOUT_FILENO)
                    target = .direct
                }
                held = []
            case .direct:
                Output.write(chunk, to: STDOUT_FILENO)
            case .paging(let pid, let input):
                if !Pager.send(chunk, to: input) {
                    close(input)
                    target = .closed(pid: pid)
                }
            case .closed:
                break
            }
        }
        var pid: pid_t = 0
        switch target {
        case .holding: Output.write(held, to: STDOUT_FILENO)
        case .direct: break
        case .paging(let p, let input):
            close(input)
            pid = p
        case .closed(let p): pid = p
        }
        guard pid > 0 else { return }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        Signals.pagerEnded()
        // the shell's "not found" and "cannot run": the pager never showed anything
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 0
        if code == 126 || code == 127 {
            Output.err(ErrorRenderer.warning("the pager '\(command)' did not start (PAGER); printing directly") + "\n")
            render { Output.write($0, to: STDOUT_FILENO) }
        }
    }

    /// Starts the pager reading a new pipe, in readout's process group (so it may read the
    /// terminal) with default signal handling. Returns its process and the pipe's writing end.
    private func start() -> (pid: pid_t, input: Int32)? {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return nil }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_adddup2(&actions, ends[0], STDIN_FILENO)
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        sigemptyset(&empty)
        for signo in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] { sigaddset(&defaults, signo) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = (["sh", "-c", command] as [String]).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        close(ends[0])
        guard rc == 0 else {
            close(ends[1])
            return nil
        }
        return (pid, ends[1])
    }

    /// Writes all of `bytes` to the pager; false once it has quit (EPIPE) or the write fails.
    private static func send(_ bytes: [UInt8], to fd: Int32) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var offset = 0
            while offset < b.count {
                let n = write(fd, b.baseAddress! + offset, b.count - offset)
                if n > 0 {
                    offset += n
                } else if !(n < 0 && errno == EINTR) {
                    return false
                }
            }
            return true
        }
    }
}

/// Counts the screen rows that text takes on a terminal `columns` wide: a line wider than that
/// takes several. Colour codes take no room.
struct ScreenHeight {
    let columns: Int
    /// Rows of the complete lines counted so far.
    private(set) var rows = 0
    /// Where the first line not yet counted starts.
    private var lineStart = 0

    init(columns: Int) { self.columns = max(1, columns) }

    /// Counts the lines of `text` (the text so far, grown since the last call) that ended since
    /// the last call; returns the rows counted in all.
    mutating func add(_ text: [UInt8]) -> Int {
        text.withUnsafeBufferPointer { b in
            var k = lineStart
            while k < b.count {
                if b[k] == 0x0A {
                    let width = ScreenHeight.width(UnsafeBufferPointer(rebasing: b[lineStart..<k]))
                    rows += max(1, (width + columns - 1) / columns)
                    lineStart = k + 1
                }
                k += 1
            }
        }
        return rows
    }

    /// Columns of one line, leaving out colour codes (ESC [ ... m).
    static func width(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        guard line.contains(0x1B) else { return TerminalColumns.width(line) }
        var visible: [UInt8] = []
        var k = 0
        while k < line.count {
            if line[k] == 0x1B {
                while k < line.count && line[k] != UInt8(ascii: "m") { k += 1 }
            } else {
                visible.append(line[k])
            }
            k += 1
        }
        return visible.withUnsafeBufferPointer { TerminalColumns.width($0) }
    }
}
