import Dispatch

/// One entity mention: a range in one document, typed, with the rule that made it.
///
/// The rule's detail (the gazetteer entry, the title, the given-name list…) is not kept with every
/// mention of a corpus; `CorpusAnalysis.mentionEvidence(doc:)` works it out again for the mentions shown.
public struct Mention: Hashable, Sendable {
    /// Where the mention lies (UTF-8 offsets into the document's text).
    public var range: TextRange
    /// The type given to it.
    public var label: EntityLabel
    /// The rule, as a code (a mention is 12 bytes; see `RuleCodes`).
    private var ruleCode: UInt16

    /// Why it is an entity: the rule (`gazetteer`, `title+name`, `given-name`…), the `rule` of its `Evidence`.
    public var rule: String {
        get { RuleCodes.name(ruleCode) }
        set { ruleCode = RuleCodes.code(newValue) }
    }

    public init(range: TextRange, label: EntityLabel, rule: String) {
        self.init(range: range, label: label, ruleCode: RuleCodes.code(rule))
    }

    init(range: TextRange, label: EntityLabel, ruleCode: UInt16) {
        self.range = range
        self.label = label
        self.ruleCode = ruleCode
    }
}

/// Identifies one mention in a corpus: document index and mention index.
///
/// Eight bytes (two 32-bit indices): an entity holds one for each of its mentions.
public struct MentionRef: Hashable, Sendable, Codable {
    private var docIndex: UInt32
    private var mentionIndex: UInt32
    /// Index of the document in the corpus.
    public var doc: Int {
        get { Int(docIndex) }
        set { docIndex = UInt32(newValue) }
    }
    /// Index of the mention in its document's mentions.
    public var mention: Int {
        get { Int(mentionIndex) }
        set { mentionIndex = UInt32(newValue) }
    }

    public init(doc: Int, mention: Int) {
        docIndex = UInt32(doc)
        mentionIndex = UInt32(mention)
    }

    private enum CodingKeys: String, CodingKey { case doc, mention }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(doc: try c.decode(Int.self, forKey: .doc), mention: try c.decode(Int.self, forKey: .mention))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(doc, forKey: .doc)
        try c.encode(mention, forKey: .mention)
    }
}

/// One quotation or reported statement.
/// How a quote's speaker was found.
public enum SpeakerMethod: String, Sendable, CaseIterable {
    /// A name that the entity layer knows (`Mr Crosby`, `the White House`).
    case name
    /// A role or description that fits one entity's role (`the US president` → Joseph Biden).
    case title
    /// A pronoun resolved to an antecedent (`he`, `she`, `they`).
    case pronoun
    /// A description taken as written: not an entity, but what the text says (`experts`, `a spokesman for the firm`),
    /// or a name the entity layer did not find (`Zero Hedge`).
    case description
    /// A country's side or readout, by the government convention (`the Russian side` → Kremlin).
    case government
    /// Taken from the quotation it continues, or the one next to it.
    case continuation
    /// Written, but not resolved: `speaker` is nil and `speaker_text` says what was written.
    case unresolved
}

public struct Quote: Hashable, Sendable {
    /// Stable id within the corpus, e.g. `q3` or `seed-000:q3`.
    public var id: String
    /// Index of the document in the corpus.
    public var doc: Int
    /// Direct, indirect or mixed.
    public var kind: QuoteKind
    /// The quoted or reported content.
    public var content: TextRange
    /// The whole attribution construct (content plus cue and speaker).
    public var span: TextRange
    /// The cue (verb or phrase), e.g. `said`, `according to`.
    public var cue: String
    /// Where the cue lies.
    public var cueRange: TextRange?
    /// The speaker as written (`he`, `the US readout of the call`), if any.
    public var speakerRange: TextRange?
    /// The speaker's canonical entity name, when resolved.
    public var speaker: String?
    /// The body the speaker speaks for (`White House`), when known.
    public var source: String?
    /// Who reported the statement, for nested attribution (`Reuters`).
    public var reportedBy: String?
    /// How the speaker was found; nil when there is no speaker as written and nothing inherited.
    public var speakerMethod: SpeakerMethod?
    // The resolution chain, step by step, is not kept with every quote of a corpus:
    // `CorpusAnalysis.evidence(of:)` works it out again for the quote explained.

    public init(id: String, doc: Int, kind: QuoteKind, content: TextRange, span: TextRange, cue: String,
                cueRange: TextRange? = nil, speakerRange: TextRange? = nil, speaker: String? = nil,
                source: String? = nil, reportedBy: String? = nil) {
        self.id = id
        self.doc = doc
        self.kind = kind
        self.content = content
        self.span = span
        self.cue = cue
        self.cueRange = cueRange
        self.speakerRange = speakerRange
        self.speaker = speaker
        self.source = source
        self.reportedBy = reportedBy
    }
}

/// An entity: mentions merged across the corpus under one canonical name.
public struct Entity: Hashable, Sendable {
    /// Index in `CorpusAnalysis.entities`.
    public var id: Int
    /// Canonical name (`Joseph Biden`, `United States`, `Kremlin`).
    public var name: String
    /// Its type.
    public var label: EntityLabel
    /// Role from titles and appositions (`White House Press Secretary`), if any.
    public var role: String?
    /// For people, the body their role belongs to (`White House` for a White House press secretary,
    /// `Russia` for the President of Russia): whom they speak for. Canonical name, if known.
    public var body: String? = nil
    /// Surface forms seen, most frequent first.
    public var aliases: [String]
    /// Every mention, in corpus order.
    public var mentions: [MentionRef]
    /// Why it is an entity and why its aliases were merged, step by step.
    public var evidence: [Evidence]

    public init(id: Int, name: String, label: EntityLabel, role: String? = nil, aliases: [String] = [],
                mentions: [MentionRef] = [], evidence: [Evidence] = []) {
        self.id = id
        self.name = name
        self.label = label
        self.role = role
        self.aliases = aliases
        self.mentions = mentions
        self.evidence = evidence
    }
}

/// The analysis of one document.
public struct DocumentAnalysis: Sendable {
    /// The document analysed.
    public var document: Document
    /// Entity mentions in text order.
    public var mentions: [Mention]
    /// For each mention, the id of the entity it was merged into.
    public var mentionEntity: [Int]

    public init(document: Document, mentions: [Mention] = [], mentionEntity: [Int] = []) {
        self.document = document
        self.mentions = mentions
        self.mentionEntity = mentionEntity
    }

    /// Index of the first mention starting at or after byte `offset` (binary search).
    public func mentionIndex(startingAtOrAfter offset: Int) -> Int {
        var lo = 0, hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Indices of the mentions lying inside `range`, in text order.
    public func mentions(in range: TextRange) -> [Int] {
        var out: [Int] = []
        var m = mentionIndex(startingAtOrAfter: range.start)
        while m < mentions.count, mentions[m].range.start < range.end {
            if range.contains(mentions[m].range) { out.append(m) }
            m += 1
        }
        return out
    }
}

/// The analysis of a whole corpus (a session's documents).
public struct CorpusAnalysis: Sendable {
    /// Per-document analyses, in the order given.
    public var documents: [DocumentAnalysis]
    /// Entities merged across documents.
    public var entities: [Entity]
    /// Quotations and reported statements, in document and text order.
    public var quotes: [Quote]
    /// Lower-cased alias or name (leading `the ` dropped) → ids of the entities known by it,
    /// most mentioned first. See `entityIDs(alias:)` and `entity(named:)`.
    public var aliasIndex: [String: [Int]] {
        get { aliasStore.index.dictionary }
        set { aliasStore = AliasIndexStore(AliasIndex(newValue)) }
    }
    /// Holds the alias index, which the analysis may still be building on another core.
    var aliasStore = AliasIndexStore(AliasIndex([:]))

    public init(documents: [DocumentAnalysis] = [], entities: [Entity] = [], quotes: [Quote] = []) {
        self.documents = documents
        self.entities = entities
        self.quotes = quotes
    }
}

/// Alias → ids of the entities known by it, most mentioned first. Most aliases name one entity,
/// so that id is held in the table itself; the lists of the few that name several are apart.
struct AliasIndex: Sendable {
    /// An id (>= 0), or -(k + 1) for `lists[k]`.
    private var slots: [String: Int32] = [:]
    private var lists: [[Int]] = []

    init() {}

    /// The index holding these ids for these keys.
    init(_ dictionary: [String: [Int]]) {
        slots.reserveCapacity(dictionary.count)
        for (k, ids) in dictionary where !ids.isEmpty {
            if ids.count == 1 { slots[k] = Int32(ids[0]) } else { slots[k] = -Int32(lists.count + 1); lists.append(ids) }
        }
    }

    /// Reserves room for about `n` keys.
    mutating func reserve(_ n: Int) { slots.reserveCapacity(n) }

    /// The ids known by `key`, nil when none.
    subscript(key: String) -> [Int]? {
        guard let v = slots[key] else { return nil }
        return v >= 0 ? [Int(v)] : lists[Int(-v - 1)]
    }

    /// Adds `id` to the ids of `key` (at the end) unless it is there.
    mutating func add(_ key: String, _ id: Int) {
        guard let v = slots[key] else { slots[key] = Int32(id); return }
        if v >= 0 {
            if Int(v) != id { slots[key] = -Int32(lists.count + 1); lists.append([Int(v), id]) }
        } else if !lists[Int(-v - 1)].contains(id) {
            lists[Int(-v - 1)].append(id)
        }
    }

    /// Orders each list of several ids with `by`.
    mutating func sortLists(by areInIncreasingOrder: (Int, Int) -> Bool) {
        for k in lists.indices { lists[k].sort(by: areInIncreasingOrder) }
    }

    /// The index as a dictionary.
    var dictionary: [String: [Int]] {
        var d: [String: [Int]] = [:]
        d.reserveCapacity(slots.count)
        for k in slots.keys { d[k] = self[k] }
        return d
    }
}

/// The alias index of an analysis: given, or built on another core from the entities, so the
/// quote step does not wait for it; the first reader waits until it is there.
final class AliasIndexStore: @unchecked Sendable {
    private let ready = DispatchGroup()
    // written once, before `ready` is left; read only after waiting on it
    private var built = AliasIndex()

    /// A store holding `index`.
    init(_ index: AliasIndex) { built = index }

    /// A store that builds the index of `entities` on another thread.
    init(building entities: [Entity]) {
        DispatchQueue.global(qos: .userInitiated).async(group: ready) { [self] in
            built = CorpusAnalysis.aliasIndex(of: entities)
        }
    }

    /// The index (waits for the build).
    var index: AliasIndex {
        ready.wait()
        return built
    }
}
