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
        // One pass over the documents does both stages' per-document work (entity recognition and
        // quote extraction do not depend on each other), so the cores share one queue of work
        // instead of meeting at a barrier between the stages; then the corpus-wide steps run.
        let (entities, quotes) = perDocument(documents)
        var analysis = EntityStage.merge(documents, entities)
        // The per-document entity results are garbage now; freeing their many small objects is
        // left to another core instead of delaying the quote step.
        if parallel ?? (documents.count >= EntityStage.parallelThreshold) {
            let garbage = Garbage(entities)
            DispatchQueue.global(qos: .utility).async { garbage.drop() }
        }
        QuoteStage.resolveAll(&analysis, quotes, parallel: parallel)
        return analysis
    }

    /// Entity recognition and quote extraction for every document, in parallel when there are many.
    func perDocument(_ documents: [Document]) -> ([DocumentEntities], [[FoundQuote]]) {
        let recognizer = EntityRecognizer()
        let extractor = DocumentQuotes()
        _ = (CueVerbs.shared, QuoteLists.shared, POSLexicon.shared, Lexicon.shared) // the lists, before the workers start
        guard parallel ?? (documents.count >= EntityStage.parallelThreshold) else {
            return (documents.map { recognizer.recognize($0) }, documents.map { extractor.extract($0) })
        }
        var entities = [DocumentEntities?](repeating: nil, count: documents.count)
        var quotes = [[FoundQuote]](repeating: [], count: documents.count)
        entities.withUnsafeMutableBufferPointer { e in
            quotes.withUnsafeMutableBufferPointer { q in
                nonisolated(unsafe) let entityOut = e
                nonisolated(unsafe) let quoteOut = q
                DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                    // each worker writes only its own slots
                    entityOut[i] = recognizer.recognize(documents[i])
                    quoteOut[i] = extractor.extract(documents[i])
                }
            }
        }
        return (entities.map { $0! }, quotes)
    }

    /// Starts loading the word lists (gazetteers, name lists, part-of-speech lexicon, cue verbs)
    /// on a background thread, so the first analysis need not wait for them; a front end calls it
    /// at start-up, while it parses arguments and reads files. Only the first call does anything.
    public static func prewarm() { _ = prewarming }

    private static let prewarming: Void = {
        DispatchQueue.global(qos: .userInitiated).async {
            _ = (Lexicon.shared, POSLexicon.shared, CueVerbs.shared, QuoteLists.shared)
        }
    }()
}

/// Holds values so they can be released on another thread.
private final class Garbage<T>: @unchecked Sendable {
    private var value: T?
    init(_ value: T) { self.value = value }
    /// Releases the value (call once, from one thread).
    func drop() { value = nil }
}
