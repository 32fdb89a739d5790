import Foundation
import OrderedCollections
import ReadoutEngine

/// A note the analyst attached to the session, a document, an entity or a quote.
public struct Note: Sendable, Equatable {
    public var text: String
    /// What it is about (`DOC`, an entity name or a quote id), if anything.
    public var on: String?
    /// When it was written (seconds since 1970).
    public var at: Int

    public init(text: String, on: String? = nil, at: Int) {
        self.text = text
        self.on = on
        self.at = at
    }
}

/// The articles and everything the analyst added to them. Analysis is derived and cached.
public final class Workspace {
    /// Documents in load order, by id.
    public private(set) var documents: OrderedDictionary<String, DocumentRecord> = [:]
    /// User groups: name → member names (`alias whitehouse = "White House" Psaki`).
    public var groups: OrderedDictionary<String, [String]> = [:]
    /// Notes in the order written.
    public var notes: [Note] = []
    /// Commands run in this session, in order (saved with it).
    public var history: [String] = []
    /// Whether anything changed since the last save or open.
    public var dirty = false

    private var cachedAnalysis: CorpusAnalysis? {
        didSet { if cachedAnalysis == nil { cachedIndex = nil } }
    }
    private var cachedIndex: CorpusIndex?

    public init() {}

    /// Adds documents (ids must be unique).
    public func add(_ records: [DocumentRecord]) {
        guard !records.isEmpty else { return }
        for r in records { documents[r.id] = r }
        cachedAnalysis = nil
        dirty = true
    }

    /// Removes one document.
    @discardableResult
    public func remove(_ id: String) -> DocumentRecord? {
        guard let r = documents.removeValue(forKey: id) else { return nil }
        cachedAnalysis = nil
        dirty = true
        return r
    }

    /// Removes every document (groups and notes stay).
    public func removeAllDocuments() {
        documents.removeAll()
        cachedAnalysis = nil
        dirty = true
    }

    /// Removes the notes about document `id` (the document or a quote in it), which would
    /// otherwise outlive it; returns how many.
    @discardableResult
    public func removeNotes(aboutDocument id: String) -> Int {
        let before = notes.count
        notes.removeAll { WorkspaceRules.isAbout($0.on, document: id) }
        return before - notes.count
    }

    /// Replaces the whole state (used by `open` and `new`).
    public func replace(with other: Workspace) {
        documents = other.documents
        groups = other.groups
        notes = other.notes
        history = other.history
        cachedAnalysis = nil
        dirty = false
    }

    /// Updates a document's metadata without touching its text.
    public func update(_ id: String, _ change: (inout DocumentRecord) -> Void) {
        guard var r = documents[id] else { return }
        change(&r)
        documents[id] = r
        dirty = true
    }

    /// Told `(documents done, in all)` while the analysis runs (the workbench draws a progress
    /// line with it on a terminal).
    public var analysisProgress: ((Int, Int) -> Void)?

    /// The analysis of all documents, computed on first use and cached until documents change.
    /// Ctrl-C or a terminating signal cuts it short: what was made is returned, not kept, and
    /// the command is reported as interrupted (`Workbench` checks after every command).
    public var analysis: CorpusAnalysis {
        if let a = cachedAnalysis { return a }
        let analyzer = Analyzer(cancelled: { Interrupt.isRequested }, progress: analysisProgress)
        let docs = documents.values.map(\.document)
        let a = analyzer.analyze(docs)
        // the progress line goes, also when the analysis was cut short
        analysisProgress?(docs.count, docs.count)
        if !Interrupt.isRequested { cachedAnalysis = a }
        return a
    }

    /// The analysis, for a command: throws `interrupted` when Ctrl-C or a terminating signal cut
    /// it short, so the command stops there instead of going on with what was made.
    public func analyzed() throws(ReadoutError) -> CorpusAnalysis {
        let a = analysis
        try Interrupt.check()
        return a
    }

    /// The word index of all documents (for `kwic`, `freq`, `collocates`), built on first use and
    /// cached with the analysis, in the same document order.
    public var corpusIndex: CorpusIndex {
        if let i = cachedIndex { return i }
        let i = CorpusIndex(documents: documents.values.map(\.document))
        cachedIndex = i
        return i
    }

    /// Replaces the cached analysis with a given one (tests use hand-built analyses); it must
    /// describe the current documents, in order.
    func useAnalysis(_ a: CorpusAnalysis) {
        cachedAnalysis = a
    }

    /// Whether the analysis is already computed.
    public var isAnalysed: Bool { cachedAnalysis != nil }

    /// Index of a document id in load order (the `doc` index used by the analysis).
    public func index(of id: String) -> Int? { documents.index(forKey: id) }

    /// The record at analysis index `i`.
    public func record(at i: Int) -> DocumentRecord { documents.values[i] }
}
