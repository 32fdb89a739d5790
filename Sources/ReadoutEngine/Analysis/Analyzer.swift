import Dispatch

/// Runs every analysis stage over a set of documents.
///
/// Stages: per-document entity recognition and quote extraction (in parallel when
/// there are many documents), then corpus-wide entity merging and speaker resolution.
public struct Analyzer: Sendable {
    /// Whether per-document work runs on every core; nil means "when there are many documents".
    public var parallel: Bool?

    public init(parallel: Bool? = nil) {
        self.parallel = parallel
    }

    /// Analyses `documents`; the result is the same whatever the number of cores.
    public func analyze(_ documents: [Document]) -> CorpusAnalysis {
        guard parallel ?? (documents.count >= EntityStage.parallelThreshold) else {
            var analysis = EntityStage.analyze(documents, parallel: false)
            QuoteStage.analyze(&analysis, parallel: false)
            return analysis
        }
        // 1. entity recognition, every document on every core
        let perDoc = EntityStage.recognize(documents, parallel: true)
        // 2. the corpus-wide merge runs on this thread while the other cores extract quotes (which
        //    need no entities), so the serial step no longer leaves cores idle
        let quotes = Handoff<[[FoundQuote]]>(nil)
        let extraction = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: extraction) {
            quotes.value = QuoteStage.extract(documents, parallel: true)
        }
        var analysis = EntityStage.merge(documents, perDoc)
        // the per-document entity results are garbage now: freed on another core
        let garbage = Handoff(perDoc)
        DispatchQueue.global(qos: .utility).async { garbage.value = nil }
        extraction.wait()
        // 3. speakers and sources against the merged entities
        QuoteStage.resolveAll(&analysis, quotes.value!, parallel: true)
        return analysis
    }

    /// Loads the word lists the analysis uses (each only once), so workers never wait on one another for them.
    static func loadLists() {
        _ = (Lexicon.shared, POSLexicon.shared, CueVerbs.shared, QuoteLists.shared)
    }

    /// Starts loading the word lists (gazetteers, name lists, part-of-speech lexicon, cue verbs)
    /// on a background thread, so the first analysis need not wait for them; a front end calls it
    /// at start-up, while it parses arguments and reads files. Only the first call does anything.
    public static func prewarm() { _ = prewarming }

    private static let prewarming: Void = {
        DispatchQueue.global(qos: .userInitiated).async { loadLists() }
    }()
}

/// A value handed from one thread to another: set or released on one, read after it is done
/// (the caller orders the two, here with a dispatch group or by never reading again).
private final class Handoff<T>: @unchecked Sendable {
    var value: T?
    init(_ value: T?) { self.value = value }
}
