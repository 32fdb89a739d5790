/// One document seen by the quote rules: tokens, sentence bounds, cue and quote-mark facts,
/// with byte-level word tests so the scan allocates no strings except at candidate constructs.
struct QuoteText {
    let doc: Document
    let tokens: [Token]
    let bytes: [UInt8]
    /// For every token, the index of its sentence.
    let sentenceOf: [Int32]
    /// The cue each token spells, if any (multi-word cues on their first word).
    let cues: [Cue?]
    /// Whether each token is a double quotation mark (straight, curly, guillemet, or two apostrophes).
    let isQuoteMark: [Bool]
    /// One past the headline's last token: the first paragraph of a document with more than one
    /// (`Clinton Hid Health Problems, Former Doctor Says`); 0 when none.
    let titleEnd: Int

    /// Capitalised cue forms a title-case headline attributes with.
    static let headlineCues: WordSet = ["says", "said", "warns", "claims", "tells", "urges", "admits", "insists",
                                        "denies", "vows", "argues", "predicts"]

    init(_ doc: Document, cueVerbs: CueVerbs = .shared) {
        self.doc = doc
        tokens = doc.tokens
        bytes = doc.bytes
        var sOf = [Int32](repeating: 0, count: doc.tokens.count)
        for (si, s) in doc.sentences.enumerated() {
            for i in s.tokens { sOf[i] = Int32(si) }
        }
        sentenceOf = sOf
        var cues = [Cue?](repeating: nil, count: doc.tokens.count)
        var marks = [Bool](repeating: false, count: doc.tokens.count)
        let paragraphs = doc.paragraphs
        let title = paragraphs.count > 1 ? paragraphs[0].tokens : 0..<0
        doc.bytes.withUnsafeBufferPointer { b in
            for (i, t) in doc.tokens.enumerated() {
                switch t.kind {
                case .word:
                    // cues are lower case, or capitalised at a sentence start (`According to`, `Said`) or
                    // in a title-case headline (`…, Lindsey Graham Says`)
                    if b[t.range.start] >= 0x61 || t.has(Token.sentenceStart) || i == 0 || doc.tokens[i - 1].kind == .quote
                        || title.contains(i) && QuoteText.headlineCues.contains(lowercasing: UnsafeBufferPointer(rebasing: b[t.range.start..<t.range.end])) {
                        cues[i] = cueVerbs.cue(b, t.range)
                    }
                case .quote:
                    let c = b[t.range.start]
                    if c == 0x22 || (c == 0x27 && t.range.length == 2) {
                        marks[i] = true // `"`, or `''` standing for it
                    } else if c == 0xE2, t.range.length == 3 {
                        let x = b[t.range.start + 2]
                        marks[i] = x == 0x9C || x == 0x9D || x == 0x9E || x == 0x9F
                    } else if c == 0xC2, t.range.length == 2 {
                        marks[i] = true // « »
                    }
                default: break
                }
            }
        }
        titleEnd = title.upperBound
        self.cues = cues
        isQuoteMark = marks
    }

    var count: Int { tokens.count }

    /// The sentence holding token `i`.
    @inline(__always) func sentence(_ i: Int) -> Sentence { doc.sentences[Int(sentenceOf[i])] }

    /// True when token `i` is the word `w` (lower-case ASCII), in any case.
    @inline(__always) func isWord(_ i: Int, _ w: StaticString) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let r = tokens[i].range
        guard r.length == w.utf8CodeUnitCount else { return false }
        let p = w.utf8Start
        for k in 0..<r.length {
            var c = bytes[r.start + k]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != p[k] { return false }
        }
        return true
    }

    /// True when token `i` is the one-byte punctuation `c`.
    @inline(__always) func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        let t = tokens[i]
        return t.kind == .punct && t.range.length == 1 && bytes[t.range.start] == c
    }

    @inline(__always) func isComma(_ i: Int) -> Bool { isPunct(i, 0x2C) }
    @inline(__always) func isColon(_ i: Int) -> Bool { isPunct(i, 0x3A) }
    @inline(__always) func isTerminal(_ i: Int) -> Bool { i >= 0 && i < tokens.count && tokens[i].kind == .terminal }

    /// True when token `i`, lower-cased, is in `set` (no string is made).
    @inline(__always) func lowerIn(_ set: WordSet, _ i: Int) -> Bool {
        let r = tokens[i].range
        return bytes.withUnsafeBufferPointer { set.contains(lowercasing: UnsafeBufferPointer(rebasing: $0[r.start..<r.end])) }
    }

    /// The lower-cased text of token `i`.
    func lower(_ i: Int) -> String {
        let t = tokens[i]
        let s = String(decoding: bytes[t.range.start..<t.range.end], as: UTF8.self)
        return t.flags & (Token.capitalized | Token.allCaps) == 0 ? s : s.fastLowercased()
    }

    /// The text of token `i`.
    func word(_ i: Int) -> String { doc.string(tokens[i].range) }

    /// True for a word whose first letter is upper case (or an all-capitals word).
    @inline(__always) func isCap(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.kind == .word && t.flags & (Token.capitalized | Token.allCaps) != 0
    }

    /// The most likely part of speech of token `i` (lower-cased), from the POS lexicon.
    func pos(_ i: Int) -> UPOS? { tag(i)?.pos }

    /// The POS lexicon's tag of token `i` (lower-cased): most likely part of speech and its share.
    func tag(_ i: Int) -> POSLexicon.Tag? {
        guard tokens[i].kind == .word else { return nil }
        let r = tokens[i].range
        return bytes.withUnsafeBufferPointer { POSLexicon.shared.tag(lowering: UnsafeBufferPointer(rebasing: $0[r.start..<r.end])) }
    }

    /// The byte range of tokens `r` (empty at the first token's start when `r` is empty).
    func range(_ r: Range<Int>) -> TextRange {
        guard !r.isEmpty else { return TextRange(tokens[min(r.lowerBound, tokens.count - 1)].range.start, tokens[min(r.lowerBound, tokens.count - 1)].range.start) }
        return TextRange(tokens[r.lowerBound].range.start, tokens[r.upperBound - 1].range.end)
    }

    /// The text of tokens `r`, spaced as in the document.
    func text(_ r: Range<Int>) -> String { r.isEmpty ? "" : doc.string(range(r)) }

    /// The token range of the sentence holding token `i`.
    func sentenceTokens(_ i: Int) -> Range<Int> { sentence(i).tokens }

    /// The paragraph token range holding token `i`.
    func paragraphTokens(_ i: Int) -> Range<Int> { doc.paragraphs[sentence(i).paragraph].tokens }
}
