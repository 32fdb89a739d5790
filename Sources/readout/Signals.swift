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

/// SIGINT: cancel the line being typed, or ask the running command to stop.
/// A second Ctrl-C while a command ignores the first one ends the process.
private let onInterrupt: @convention(c) (Int32) -> Void = { _ in
    let count = interruptCount.add(1, ordering: .relaxed).newValue
    Interrupt.request()
    if count >= 2 && commandRunning.load(ordering: .relaxed) {
        let message = "\nreadout: interrupted twice, quitting\n"
        _ = message.utf8CString.withUnsafeBufferPointer { buffer in
            write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        _exit(130)
    }
}

/// SIGTERM/SIGHUP: stop the running command, then leave cleanly (history is
/// saved and the terminal restored) and die of the same signal.
private let onTerminate: @convention(c) (Int32) -> Void = { signo in
    terminationSignal.store(signo, ordering: .relaxed)
    Interrupt.request()
}

/// Signal handling for the front end.
///
/// While a line is being read, handlers are installed without `SA_RESTART`, so
/// libedit's blocking read returns and `readline` gives back NULL: that is how
/// Ctrl-C cancels a half-typed line. While a command runs they are installed
/// with `SA_RESTART`, so file reads in the workbench are not disturbed; the
/// workbench polls `Interrupt` instead.
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
        for (signo, handler) in handled {
            _ = readout_install_signal(signo, handler, restart ? 1 : 0)
        }
    }

    /// Marks the start of a command: clears interrupts and arms the second-Ctrl-C exit.
    static func beginCommand() {
        interruptCount.store(0, ordering: .relaxed)
        Interrupt.reset()
        commandRunning.store(true, ordering: .relaxed)
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
