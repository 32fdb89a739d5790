import ReadoutEngine

/// The Ctrl-C flag: a signal handler sets it, long work polls it and stops cleanly. It is the
/// engine's `Cancellation` flag, so the analysis inside one long document stops too.
public enum Interrupt {
    /// Asks running work to stop. Async-signal-safe: one atomic store.
    public static func request() { Cancellation.request() }
    /// Clears the flag before a new command.
    public static func reset() { Cancellation.reset() }
    /// Whether an interrupt was requested.
    public static var isRequested: Bool { Cancellation.isRequested }

    /// Throws `interrupted` when an interrupt was requested.
    public static func check() throws(ReadoutError) {
        if isRequested { throw error }
    }

    /// The error a command ends with when it is interrupted.
    public static var error: ReadoutError { ReadoutError("interrupted", hint: "the workspace is as it was before the command") }
}
