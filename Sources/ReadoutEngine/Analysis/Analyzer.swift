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
        let recognizer = EntityRecognizer()
        let extractor = DocumentQuotes()
        _ = (CueVerbs.shared, QuoteLists.shared, POSLexicon.shared, Lexicon.shared) // the lists, before the workers start
        guard parallel ?? (documents.count >= EntityStage.parallelThreshold) else {
            var analysis = EntityStage.merge(documents, documents.map { recognizer.recognize($0) })
            QuoteStage.resolveAll(&analysis, documents.map { extractor.extract($0) }, parallel: false)
            return analysis
        }
        // 1. entity recognition, every document on every core
        let entities = Slots<DocumentEntities>(documents.count)
        DispatchQueue.concurrentPerform(iterations: documents.count) { i in
            entities.set(i, recognizer.recognize(documents[i]))
        }
        // 2. the corpus-wide merge runs on this thread while the other cores extract quotes (which
        //    need no entities), so the serial step no longer leaves cores idle
        let quotes = Slots<[FoundQuote]>(documents.count)
        let extraction = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: extraction) {
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                quotes.set(i, extractor.extract(documents[i]))
            }
        }
        let perDoc = entities.values()
        var analysis = EntityStage.merge(documents, perDoc)
        // the per-document entity results are garbage now: freed on another core
        let garbage = Garbage(perDoc)
        DispatchQueue.global(qos: .utility).async { garbage.drop() }
        extraction.wait()
        // 3. speakers and sources against the merged entities
        QuoteStage.resolveAll(&analysis, quotes.values(), parallel: true)
        return analysis
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

/// Result slots filled by concurrent workers, each index written once, read after they finish.
private final class Slots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>
    init(_ count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }
    /// Stores slot `i` (one worker per index).
    func set(_ i: Int, _ value: T) { buffer[i] = value }
    /// Every slot, in order (after all workers are done).
    func values() -> [T] { buffer.map { $0! } }
}
