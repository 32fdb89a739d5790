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

    private var entries: [String: Entry] = [:]

    /// The shipped lexicon, loaded once.
    public static let shared = POSLexicon(tsv: DataFiles.text("pos-lexicon.tsv") ?? "")

    /// Parses `word TAB UPOS TAB share TAB lemma TAB count` lines.
    public init(tsv: String) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count >= 5, let pos = UPOS(rawValue: String(f[1])) else { continue }
            entries[String(f[0])] = Entry(pos: pos, share: Float(f[2]) ?? 1, lemma: String(f[3]), count: Int(f[4]) ?? 0)
        }
    }

    /// The entry for a lower-cased word.
    public func entry(_ lowercased: String) -> Entry? { entries[lowercased] }

    /// Number of words known.
    public var count: Int { entries.count }
}
