/// Universal part-of-speech tags, as spaCy names them.
public enum UPOS: String, Sendable, CaseIterable {
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

    /// What the per-token rules ask of a word: its likeliest tag and that tag's share.
    struct Tag: Sendable {
        var pos: UPOS
        var share: Float
    }

    /// One word as stored: the lemma is a byte range of the file, made a `String` only when asked
    /// for (the quote rules never ask; only topics do), so loading makes no string per line.
    private struct Record: Sendable {
        var tag: Tag
        var count: Int32
        var lemmaStart: UInt32
        var lemmaEnd: UInt32
    }

    /// Words → records; the key storage (the file's bytes, or the image's) also holds the lemmas.
    private let records: ByteTable<Record>

    /// The shipped lexicon, loaded once: from the compiled lists when they are current, else
    /// from the text file.
    public static let shared = CompiledLists.shipped?.pos ?? POSLexicon(tsv: DataFiles.bytes("pos-lexicon.tsv") ?? [])

    /// Parses `word TAB UPOS TAB share TAB lemma TAB count` lines.
    public init(tsv: String) {
        self.init(tsv: Array(tsv.utf8))
    }

    /// Parses the lexicon from bytes: words and lemmas stay ranges of `tsv` (no `String` per line).
    /// A word listed twice keeps its last line.
    public init(tsv: [UInt8]) {
        var table = ByteTable<Record>(keyStorage: tsv, capacity: DataFiles.lineCount(tsv))
        var tags = ByteTable<UPOS>(capacity: 32)
        for t in UPOS.allCases { tags.insert(t.rawValue, t) }
        tsv.withUnsafeBufferPointer { whole in
            guard let base = whole.baseAddress else { return }
            DataFiles.forEachRecord(tsv) { f in
                guard f.count >= 5, let pos = tags.value(f[1]) else { return }
                let word = f[0].baseAddress! - base, lemma = f[3].baseAddress! - base
                let record = Record(tag: Tag(pos: pos, share: POSLexicon.decimal(f[2])), count: Int32(clamping: POSLexicon.integer(f[4])),
                                    lemmaStart: UInt32(lemma), lemmaEnd: UInt32(lemma + f[3].count))
                table.upsertStored(word, word + f[0].count, hash: ByteTable<Record>.hash(f[0]), record)
            }
        }
        records = table
    }

    /// Writes the lexicon to a list image: the table's keys, then each field of the records as a column.
    func write(to w: inout ListImage.Writer) {
        records.writeKeys(to: &w)
        let r = records.values
        w.array(r.map { UInt8(UPOS.allCases.firstIndex(of: $0.tag.pos)!) })
        w.array(r.map { $0.tag.share.bitPattern })
        w.array(r.map(\.count))
        w.array(r.map(\.lemmaStart))
        w.array(r.map(\.lemmaEnd))
    }

    /// The lexicon written by `write(to:)`.
    init(image r: inout ListImage.Reader) throws {
        let table = try ByteTable<Record>(image: &r) { n, r in
            let pos = try r.array(of: UInt8.self), share = try r.array(of: UInt32.self), count = try r.array(of: Int32.self)
            let lemmaStart = try r.array(of: UInt32.self), lemmaEnd = try r.array(of: UInt32.self)
            guard pos.count == n, share.count == n, count.count == n, lemmaStart.count == n, lemmaEnd.count == n else {
                throw ListImage.Malformed()
            }
            let tags = UPOS.allCases
            return try (0..<n).map { i in
                guard Int(pos[i]) < tags.count, lemmaStart[i] <= lemmaEnd[i] else { throw ListImage.Malformed() }
                return Record(tag: Tag(pos: tags[Int(pos[i])], share: Float(bitPattern: share[i])), count: count[i],
                              lemmaStart: lemmaStart[i], lemmaEnd: lemmaEnd[i])
            }
        }
        let stored = table.storedByteCount
        guard table.values.allSatisfy({ Int($0.lemmaEnd) <= stored }) else { throw ListImage.Malformed() }
        records = table
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
    public func entry(_ lowercased: String) -> Entry? {
        guard let r = records[lowercased] else { return nil }
        let lemma = records.storedString(Int(r.lemmaStart), Int(r.lemmaEnd))
        return Entry(pos: r.tag.pos, share: r.tag.share, lemma: lemma, count: Int(r.count))
    }

    /// The tag of a lower-cased word.
    func tag(_ lowercased: String) -> Tag? { records[lowercased]?.tag }

    /// The tag of a word given as bytes in any case: ASCII words are lower-cased on bytes and
    /// looked up with no `String` made; others go through `tag(_:)`.
    func tag(lowering word: UnsafeBufferPointer<UInt8>) -> Tag? {
        let found = records.value(lowercasingASCII: word)
        return found.ascii ? found.value?.tag : tag(String(decoding: word, as: UTF8.self).fastLowercased())
    }

    /// Number of words known.
    public var count: Int { records.count }
}
