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
        var analysis = EntityStage.analyze(documents, parallel: parallel)
        QuoteStage.analyze(&analysis, parallel: parallel)
        return analysis
    }
}
