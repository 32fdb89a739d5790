/// Token texts and position facts for one document, computed once for the entity rules.
struct TokenText {
    let doc: Document
    let tokens: [Token]
    /// The text of every token (short strings, stored inline).
    let words: [String]
    /// The lower-cased text of every token (the same string for tokens already in lower case).
    let lowered: [String]
    /// What the word lists say about every token (one dictionary lookup per token, or two when capitalised).
    let info: [WordInfo]
    /// Byte-shape facts of every token (`TokenText.hyphen`, `.period`, `.digitFirst`).
    let shape: [UInt8]
    /// The token holds a hyphen-minus.
    static let hyphen: UInt8 = 1
    /// The token holds a period.
    static let period: UInt8 = 2
    /// The token starts with an ASCII digit.
    static let digitFirst: UInt8 = 4
    /// For every token, the end (exclusive) of the sentence holding it.
    let sentenceEnd: [Int]
    /// For every token, the start of the sentence holding it.
    let sentenceStart: [Int]

    init(_ doc: Document) {
        self.doc = doc
        tokens = doc.tokens
        let bytes = doc.bytes
        var words: [String] = []
        words.reserveCapacity(tokens.count)
        let lex = Lexicon.shared
        var lowered: [String] = []
        var info: [WordInfo] = []
        lowered.reserveCapacity(tokens.count)
        info.reserveCapacity(tokens.count)
        var shape = [UInt8](repeating: 0, count: tokens.count)
        // capitalised ASCII words are lower-cased here on bytes (as `fastLowercased` does), so the
        // lower-case string and its list look-up come from one buffer
        let lowerCapacity = 64
        bytes.withUnsafeBufferPointer { b in
            lex.wordInfoFirstBytes.withUnsafeBufferPointer { keyFirst in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: lowerCapacity) { low in
                    for (i, tok) in doc.tokens.enumerated() {
                        let word = UnsafeBufferPointer(rebasing: b[tok.range.start..<tok.range.end])
                        var sh: UInt8 = 0
                        if let f = word.first, f &- 0x30 < 10 { sh |= TokenText.digitFirst }
                        for c in word where c == 0x2D || c == 0x2E { sh |= c == 0x2D ? TokenText.hyphen : TokenText.period }
                        shape[i] = sh
                        let w = String(decoding: word, as: UTF8.self)
                        words.append(w)
                        // (no look-up for a token whose first byte starts no key: punctuation, mostly)
                        var f = word.isEmpty || keyFirst[Int(word[0])] ? lex.wordInfo.value(word) ?? WordInfo() : WordInfo()
                        guard tok.flags & (Token.capitalized | Token.allCaps) != 0 else {
                            lowered.append(w)
                            info.append(f)
                            continue
                        }
                        let l: WordInfo?
                        if word.count <= lowerCapacity, asciiLowercase(word, into: low.baseAddress!) {
                            let lowerBytes = UnsafeBufferPointer(start: low.baseAddress!, count: word.count)
                            lowered.append(String(decoding: lowerBytes, as: UTF8.self))
                            l = keyFirst[Int(lowerBytes[0])] ? lex.wordInfo.value(lowerBytes) : nil
                        } else {
                            let lw = w.fastLowercased()
                            lowered.append(lw)
                            l = lex.wordInfo[lw]
                        }
                        if let l {
                            f.opensDate = l.opensDate
                            f.isNumberWord = l.isNumberWord
                            f.isCardinalWord = l.isCardinalWord
                            f.isOrdinalWord = l.isOrdinalWord
                            f.opensTime = l.opensTime
                            f.isRelative = l.isRelative
                            f.isDateUnit = l.isDateUnit
                            f.isDateName = f.isDateName || l.isDateName
                        }
                        info.append(f)
                    }
                }
            }
        }
        self.words = words
        self.shape = shape
        self.lowered = lowered
        self.info = info
        var ends = [Int](repeating: tokens.count, count: tokens.count)
        var starts = [Int](repeating: 0, count: tokens.count)
        for s in doc.sentences {
            for i in s.tokens { ends[i] = s.tokens.upperBound; starts[i] = s.tokens.lowerBound }
        }
        sentenceEnd = ends
        sentenceStart = starts
    }

    var count: Int { tokens.count }

    /// Whether a number, money, percent, date or time rule can start at token `i`: a number or
    /// symbol, a word with a digit first or a hyphen, a word the lists mark (number, count,
    /// ordinal, date or time word), or `US` (`US$`). Every such rule rejects any other token at
    /// once, so the scan skips them for the rest of the tokens.
    @inline(__always) func mayStartValue(_ i: Int) -> Bool {
        let tok = tokens[i]
        switch tok.kind {
        case .number, .symbol: return true
        case .word:
            let f = info[i]
            return shape[i] & (TokenText.digitFirst | TokenText.hyphen) != 0
                || f.opensDate || f.isDateName || f.isNumberWord || f.isCardinalWord || f.isOrdinalWord || f.opensTime
                || (tok.range.length == 2 && words[i] == "US")
        default: return false
        }
    }

    /// True when token `i`, exactly as written, is a unit of time (`DateRules.units.contains(words[i])`):
    /// the lists' flag, which for capitalised words comes from the lower-cased form, so not those.
    @inline(__always) func isUnitWord(_ i: Int) -> Bool {
        info[i].isDateUnit && tokens[i].flags & (Token.capitalized | Token.allCaps) == 0
    }

    /// True for a word token whose first letter is upper case, or an all-capitals word.
    @inline(__always) func isCap(_ i: Int) -> Bool {
        let t = tokens[i]
        return t.kind == .word && (t.flags & (Token.capitalized | Token.allCaps)) != 0
    }

    /// True when token `i` stands where any word is capitalised: sentence or paragraph start,
    /// or just after an opening quote, a dash, a colon or an opening bracket.
    func isInitial(_ i: Int) -> Bool {
        if i == sentenceStart[i] || tokens[i].has(Token.paragraphStart) { return true }
        let p = tokens[i - 1]
        switch p.kind {
        case .quote: return p.has(Token.opening) || i - 1 == sentenceStart[i]
        case .dash: return true
        case .punct:
            let w = words[i - 1]
            return w == ":" || w == "(" || w == "[" || w == ";"
        default: return false
        }
    }

    /// The lower-cased text of token `i` (cheap for tokens already in lower case).
    @inline(__always) func lower(_ i: Int) -> String { lowered[i] }

    /// Token `i`'s text without periods (`W.` → `W`, `U.S.` → `US`).
    func bare(_ i: Int) -> String {
        let w = words[i]
        return shape[i] & TokenText.period != 0 ? String(w.filter { $0 != "." }) : w
    }

    /// The text of tokens `r`, spaced as in the document.
    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return doc.string(TextRange(tokens[r.lowerBound].range.start, tokens[r.upperBound - 1].range.end))
    }

    /// The byte range of tokens `r`.
    func range(_ r: Range<Int>) -> TextRange {
        TextRange(tokens[r.lowerBound].range.start, tokens[r.upperBound - 1].range.end)
    }

    /// Calls `body` with the lookup key of tokens `r` as bytes (see `Lexicon.withKey`).
    func withKeyBytes<R>(_ r: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Lexicon.withKey(doc.bytes, tokens, r, body)
    }

    /// The lookup key of tokens `r` (see `Lexicon.key`).
    func key(_ r: Range<Int>) -> String {
        if r.count == 1 { return words[r.lowerBound] }
        return Lexicon.key(doc.bytes, tokens, r)
    }
}
