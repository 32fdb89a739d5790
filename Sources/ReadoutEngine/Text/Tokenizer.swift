/// Splits UTF-8 text into paragraphs, sentences and tokens.
///
/// Works on bytes for speed; every non-ASCII byte sequence is either a known
/// punctuation mark (curly quotes, dashes, ellipsis, currency) or part of a word,
/// so any input, valid UTF-8 or not, yields ranges on scalar boundaries.
public struct Tokenizer: Sendable {
    public init() {}

    /// The result of tokenising one text.
    public struct Output: Sendable {
        public var tokens: [Token] = []
        public var sentences: [Sentence] = []
        public var paragraphs: [Paragraph] = []
    }

    /// Tokenises `bytes`, which should be UTF-8.
    public func tokenize(_ bytes: [UInt8]) -> Output {
        var out = Output()
        out.tokens.reserveCapacity(bytes.count / 5)
        bytes.withUnsafeBufferPointer { buf in
            scanTokens(buf, into: &out.tokens)
            markQuotes(buf, &out.tokens)
            splitSentences(buf, out.tokens, into: &out)
            // flagged once the split is done, so the tokens are not copied for the split to read
            for s in out.sentences { out.tokens[s.tokens.lowerBound].flags |= Token.sentenceStart }
        }
        // a document keeps its tokens: give back what the guess at their number reserved in excess
        let n = out.tokens.count
        if out.tokens.capacity > n + n / 8 + 16 {
            let tokens = out.tokens
            out.tokens = [Token](unsafeUninitializedCapacity: n) { buffer, initialized in
                _ = buffer.initialize(from: tokens)
                initialized = n
            }
        }
        return out
    }

    // MARK: - Character classes

    /// Classification of a punctuation sequence starting at a byte.
    enum Punct { case none, space, newline, quoteDouble, quoteOpenD, quoteCloseD, quoteOpenS, quoteCloseS, dash, ellipsis, symbol, other }

    /// Looks at the (possibly multi-byte) character at `i`; returns its class and byte length.
    @inline(__always)
    static func classify(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Punct, Int) {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case 0x0A, 0x0D: return (.newline, 1)
            case 0x20, 0x09, 0x0B, 0x0C, 0x00: return (.space, 1)
            case 0x22: return (.quoteDouble, 1)
            case 0x24, 0x25, 0x26, 0x2B, 0x3C, 0x3D, 0x3E, 0x40, 0x23, 0x5E, 0x7C, 0x7E, 0x2A: return (.symbol, 1)
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return (.none, 1)
            // two apostrophes stand for a double quotation mark (New York Times style: ''Yes,'' he said)
            case 0x27: return i + 1 < b.count && b[i + 1] == 0x27 ? (.quoteDouble, 2) : (.quoteOpenS, 1) // a lone one is decided later by context
            default:
                return c < 0x20 || c == 0x7F ? (.space, 1) : (.other, 1)
            }
        }
        let n = b.count
        if c == 0xC2, i + 1 < n {
            switch b[i + 1] {
            case 0xA0, 0x85: return (.space, 2)
            case 0xAB: return (.quoteOpenD, 2)
            case 0xBB: return (.quoteCloseD, 2)
            case 0xA3, 0xA5, 0xA2, 0xA7, 0xA9, 0xAE, 0xB0, 0xB1: return (.symbol, 2)
            case 0xA1, 0xBF, 0xB7, 0xB6: return (.other, 2)
            default: return (.none, 2)
            }
        }
        if c == 0xE2, i + 2 < n, b[i + 1] == 0x80 {
            switch b[i + 2] {
            case 0x80...0x8B, 0xA8, 0xA9, 0xAF: return (.space, 3)
            case 0x90, 0x91: return (.none, 3) // hyphens inside words
            case 0x92, 0x93, 0x94, 0x95: return (.dash, 3)
            case 0x98, 0x9B: return (.quoteOpenS, 3)
            case 0x99: return (.quoteCloseS, 3)
            case 0x9C, 0x9F, 0x9E: return (.quoteOpenD, 3)
            case 0x9D: return (.quoteCloseD, 3)
            case 0xA6: return (.ellipsis, 3)
            case 0x8C, 0x8D: return (.space, 3)
            default: return (.other, 3)
            }
        }
        if c == 0xE2, i + 2 < n, b[i + 1] == 0x82 { return (.symbol, 3) } // currency block (€)
        if c == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return (.space, 3) } // BOM
        // Any other lead byte: a letter-like scalar. Take its continuation bytes.
        var len = 1
        while i + len < n, len < 4, b[i + len] & 0xC0 == 0x80 { len += 1 }
        return (.none, len)
    }

    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }

    /// Whether the scalar starting at `i` is an upper-case letter (ASCII fast path).
    static func isUpperAt(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ len: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return isUpper(c) }
        var v: UInt32 = 0
        switch len {
        case 2: v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
        case 3: v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
        case 4: v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
        default: return false
        }
        guard let s = Unicode.Scalar(v) else { return false }
        return s.properties.isUppercase
    }

    // MARK: - Tokens

    private func scanTokens(_ b: UnsafeBufferPointer<UInt8>, into tokens: inout [Token]) {
        let n = b.count
        var i = 0
        var space = true
        var newPara = true
        // a single quotation mark has opened in this paragraph and not closed (`'bosses' and`):
        // an apostrophe after a word in `s` then closes it rather than marking a plural possessive
        var singleOpen = false
        while i < n {
            let (cls, len) = Tokenizer.classify(b, i)
            switch cls {
            case .space:
                space = true; i += len; continue
            case .newline:
                space = true; newPara = true; singleOpen = false; i += len; continue
            default: break
            }
            var flags: UInt8 = space ? Token.spaceBefore : 0
            if newPara { flags |= Token.paragraphStart }
            space = false
            newPara = false
            let start = i
            switch cls {
            case .none:
                let (end, kind, wflags) = scanWord(b, i)
                tokens.append(Token(range: TextRange(start, end), kind: kind, flags: flags | wflags))
                i = end
                // split a possessive/clitic 's or ’s (only ' and the lead byte of ’ can start one)
                if i < n, b[i] == 0x27 || b[i] == 0xE2 {
                    let (c2, l2) = Tokenizer.classify(b, i)
                    if c2 == .quoteCloseS || c2 == .quoteOpenS, i + l2 < n, b[i + l2] | 0x20 == 0x73 {
                        let after = i + l2 + 1
                        if after >= n || !isWordContinuation(b, after) {
                            tokens.append(Token(range: TextRange(i, after), kind: .clitic))
                            i = after
                        }
                    } else if !singleOpen, isPluralPossessive(b, wordEnd: i, mark: c2, length: l2) {
                        // `the Employers' Federation`, `workers’ rights`: the apostrophe belongs to the word
                        tokens.append(Token(range: TextRange(i, i + l2), kind: .clitic))
                        i += l2
                    }
                }
            case .quoteDouble, .quoteOpenD, .quoteCloseD, .quoteOpenS, .quoteCloseS:
                if cls == .quoteOpenS || cls == .quoteCloseS {
                    // opening: `‘`, or `'` after a space and before a word; anything else closes
                    let opens = cls == .quoteOpenS && (len == 3 || (flags & Token.spaceBefore != 0 || flags & Token.paragraphStart != 0)
                                                        && start + len < n && isWordContinuation(b, start + len))
                    singleOpen = opens
                }
                var f = flags
                if cls == .quoteOpenD { f |= Token.opening }
                if cls == .quoteCloseD {
                    // `”Mr. Trump embodies …”` opening a paragraph: a closing mark typed where an opening
                    // one belongs (after a space or at a paragraph start, and before a word)
                    let before = flags & Token.spaceBefore != 0 || flags & Token.paragraphStart != 0
                    f |= before && len == 3 && start + len < n && isWordContinuation(b, start + len) ? Token.opening : Token.closing
                }
                if cls == .quoteOpenS, len == 3 { f |= Token.opening }
                tokens.append(Token(range: TextRange(start, start + len), kind: .quote, flags: f))
                i += len
            case .dash:
                tokens.append(Token(range: TextRange(start, start + len), kind: .dash, flags: flags))
                i += len
            case .ellipsis:
                tokens.append(Token(range: TextRange(start, start + len), kind: .ellipsis, flags: flags))
                i += len
            case .symbol:
                tokens.append(Token(range: TextRange(start, start + len), kind: .symbol, flags: flags))
                i += len
            default: // .other ASCII punctuation
                let c = b[i]
                if c == 0x2E, i + 2 < n, b[i + 1] == 0x2E, b[i + 2] == 0x2E {
                    var e = i + 3
                    while e < n, b[e] == 0x2E, e - start < Token.maxLength { e += 1 }
                    tokens.append(Token(range: TextRange(start, e), kind: .ellipsis, flags: flags))
                    i = e
                } else if c == 0x2D {
                    var e = i + 1
                    while e < n, b[e] == 0x2D, e - start < Token.maxLength { e += 1 }
                    tokens.append(Token(range: TextRange(start, e), kind: .dash, flags: flags))
                    i = e
                } else if c == 0x2E || c == 0x21 || c == 0x3F {
                    var e = i + 1
                    while e < n, b[e] == 0x21 || b[e] == 0x3F, e - start < Token.maxLength { e += 1 }
                    tokens.append(Token(range: TextRange(start, e), kind: .terminal, flags: flags))
                    i = e
                } else {
                    tokens.append(Token(range: TextRange(start, start + len), kind: .punct, flags: flags))
                    i += len
                }
            }
        }
    }

    /// True when the byte at `i` continues a word (a letter, digit or non-ASCII letter).
    @inline(__always)
    private func isWordContinuation(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let (c, _) = Tokenizer.classify(b, i)
        return c == .none
    }

    /// Whether the single mark (`'` or `’`, `length` bytes) at `wordEnd`, just after a word, is the
    /// apostrophe of a plural possessive: the word ends in `s` and a space and another word follow
    /// (`the Employers' Federation`), not the end of a quoted word (`'bosses'.`).
    private func isPluralPossessive(_ b: UnsafeBufferPointer<UInt8>, wordEnd: Int, mark: Punct, length: Int) -> Bool {
        guard mark == .quoteCloseS || (mark == .quoteOpenS && length == 1), wordEnd > 0, b[wordEnd - 1] | 0x20 == 0x73 else { return false }
        let after = wordEnd + length
        return after + 1 < b.count && b[after] == 0x20 && isWordContinuation(b, after + 1)
    }

    /// Scans a word or number from `i`; returns its end, kind and case flags.
    private func scanWord(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) -> (Int, TokenKind, UInt8) {
        let n = b.count
        var i = start
        var letters = 0, uppers = 0, digits = 0
        var firstUpper = false
        var internalPeriods = 0
        var lastSegmentLen = 0
        // a token holds at most `Token.maxLength` bytes: a longer run goes on as the next token
        // (a step takes at most a few bytes, and a trailing period one more)
        let stop = min(n, start + Token.maxLength - 16)
        while i < stop {
            // ASCII letters and digits, most of any text, without the general classifier
            let a = b[i]
            if a &- 0x61 < 26 || a &- 0x41 < 26 {
                letters += 1
                if a &- 0x41 < 26 {
                    uppers += 1
                    if i == start { firstUpper = true }
                }
                i += 1
                lastSegmentLen += 1
                continue
            }
            if a &- 0x30 < 10 {
                digits += 1
                i += 1
                lastSegmentLen += 1
                continue
            }
            // white space never joins: most words end here, with no need to classify what follows
            if a == 0x20 || a == 0x0A || a == 0x0D || a == 0x09 { break }
            let (cls, len) = Tokenizer.classify(b, i)
            if cls == .none {
                let c = b[i]
                if Tokenizer.isDigit(c) { digits += 1 } else {
                    letters += 1
                    let up = Tokenizer.isUpperAt(b, i, len)
                    if up { uppers += 1 }
                    if i == start { firstUpper = up }
                }
                i += len
                lastSegmentLen += 1
                continue
            }
            // internal joiners: apostrophe, hyphen, period, comma in numbers
            guard i + len < n else { break }
            let next = b[i + len]
            let (ncls, _) = Tokenizer.classify(b, i + len)
            let nextIsWordChar = ncls == .none
            if (cls == .quoteCloseS || cls == .quoteOpenS) && nextIsWordChar {
                // don't / O'Brien; but not 's (clitic handled by caller)
                if next | 0x20 == 0x73 {
                    let after = i + len + 1
                    if after >= n || !isWordContinuation(b, after) { break }
                }
                if letters == 0 { break }
                i += len; lastSegmentLen = 0; continue
            }
            if cls == .other {
                let c = b[i]
                if c == 0x2D && nextIsWordChar && (letters + digits) > 0 { i += 1; lastSegmentLen = 0; continue } // build-up
                if (c == 0x2C || c == 0x2E || c == 0x3A) && digits > 0 && letters == 0 && Tokenizer.isDigit(next) {
                    i += 1; continue // 1,400  3.5  10:30
                }
                if c == 0x2E && lastSegmentLen == 1 && letters > 0 && digits == 0 && Tokenizer.isASCIILetter(next)
                    && i + 2 < n && (b[i + 2] == 0x2E) {
                    // U.S.  U.K.  e.g.  (single letters joined by periods)
                    internalPeriods += 1
                    i += 1; lastSegmentLen = 0; continue
                }
            }
            break
        }
        var flags: UInt8 = 0
        let kind: TokenKind = letters == 0 && digits > 0 ? .number : .word
        if firstUpper { flags |= Token.capitalized }
        if uppers >= 2 && uppers == letters { flags |= Token.allCaps }
        // A trailing period that belongs to the word: initialisms, initials, known abbreviations.
        if i < n, b[i] == 0x2E, kind == .word, !(i + 2 < n && b[i + 1] == 0x2E && b[i + 2] == 0x2E) {
            if internalPeriods > 0 && lastSegmentLen == 1 {
                return (i + 1, kind, flags | Token.abbreviation | (uppers > 0 ? Token.allCaps : 0))
            }
            if letters == 1 && uppers == 1 {
                return (i + 1, kind, flags | Token.abbreviation) // initial: George W. Bush
            }
            if i - start <= 5 {
                let w = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self).fastLowercased()
                if Abbreviations.words.contains(w) { return (i + 1, kind, flags | Token.abbreviation) }
            }
        }
        return (i, kind, flags)
    }

    // MARK: - Quote marks

    /// Decides, for straight and ambiguous marks, whether each opens or closes.
    private func markQuotes(_ b: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token]) {
        for k in tokens.indices where tokens[k].kind == .quote {
            let t = tokens[k]
            if t.has(Token.opening) || t.has(Token.closing) { continue }
            let spaceBefore = t.has(Token.spaceBefore) || t.has(Token.paragraphStart)
            let nextAdjacent = k + 1 < tokens.count && !tokens[k + 1].has(Token.spaceBefore)
                && !tokens[k + 1].has(Token.paragraphStart)
            let nextIsWordish = nextAdjacent && (tokens[k + 1].kind == .word || tokens[k + 1].kind == .number
                || tokens[k + 1].kind == .ellipsis || tokens[k + 1].kind == .symbol || tokens[k + 1].kind == .quote)
            if spaceBefore && nextIsWordish {
                tokens[k].flags |= Token.opening
            } else if !spaceBefore {
                tokens[k].flags |= Token.closing
            } else if nextAdjacent {
                tokens[k].flags |= Token.opening
            }
        }
    }

    // MARK: - Sentences

    /// Fills `out`'s sentences and paragraphs from `tokens` (the tokens are not changed).
    private func splitSentences(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], into out: inout Output) {
        let n = tokens.count
        var sentStart = 0
        var paraIndex = -1
        var paraTokStart = 0
        var paraSentStart = 0

        func closeSentence(_ end: Int, _ out: inout Output) {
            guard end > sentStart else { return }
            let r = TextRange(tokens[sentStart].range.start, tokens[end - 1].range.end)
            out.sentences.append(Sentence(range: r, tokens: sentStart..<end, paragraph: max(paraIndex, 0)))
            sentStart = end
        }
        func closeParagraph(_ end: Int, _ out: inout Output) {
            guard paraIndex >= 0, end > paraTokStart else { return }
            let r = TextRange(tokens[paraTokStart].range.start, tokens[end - 1].range.end)
            out.paragraphs.append(Paragraph(range: r, sentences: paraSentStart..<out.sentences.count, tokens: paraTokStart..<end))
        }

        var k = 0
        while k < n {
            let t = tokens[k]
            if t.has(Token.paragraphStart) {
                closeSentence(k, &out)
                closeParagraph(k, &out)
                paraIndex += 1
                paraTokStart = k
                paraSentStart = out.sentences.count
            }
            var ends = false
            if t.kind == .terminal || (t.kind == .ellipsis && k + 1 < n && tokens[k + 1].isCapitalized
                && tokens[k + 1].has(Token.spaceBefore)) {
                ends = true
            } else if t.kind == .word && t.has(Token.abbreviation) && k + 1 < n {
                // `... the U.S. The talks ...`: an initialism before a capitalised opener ends a sentence.
                let nx = tokens[k + 1]
                if nx.has(Token.spaceBefore) && nx.isCapitalized && t.has(Token.allCaps)
                    && SentenceOpeners.contains(b, nx.range) {
                    ends = true
                }
            }
            if ends {
                // absorb closing quotes and brackets that follow without a space
                var e = k + 1
                while e < n, !tokens[e].has(Token.paragraphStart),
                      (tokens[e].kind == .quote && !tokens[e].has(Token.opening)) || isCloser(b, tokens[e]) {
                    e += 1
                }
                // only end if what follows looks like a new sentence
                if e >= n || tokens[e].has(Token.paragraphStart) || startsSentence(b, tokens, e) {
                    closeSentence(e, &out)
                    k = e
                    continue
                }
            }
            k += 1
        }
        closeSentence(n, &out)
        closeParagraph(n, &out)
    }

    private func isCloser(_ b: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .punct, t.range.length == 1 else { return false }
        let c = b[t.range.start]
        return c == 0x29 || c == 0x5D
    }

    /// Whether token `k` can open a sentence: capitalised, a digit, an opening quote or bracket.
    private func startsSentence(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ k: Int) -> Bool {
        let t = tokens[k]
        if !t.has(Token.spaceBefore) { return false }
        switch t.kind {
        case .word: return t.has(Token.capitalized) || !Tokenizer.isASCIILetter(b[t.range.start])
        case .number, .quote, .symbol, .dash, .ellipsis: return true
        case .punct: return b[t.range.start] == 0x28 || b[t.range.start] == 0x5B
        default: return false
        }
    }
}

/// Capitalised words that commonly open sentences, used after sentence-final initialisms.
enum SentenceOpeners {
    static let words: WordSet = [
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This",
        "That", "These", "Those", "There", "His", "Her", "Their", "Its", "Our", "Mr", "Mrs", "Ms", "Some",
        "Many", "Most", "If", "When", "While", "After", "Before", "However", "Meanwhile", "Also", "As",
    ]
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ r: TextRange) -> Bool {
        words.contains(String(decoding: UnsafeBufferPointer(rebasing: b[r.start..<r.end]), as: UTF8.self))
    }
}
