import Synchronization

private let interruptFlag = Atomic<Bool>(false)

/// The Ctrl-C flag: a signal handler sets it, long work polls it and stops cleanly.
public enum Interrupt {
    /// Asks running work to stop. Async-signal-safe: one atomic store.
    public static func request() { interruptFlag.store(true, ordering: .relaxed) }
    /// Clears the flag before a new command.
    public static func reset() { interruptFlag.store(false, ordering: .relaxed) }
    /// Whether an interrupt was requested.
    public static var isRequested: Bool { interruptFlag.load(ordering: .relaxed) }

    /// Throws `interrupted` when an interrupt was requested.
    public static func check() throws(ReadoutError) {
        if isRequested { throw error }
    }

    /// The error a command ends with when it is interrupted.
    public static var error: ReadoutError { ReadoutError("interrupted", hint: "the workspace is as it was before the command") }
}
