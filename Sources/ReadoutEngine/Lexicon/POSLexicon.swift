/// Universal part-of-speech tags, as spaCy names them.
public enum UPOS: String, Sendable {
    case noun = "NOUN", propn = "PROPN", adj = "ADJ", verb = "VERB", aux = "AUX", adv = "ADV", adp = "ADP",
         det = "DET", pron = "PRON", cconj = "CCONJ", sconj = "SCONJ", part = "PART", num = "NUM",
         intj = "INTJ", sym = "SYM", x = "X", punct = "PUNCT"
}

/// The most likely part of speech and lemma of common English words.
///
/// Derived from the reference tagger's output on a news corpus by
/// `scripts/derive-pos-lexicon.py`; shipped as `Data/pos-lexicon.tsv`.
public struct POSLexicon: Sendable {
    /// One word's entry.
    public struct Entry: Sendable {
        public var pos: UPOS
        /// Share of that tag among the word's occurrences (0–1).
        public var share: Float
        public var lemma: String
        public var count: Int
    }

    private var entries = ByteTable<Entry>()

    /// The shipped lexicon, loaded once.
    public static let shared = POSLexicon(tsv: DataFiles.bytes("pos-lexicon.tsv") ?? [])

    /// Parses `word TAB UPOS TAB share TAB lemma TAB count` lines.
    public init(tsv: String) {
        self.init(tsv: Array(tsv.utf8))
    }

    /// Parses the lexicon from bytes (no per-line `String` work beyond the word and lemma).
    public init(tsv: [UInt8]) {
        entries = ByteTable(capacity: tsv.count / 24)
        DataFiles.forEachRecord(tsv) { f in
            guard f.count >= 5, let pos = UPOS(rawValue: String(decoding: f[1], as: UTF8.self)) else { return }
            let word = String(decoding: f[0], as: UTF8.self)
            let lemma = f[3].elementsEqual(f[0]) ? word : String(decoding: f[3], as: UTF8.self)
            entries.update(f[0], default: Entry(pos: pos, share: 0, lemma: lemma, count: 0)) {
                $0 = Entry(pos: pos, share: POSLexicon.decimal(f[2]), lemma: lemma, count: POSLexicon.integer(f[4]))
            }
        }
    }

    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var v = 0
        for c in b where c >= 0x30 && c <= 0x39 { v = v * 10 + Int(c - 0x30) }
        return v
    }

    /// Parses "0.85"-style shares.
    static func decimal(_ b: UnsafeBufferPointer<UInt8>) -> Float {
        var whole = 0, frac = 0, scale = 1, seenDot = false
        for c in b {
            if c == 0x2E { seenDot = true; continue }
            guard c >= 0x30 && c <= 0x39 else { continue }
            if seenDot { frac = frac * 10 + Int(c - 0x30); scale *= 10 } else { whole = whole * 10 + Int(c - 0x30) }
        }
        return Float(whole) + Float(frac) / Float(scale)
    }

    /// The entry for a lower-cased word.
    public func entry(_ lowercased: String) -> Entry? { entries[lowercased] }

    /// The entry for a word given as bytes in any case: ASCII words are lower-cased on bytes and
    /// looked up with no `String` made; others go through `entry(_:)`.
    func entry(lowering word: UnsafeBufferPointer<UInt8>) -> Entry? {
        let found = entries.value(lowercasingASCII: word)
        return found.ascii ? found.value : entry(String(decoding: word, as: UTF8.self).fastLowercased())
    }

    /// Number of words known.
    public var count: Int { entries.count }
}
