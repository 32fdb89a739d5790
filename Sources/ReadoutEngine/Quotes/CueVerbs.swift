/// Which attribution constructions a cue can head (see `Data/cue-verbs.txt`).
public enum CueFrame: String, Sendable {
    /// `X said (that) …`, `"…," X said`, `X said: "…"`.
    case speech
    /// Like `speech`, and with a hearer: `X told Y (that) …`.
    case addressee
    /// Only next to a direct quotation: `"…," he continued.`
    case direct
    /// A reporting act: the speaker relays another's statement (nested attribution).
    case report
    /// The phrase `according to X`.
    case according
    /// A stance taken on something named, in reported speech only: `X criticized the plan`,
    /// `X called for new tariffs`, `a poll shows Clinton ahead`; the content is the rest of the clause.
    case object
    /// An internal state, in reported speech only: `X believes (that) …`, `X hopes to …`.
    case belief

    /// Whether the cue can attribute a direct quotation next to it (`"…," X said`, `X said: "…"`).
    public var attachesToQuotes: Bool { self != .according && self != .object && self != .belief }
    /// Whether the quote it heads is an internal state rather than something said.
    public var isInternalState: Bool { self == .belief }
}

/// One cue: a lemma and its frame.
public struct Cue: Hashable, Sendable {
    /// The dictionary form (`say`, `according to`).
    public var lemma: String
    /// The constructions it heads.
    public var frame: CueFrame
}

/// The cue list, loaded once from `Data/cue-verbs.txt`, with a byte-level look-up for the hot path.
public final class CueVerbs: Sendable {
    /// The shipped list: the hand-curated cues, then those derived from PolNeAR's train counts
    /// (`cue-derived.tsv`, `make cues`); a form listed in both keeps its hand-curated cue.
    public static let shared = CueVerbs(lines: DataFiles.lines("cue-verbs.txt") + DataFiles.lines("cue-derived.tsv"))

    /// Every single-word form (lower case) → its cue.
    public let forms: [String: Cue]
    /// The forms' first letters and lengths, to reject most words without hashing.
    private let shapes: WordShapes
    /// `forms` keyed by bytes, for the per-token look-up (no `String` made per word).
    private let table: ByteTable<Cue>

    /// Parses `lemma TAB form|form… TAB frame` lines.
    public init<S: StringProtocol>(lines: [S]) {
        var forms: [String: Cue] = [:]
        var shapes = WordShapes()
        for line in lines {
            let cols = line.split(separator: "\t", maxSplits: 3)
            guard cols.count >= 3, let frame = CueFrame(rawValue: String(cols[2]).trimmingSpaces) else { continue }
            let cue = Cue(lemma: String(cols[0]), frame: frame)
            for f in cols[1].split(separator: "|") {
                let form = String(f).trimmingSpaces
                // multi-word cues are matched by their first word (`according`) and checked by the rules
                let head = form.utf8.contains(0x20) ? form.split(separator: " ").first.map(String.init) ?? form : form
                if forms[head] == nil { forms[head] = cue }
                shapes.insert(head)
            }
        }
        self.forms = forms
        self.shapes = shapes
        var table = ByteTable<Cue>(capacity: forms.count)
        for (form, cue) in forms { table.insert(form, cue) }
        self.table = table
    }

    /// The cue spelled by `bytes[range]` (ASCII letters, any case), if any.
    @inline(__always)
    public func cue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Cue? {
        let n = range.length
        // (no cue word is longer than 16 bytes)
        guard n > 1, n <= 16, shapes.mayContain(first: bytes[range.start], length: n) else { return nil }
        return table.value(lowercasingASCII: UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])).value
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and carriage returns.
    var trimmingSpaces: String {
        // most fields have nothing to trim: no copy then
        guard let first = utf8.first, let last = utf8.last,
              first == 0x20 || first == 0x09 || first == 0x0D || last == 0x20 || last == 0x09 || last == 0x0D else { return self }
        let u = Array(utf8)
        var s = 0, e = u.count
        while s < e, u[s] == 0x20 || u[s] == 0x09 || u[s] == 0x0D { s += 1 }
        while e > s, u[e - 1] == 0x20 || u[e - 1] == 0x09 || u[e - 1] == 0x0D { e -= 1 }
        return String(decoding: u[s..<e], as: UTF8.self)
    }
}
