import Dispatch

/// The entity stage of the analysis: per-document recognition (in parallel for many documents),
/// then the sequential corpus-wide merge.
public enum EntityStage {
    /// From this many documents on, recognition runs on all cores.
    public static let parallelThreshold = 8

    /// Recognises every document's entities; `parallel` defaults to "when there are many documents".
    /// The result does not depend on whether it ran in parallel.
    public static func recognize(_ documents: [Document], parallel: Bool? = nil) -> [DocumentEntities] {
        let recognizer = EntityRecognizer()
        _ = Lexicon.shared // load the lists once, before the workers start
        return ParallelMap.map(documents.indices, parallel: parallel, threshold: parallelThreshold) {
            recognizer.recognize(documents[$0])
        }
    }

    /// Runs recognition and merging and returns the corpus analysis (quotes not filled in).
    public static func analyze(_ documents: [Document], parallel: Bool? = nil) -> CorpusAnalysis {
        merge(documents, recognize(documents, parallel: parallel))
    }

    /// Merges per-document results (in document order) into the corpus analysis (quotes not filled in).
    static func merge(_ documents: [Document], _ perDoc: [DocumentEntities]) -> CorpusAnalysis {
        let (entities, mentionEntity) = EntityMerger().merge(perDoc, ids: documents.map { $0.id })
        var analysis = CorpusAnalysis(documents: documents.indices.map { i in
            DocumentAnalysis(document: documents[i], mentions: perDoc[i].mentions, mentionEntity: mentionEntity[i])
        }, entities: entities)
        // built on another core while the quote step starts; look-ups wait for it
        analysis.aliasStore = AliasIndexStore(building: entities)
        return analysis
    }
}
