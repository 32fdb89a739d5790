import Foundation

/// The progress line of an analysis, on standard error at a terminal: nothing for the first half
/// second (most analyses are over by then), then `analysing 1200/2225 documents…` a few times
/// a second, cleared when the last document is in. Loading reads no article's words, so the
/// analysis, which runs when a command first needs it, is the long part people wait for.
final class AnalysisProgress {
    private let err: @Sendable (String) -> Void
    private var started: Date?
    private var lastDraw = Date.distantPast
    private var drawn = false
    /// How long an analysis runs before its progress shows.
    static let delay = 0.5

    init(err: @escaping @Sendable (String) -> Void) {
        self.err = err
    }

    /// Called with each document merged (`done` of `total`), on the thread running the analysis.
    func report(_ done: Int, _ total: Int) {
        let now = Date()
        if done <= 1 || started == nil {
            started = now
            drawn = false
        }
        if done >= total {
            if drawn { err("\r\u{1B}[K") }
            started = nil
            drawn = false
            return
        }
        guard now.timeIntervalSince(started!) > Self.delay, now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        drawn = true
        err("\r\u{1B}[Kanalysing \(done)/\(total) documents…")
    }
}
