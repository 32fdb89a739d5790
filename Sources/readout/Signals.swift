import CLibEdit
import Glibc
import ReadoutWorkbench
import Synchronization

// State shared with the signal handlers. Handlers only touch these atomics,
// `Interrupt.request()` (one atomic store) and, for a second Ctrl-C during a
// stuck command, write(2) and _exit(2): all async-signal-safe.
private let interruptCount = Atomic<Int>(0)
private let commandRunning = Atomic<Bool>(false)
private let terminationSignal = Atomic<Int32>(0)
// The prompt guard: while `atPrompt`, a handled signal swaps standard input for
// `endOfFileFD` (a pipe with no writer), so libedit's read ends at once.
private let atPrompt = Atomic<Bool>(false)
private let endOfFileFD = Atomic<Int32>(-1)
private let savedStdinFD = Atomic<Int32>(-1)
// Interactive runs end the terminal's "^C" echo with a newline when a command is
// interrupted, so the workbench's "interrupted" message starts on its own line.
private let newlineAfterEcho = Atomic<Bool>(false)
// While a pager shows output, Ctrl-C is the pager's: readout lets it pass.
private let pagerRunning = Atomic<Bool>(false)
// Whether SIGPIPE was ignored before the pager started (then it stays ignored after).
private let pipeWasIgnored = Atomic<Bool>(false)

/// Ends a pending or future `read` of standard input while a line is being read.
/// dup2 is async-signal-safe.
private func cutPromptRead() {
    let fd = endOfFileFD.load(ordering: .relaxed)
    if atPrompt.load(ordering: .relaxed) && fd >= 0 {
        _ = dup2(fd, STDIN_FILENO)
    }
}

/// SIGINT: cancel the line being typed, or ask the running command to stop.
/// A second Ctrl-C while a command ignores the first one ends the process.
private let onInterrupt: @convention(c) (Int32) -> Void = { _ in
    if pagerRunning.load(ordering: .relaxed) { return }
    let count = interruptCount.add(1, ordering: .relaxed).newValue
    Interrupt.request()
    cutPromptRead()
    if count == 1 && commandRunning.load(ordering: .relaxed) && newlineAfterEcho.load(ordering: .relaxed) {
        var newline: UInt8 = 10
        _ = write(STDERR_FILENO, &newline, 1)
    }
    if count >= 2 && commandRunning.load(ordering: .relaxed) {
        // A StaticString: no allocation in a signal handler.
        let message: StaticString = "\nreadout: interrupted twice, quitting\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        _exit(130)
    }
}

/// SIGTERM/SIGHUP: stop the running command, then leave cleanly (history is
/// saved and the terminal restored) and die of the same signal; the watchdog
/// makes sure that happens within a second even if the command does not stop.
private let onTerminate: @convention(c) (Int32) -> Void = { signo in
    terminationSignal.store(signo, ordering: .relaxed)
    Interrupt.request()
    cutPromptRead()
    // sem_post is async-signal-safe
    if let w = watchdogWake { _ = sem_post(w) }
}

/// Woken by a terminating signal: if the process is still here a moment later (a command that
/// does not look at the interrupt flag), it dies of that signal from this thread.
nonisolated(unsafe) private var watchdogWake: UnsafeMutablePointer<sem_t>?

/// How long the main thread has to stop the command, autosave and leave after SIGTERM or SIGHUP.
private let watchdogGraceMicroseconds: useconds_t = 900_000

private func startWatchdog() {
    let wake = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
    guard sem_init(wake, 0, 0) == 0 else { return }
    var thread = pthread_t()
    watchdogWake = wake
    let started = pthread_create(&thread, nil, { arg in
        guard let wake = arg?.assumingMemoryBound(to: sem_t.self) else { return nil }
        while sem_wait(wake) != 0 {}
        usleep(watchdogGraceMicroseconds)
        let signo = terminationSignal.load(ordering: .relaxed)
        let message: StaticString = "readout: the command did not stop in time; quitting\n"
        _ = write(STDERR_FILENO, message.utf8Start, message.utf8CodeUnitCount)
        _ = readout_default_signal(signo)
        _ = kill(getpid(), signo)
        _exit(128 + signo)
    }, UnsafeMutableRawPointer(wake))
    if started == 0 { pthread_detach(thread) } else { watchdogWake = nil }
}

/// Signal handling for the front end.
///
/// Ctrl-C must end libedit's blocking read reliably. EINTR alone does not: libedit
/// retries an interrupted read once, and a signal that lands just before the read
/// interrupts nothing. So, while a line is being read (`readingLine`), the handlers
/// also point standard input at an empty pipe: whichever read comes next sees end
/// of file, `readline` returns NULL, and the flags tell an interrupt from Ctrl-D.
/// Standard input is put back as soon as `readline` returns.
///
/// While a line is being read the handlers are installed without `SA_RESTART`;
/// while a command runs, with it, so file reads in the workbench are not
/// disturbed (the workbench polls `Interrupt` instead).
enum Signals {
    private static let handled: [(Int32, @convention(c) (Int32) -> Void)] = [
        (SIGINT, onInterrupt), (SIGTERM, onTerminate), (SIGHUP, onTerminate),
    ]

    /// Installs the handlers for reading a line (`restart` false) or for running commands.
    static func install(restartingCalls restart: Bool) {
        // Touch the globals first: their lazy initialisation must not happen in a handler.
        _ = interruptCount.load(ordering: .relaxed)
        _ = commandRunning.load(ordering: .relaxed)
        _ = terminationSignal.load(ordering: .relaxed)
        _ = atPrompt.load(ordering: .relaxed)
        _ = endOfFileFD.load(ordering: .relaxed)
        _ = newlineAfterEcho.load(ordering: .relaxed)
        _ = pagerRunning.load(ordering: .relaxed)
        _ = Interrupt.isRequested
        if watchdogWake == nil { startWatchdog() }
        for (signo, handler) in handled {
            _ = readout_install_signal(signo, handler, restart ? 1 : 0)
        }
    }

    /// Prepares the prompt guard (interactive mode only). False when it could not be set up.
    @discardableResult
    static func preparePromptGuard() -> Bool {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        close(ends[1])
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        let saved = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 10)
        guard saved >= 0 else {
            close(ends[0])
            return false
        }
        _ = atPrompt.load(ordering: .relaxed)
        newlineAfterEcho.store(true, ordering: .relaxed)
        savedStdinFD.store(saved, ordering: .relaxed)
        endOfFileFD.store(ends[0], ordering: .relaxed)
        return true
    }

    /// Runs `read` (a `readline` call) with the prompt guard armed, then restores standard input.
    static func readingLine<T>(_ read: () -> T) -> T {
        install(restartingCalls: false)
        atPrompt.store(true, ordering: .relaxed)
        let result = read()
        atPrompt.store(false, ordering: .relaxed)
        let saved = savedStdinFD.load(ordering: .relaxed)
        if saved >= 0 { _ = dup2(saved, STDIN_FILENO) }
        install(restartingCalls: true)
        return result
    }

    /// Marks the start of a command: clears interrupts and arms the second-Ctrl-C exit.
    static func beginCommand() {
        interruptCount.store(0, ordering: .relaxed)
        Interrupt.reset()
        commandRunning.store(true, ordering: .relaxed)
    }

    /// A pager is about to show output, until `pagerEnded()`. Ctrl-C reaches the pager too,
    /// and is the pager's (less stops a search, a plain pager ends): readout neither stops the
    /// command for it nor counts it towards the second Ctrl-C that ends the process. SIGPIPE is
    /// ignored meanwhile, so a pager that quits before reading everything only ends the output.
    static func pagerStarting() {
        pipeWasIgnored.store(readout_ignore_signal(SIGPIPE) == 1, ordering: .relaxed)
        pagerRunning.store(true, ordering: .relaxed)
    }

    /// The pager has ended: Ctrl-C and SIGPIPE are readout's again.
    static func pagerEnded() {
        pagerRunning.store(false, ordering: .relaxed)
        if !pipeWasIgnored.load(ordering: .relaxed) { _ = readout_default_signal(SIGPIPE) }
    }

    /// Marks the end of a command.
    static func endCommand() {
        commandRunning.store(false, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed since the last call (and clears it).
    static func takeInterrupt() -> Bool {
        interruptCount.exchange(0, ordering: .relaxed) > 0
    }

    /// The terminating signal received (SIGTERM, SIGHUP), if any.
    static var pendingTermination: Int32? {
        let signo = terminationSignal.load(ordering: .relaxed)
        return signo == 0 ? nil : signo
    }

    /// Dies of `signo` with its default action, so the parent sees how we ended.
    static func terminate(with signo: Int32) -> Never {
        _ = readout_default_signal(signo)
        raise(signo)
        exit(128 + signo)
    }
}
