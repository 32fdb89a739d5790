import Synchronization

private let stopFlag = Atomic<Bool>(false)

/// A process-wide request to stop long work (Ctrl-C, a terminating signal).
///
/// `Analyzer.cancelled` is asked between documents; inside one long document the stages ask this
/// flag every sentence (entity candidates, quotations, reported speech) and every quote (speaker
/// resolution), and stop there, so a 64 MB document stops about as soon as a corpus does. What a
/// stopped stage returns is incomplete: the caller that asked to stop throws it away.
public enum Cancellation {
    /// Asks running work to stop. Async-signal-safe: one atomic store.
    public static func request() { stopFlag.store(true, ordering: .relaxed) }
    /// Clears the request before new work.
    public static func reset() { stopFlag.store(false, ordering: .relaxed) }
    /// Whether a stop was requested (one relaxed atomic load).
    @inline(__always) public static var isRequested: Bool { stopFlag.load(ordering: .relaxed) }
}
