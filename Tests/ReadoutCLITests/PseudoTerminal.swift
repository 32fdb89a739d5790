import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program on a fresh pseudo-terminal, as if a person were typing at it.
///
/// The child is a session leader whose controlling terminal is the pty's slave
/// side (posix_spawn with POSIX_SPAWN_SETSID, then opening the slave as fd 0),
/// so line editing, Ctrl-C (the tty turns ^C into SIGINT) and Ctrl-D behave as
/// in a real terminal. All reads wait up to a deadline; nothing depends on timing.
final class PseudoTerminal {
    /// How long to wait for expected output before failing.
    static let timeout: TimeInterval = 10

    let pid: pid_t
    private let master: Int32
    /// Everything the program wrote, escape sequences included.
    private(set) var transcript: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var mark = 0
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` on an 80x24 terminal.
    init(_ executable: URL, arguments: [String], environment: [String: String]) throws {
        let pty = try PTYFunctions.load()
        master = pty.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw PseudoTerminalError("cannot open a pseudo-terminal: errno \(errno)") }
        guard pty.grantpt(master) == 0, pty.unlockpt(master) == 0, let name = pty.ptsname(master) else {
            close(master)
            throw PseudoTerminalError("cannot set up the pseudo-terminal: errno \(errno)")
        }
        let slavePath = String(cString: name)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        // A new session (so the slave becomes the controlling terminal), default
        // signal handling and nothing blocked, whatever the test runner set up.
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        for signo in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGTSTP, SIGCHLD] { sigaddset(&defaults, signo) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        let setsid: Int32 = 0x80 // POSIX_SPAWN_SETSID (glibc >= 2.26)
        posix_spawnattr_setflags(&attributes, Int16(setsid | Int32(POSIX_SPAWN_SETSIGDEF) | Int32(POSIX_SPAWN_SETSIGMASK)))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable.path, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            close(master)
            throw PseudoTerminalError("posix_spawn failed: \(rc)")
        }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `text` (control characters included: "\t", "\u{3}" for Ctrl-C, "\u{4}" for Ctrl-D).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else if errno != EINTR { return }
        }
    }

    /// Waits until `text` appears in the output after the last match; returns the
    /// output up to and including it. Throws on timeout or when the program exits first.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = PseudoTerminal.timeout) throws -> String {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(needle, from: mark) {
                let seen = String(decoding: transcript[mark..<range.upperBound], as: UTF8.self)
                mark = range.upperBound
                return seen
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw PseudoTerminalError("timed out waiting for \(text.debugDescription); got \(unread.debugDescription)")
            }
            if !readSome(timeout: remaining) {
                if let range = find(needle, from: mark) {
                    let seen = String(decoding: transcript[mark..<range.upperBound], as: UTF8.self)
                    mark = range.upperBound
                    return seen
                }
                throw PseudoTerminalError("program ended before \(text.debugDescription); got \(unread.debugDescription)")
            }
        }
    }

    /// Waits until the program has put the terminal in raw (non-canonical) mode,
    /// i.e. the line editor is reading keys. libedit prints its prompt *before*
    /// switching modes, and keys typed in between are handled by the tty's
    /// cooked mode (echoed, and a Ctrl-D there can be lost), so tests wait for this.
    func waitForLineEditor(timeout: TimeInterval = PseudoTerminal.timeout) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var modes = termios()
            // On Linux the master reports the slave's settings.
            if tcgetattr(master, &modes) == 0 && modes.c_lflag & tcflag_t(ICANON) == 0 { return }
            guard deadline.timeIntervalSinceNow > 0 else {
                throw PseudoTerminalError("the terminal never left canonical mode; output: \(unread.debugDescription)")
            }
            _ = readSome(timeout: 0.01)
        }
    }

    /// Output not yet consumed by `expect`.
    var unread: String { String(decoding: transcript[mark...], as: UTF8.self) }

    /// Reads until the program closes the terminal, then reaps it. Returns its wait status.
    func waitForExit(timeout: TimeInterval = PseudoTerminal.timeout) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while readSome(timeout: max(0, deadline.timeIntervalSinceNow)) {
            if deadline.timeIntervalSinceNow <= 0 { break }
        }
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                exitStatus = status
                return status
            }
            if result < 0 && errno != EINTR {
                throw PseudoTerminalError("waitpid failed: errno \(errno)")
            }
            if deadline.timeIntervalSinceNow <= 0 {
                let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "?"
                let channel = (try? String(contentsOfFile: "/proc/\(pid)/wchan", encoding: .utf8)) ?? "?"
                throw PseudoTerminalError("program did not exit (\(state) in \(channel)); output: \(unread.debugDescription); transcript \(String(decoding: transcript, as: UTF8.self).suffix(300).debugDescription)")
            }
            usleep(20_000)
        }
    }

    /// Reads what is available within `timeout`. False once the terminal is closed.
    private func readSome(timeout: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(timeout, 60)) * 1000)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            transcript += buffer[..<count]
            return true
        }
        // EIO: the child closed its side (exited).
        return count < 0 && errno == EINTR
    }

    private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, transcript.count - start >= needle.count else { return nil }
        for index in start...(transcript.count - needle.count)
        where transcript[index] == needle[0] && Array(transcript[index..<index + needle.count]) == needle {
            return index..<index + needle.count
        }
        return nil
    }
}

/// The XSI pseudo-terminal calls. Swift's Glibc module leaves them out (they need
/// _XOPEN_SOURCE), so they are looked up in the C library at run time.
struct PTYFunctions {
    typealias OpenPT = @convention(c) (Int32) -> Int32
    typealias FDCall = @convention(c) (Int32) -> Int32
    typealias PTSName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    let openpt: OpenPT
    let grantpt: FDCall
    let unlockpt: FDCall
    let ptsname: PTSName

    static func load() throws -> PTYFunctions {
        guard let library = dlopen(nil, RTLD_NOW),
              let openpt = dlsym(library, "posix_openpt"), let grantpt = dlsym(library, "grantpt"),
              let unlockpt = dlsym(library, "unlockpt"), let ptsname = dlsym(library, "ptsname") else {
            throw PseudoTerminalError("the C library has no posix_openpt")
        }
        return PTYFunctions(openpt: unsafeBitCast(openpt, to: OpenPT.self),
                            grantpt: unsafeBitCast(grantpt, to: FDCall.self),
                            unlockpt: unsafeBitCast(unlockpt, to: FDCall.self),
                            ptsname: unsafeBitCast(ptsname, to: PTSName.self))
    }
}

/// A pseudo-terminal step that did not go as expected.
struct PseudoTerminalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Decoding `waitpid` statuses (the C macros are not imported).
enum WaitStatus {
    static func exited(_ status: Int32) -> Bool { status & 0x7f == 0 }
    static func exitCode(_ status: Int32) -> Int32 { (status >> 8) & 0xff }
    static func signal(_ status: Int32) -> Int32? {
        let signo = status & 0x7f
        return signo != 0 && signo != 0x7f ? signo : nil
    }
}

extension PseudoTerminal {
    /// The REPL's prompt.
    static let prompt = "readout> "

    /// Waits for the prompt and for the line editor to be reading keys; returns the output before it.
    @discardableResult
    func expectPrompt(timeout: TimeInterval = PseudoTerminal.timeout) throws -> String {
        let output = try expect(PseudoTerminal.prompt, timeout: timeout)
        try waitForLineEditor(timeout: timeout)
        return output
    }
}
