import Dispatch

/// The entity stage of the analysis: per-document recognition (in parallel for many documents),
/// merged across the corpus in document order as the documents come.
public enum EntityStage {
    /// From this many documents on, recognition runs on all cores.
    public static let parallelThreshold = 8

    /// Runs recognition and merging and returns the corpus analysis (quotes not filled in).
    public static func analyze(_ documents: [Document], parallel: Bool? = nil) -> CorpusAnalysis {
        analyze(documents, parallel: parallel, alongside: { _ in () }).analysis
    }

    /// Tokenises each document and recognises its entities, and merges them in document order as
    /// they come, so only a few documents' tokens and local entities exist at a time. `extra` runs
    /// on each document beside recognition (quote extraction); its results come back in document
    /// order. The result does not depend on whether it ran in parallel.
    static func analyze<Extra: Sendable>(_ documents: [Document], parallel: Bool?,
                                         alongside extra: @escaping @Sendable (Document) -> Extra,
                                         skip: @escaping @Sendable () -> Bool = { false },
                                         empty: Document? = nil,
                                         progress: ((Int, Int) -> Void)? = nil) -> (analysis: CorpusAnalysis, extra: [Extra]) {
        let recognizer = EntityRecognizer()
        var merger = EntityMerger(ids: documents.map(\.id))
        var mentions: [[Mention]] = [], extras: [Extra] = []
        mentions.reserveCapacity(documents.count)
        extras.reserveCapacity(documents.count)
        ParallelMap.stream(documents.count, parallel: parallel ?? (documents.count >= parallelThreshold),
                           produce: { i in
            // each document is tokenised here, for this step alone: the corpus keeps its text, not its tokens
            // once `skip` says so, the rest are read as `empty` (the caller throws the result away)
            let document = (empty != nil && skip() ? empty! : documents[i]).tokenized()
            Analyzer.loadLists() // (waits, the first time, for the lists the start-up began loading)
            return (recognizer.recognize(document, evidence: false), extra(document))
        }) { i, result in
            mentions.append(merger.add(result.0))
            extras.append(result.1)
            progress?(i + 1, documents.count)
        }
        let (entities, mentionEntity) = merger.finish()
        var analysis = CorpusAnalysis(documents: documents.indices.map { i in
            DocumentAnalysis(document: documents[i], mentions: mentions[i], mentionEntity: mentionEntity[i])
        }, entities: entities)
        // built on another core while the quote step starts; look-ups wait for it
        analysis.aliasStore = AliasIndexStore(building: entities)
        return (analysis, extras)
    }
}
