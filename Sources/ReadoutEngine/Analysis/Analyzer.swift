import Dispatch

/// Runs every analysis stage over a set of documents.
///
/// Stages: per-document entity recognition and quote extraction (in parallel when
/// there are many documents), then corpus-wide entity merging and speaker resolution.
public struct Analyzer {
    /// Whether per-document work runs on every core; nil means "when there are many documents".
    public var parallel: Bool?
    /// Asked before each document and each stage: once it says true, the rest is skipped and the
    /// result is incomplete, for the caller to throw away (Ctrl-C, a terminating signal).
    public var cancelled: (@Sendable () -> Bool)?
    /// Told `(documents done, documents in all)` on the calling thread as each document's
    /// entities are merged (in document order), for a progress line.
    public var progress: ((Int, Int) -> Void)?

    public init(parallel: Bool? = nil, cancelled: (@Sendable () -> Bool)? = nil, progress: ((Int, Int) -> Void)? = nil) {
        self.parallel = parallel
        self.cancelled = cancelled
        self.progress = progress
    }

    /// Analyses `documents`; the result is the same whatever the number of cores.
    ///
    /// Each document's entities are recognised and its quotes extracted (on every core when
    /// there are many documents) while this thread merges the entities in document order; then
    /// speakers and sources resolve against the merged entities.
    public func analyze(_ documents: [Document]) -> CorpusAnalysis {
        let parallel = self.parallel ?? (documents.count >= EntityStage.parallelThreshold)
        let extractor = DocumentQuotes()
        let cancelled = self.cancelled ?? { false }
        // a cancelled analysis goes on with empty documents, which cost nothing, and is thrown away
        let empty = Document(id: "", text: "")
        var (analysis, found) = EntityStage.analyze(documents, parallel: parallel, alongside: { extractor.extract($0, evidence: false) },
                                                    skip: cancelled, empty: empty, progress: progress)
        if cancelled() { return analysis }
        QuoteStage.resolveAll(&analysis, consume found, parallel: parallel)
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
