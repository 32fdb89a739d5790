/// Direct quotations: free-standing quoted segments and the cue and speaker that attribute them,
/// after (`"…," the White House said.`, `"…," said Mr Smith.`) or before (`Mr Crosby said in a statement: "…"`).
struct DirectQuotes {
    let t: QuoteText
    let np: SpeakerPhrase

    init(_ t: QuoteText) {
        self.t = t
        np = SpeakerPhrase(t: t)
    }

    /// A cue and speaker found for a segment.
    struct Attribution {
        var cue: Range<Int>
        var lemma: String
        var speaker: Range<Int>
        var span: Range<Int>
        var rule: String
    }

    /// The result for one document.
    struct Result {
        var quotes: [RawQuote] = []
        /// Segments quoted inside a sentence (`a "significant strengthening"`): candidates for mixed quotes.
        var embedded: [QuoteSegment] = []
        /// Tokens that belong to a direct quotation's construct.
        var consumed: [Bool]
    }

    func extract(_ segments: [QuoteSegment]) -> Result {
        var out = Result(consumed: [Bool](repeating: false, count: t.count))
        for (i, s) in segments.enumerated() {
            if Cancellation.isRequested { break } // (the caller throws the rest away)
            guard freeStanding(s) else { out.embedded.append(s); continue }
            var q = RawQuote(kind: .direct, content: trimmed(s), span: s.open..<s.after)
            q.continues = s.continues
            let prefersBefore = t.isColon(s.open - 1)
            if let (label, colon) = transcriptLabel(s) {
                // `"PENCE: Well, look, …`: a transcript names its speaker inside the quotation
                q.content = (colon + 1)..<q.content.upperBound
                q.cue = colon..<(colon + 1)
                q.cueLemma = ":"
                q.speaker = label
                q.evidence.append(Evidence(rule: "transcript-label", detail: "‘\(t.text(label)):’ opens the quotation: a transcript's speaker"))
            } else if let a = prefersBefore ? (before(s) ?? after(s)) : (after(s) ?? before(s)) {
                q.cue = a.cue
                q.cueLemma = a.lemma
                q.speaker = a.speaker
                q.span = min(a.span.lowerBound, s.open)..<max(a.span.upperBound, s.after)
                q.evidence.append(Evidence(rule: a.rule, detail: "‘\(t.text(a.cue))’ (\(a.lemma), cue-verbs.txt), speaker ‘\(t.text(a.speaker))’"))
            } else {
                q.needsSpeaker = true
                q.evidence.append(Evidence(rule: s.continues ? "continuation" : "speakerless",
                                           detail: s.continues ? "opens while the quotation before it is still open" : "a free-standing quotation with no cue of its own"))
            }
            if s.close == nil {
                q.evidence.append(Evidence(rule: "unclosed", detail: i + 1 < segments.count && segments[i + 1].continues
                    ? "never closed: the next quotation mark continues it" : "never closed: stops at the paragraph or after \(QuoteMarks.unclosedSentences) sentences"))
            }
            for k in q.span { out.consumed[k] = true }
            out.quotes.append(q)
        }
        return out
    }

    /// A transcript's speaker label at the start of a quotation: one to three words in capitals and
    /// a colon (`"PENCE: …`, `"MR. HOLT: …`). Returns the label and the colon.
    func transcriptLabel(_ s: QuoteSegment) -> (Range<Int>, Int)? {
        let first = s.open + 1
        var c = first
        while c < s.end, c - first < 4, t.tokens[c].kind == .word, t.tokens[c].has(Token.allCaps) { c += 1 }
        guard c > first, c - first <= 3, c + 2 < s.end, t.isColon(c), np.isSpeaker(first..<c) else { return nil }
        return (first..<c, c)
    }

    /// The quoted tokens without a trailing comma or colon.
    func trimmed(_ s: QuoteSegment) -> Range<Int> {
        var e = s.end
        while e > s.open + 2, t.isComma(e - 1) || t.isColon(e - 1) || t.tokens[e - 1].kind == .dash { e -= 1 }
        return (s.open + 1)..<e
    }

    /// A segment stands as a quotation of its own (rather than words quoted inside a sentence) when
    /// it opens a sentence or paragraph, follows a colon, continues a quotation, or follows a cue.
    func freeStanding(_ s: QuoteSegment) -> Bool {
        if s.continues { return true }
        let o = s.open
        if o == 0 || t.tokens[o].has(Token.paragraphStart) || t.sentence(o).tokens.lowerBound == o { return true }
        let p = o - 1
        if t.isColon(p) || t.isTerminal(p) || t.tokens[p].kind == .dash { return true }
        // `As for complexity, "…," said Mr. Kamin`: a short opening phrase with no verb before the quotation
        if t.isComma(p) { return before(s) != nil || (shortOpening(t.sentence(o).tokens.lowerBound..<p) && after(s) != nil) }
        // `… ― Veronica Cruz "As a young …"`: it follows the name that signs the quotation before
        if t.isCap(p) {
            var b = p
            while b > 0, p - b < 5, t.isCap(b) { b -= 1 }
            if t.tokens[b].kind == .dash, b > 0, t.isQuoteMark[b - 1], t.tokens[b - 1].has(Token.closing) { return true }
        }
        if let c = t.cues[p], c.frame.attachesToQuotes, o + 1 < t.count, t.isCap(o + 1) { return true }
        return false
    }

    /// A phrase of at most six words with no verb (`As for complexity`, `In Ohio`).
    func shortOpening(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 6 else { return false }
        return r.allSatisfy { i in
            guard t.tokens[i].kind == .word else { return false }
            guard let p = t.pos(i) else { return true }
            return p != .verb && p != .aux
        }
    }

    /// Cue and speaker after the closing mark: `"…," X said`, `"…," said X`, `"…," according to X`.
    func after(_ s: QuoteSegment) -> Attribution? {
        guard let c = s.close else { return nil }
        // `"It feels like, 'Meh, not now,'" he said`: a single quotation closing inside the double one
        var lastInner = s.end - 1
        while lastInner > s.open + 1, t.tokens[lastInner].kind == .quote, !t.isQuoteMark[lastInner] { lastInner -= 1 }
        var j = c + 1
        let commaOutside = t.isComma(j)
        let innerEnd = lastInner > s.open && (t.isComma(lastInner) || t.tokens[lastInner].kind == .dash
            || t.tokens[lastInner].kind == .ellipsis || (t.isTerminal(lastInner) && t.bytes[t.tokens[lastInner].range.start] != 0x2E))
        let para = t.paragraphTokens(c)
        let dashName = j < para.upperBound && t.tokens[j].kind == .dash
        guard commaOutside || innerEnd || dashName else { return nil }
        if commaOutside { j += 1 }
        guard j < para.upperBound else { return nil }
        // `"…" ― Adriana Rodarte`: a dash and a name after the closing mark
        if !commaOutside, t.tokens[j].kind == .dash, j + 1 < para.upperBound, t.isCap(j + 1) {
            var e = j + 1
            while e < para.upperBound, e - j <= 5, t.isCap(e) || t.tokens[e].kind == .clitic { e += 1 }
            let ends = e == para.upperBound || t.isTerminal(e) || (t.isQuoteMark[e] && t.tokens[e].has(Token.opening)) || t.isComma(e)
            if ends, np.isSpeaker((j + 1)..<e) {
                return Attribution(cue: j..<(j + 1), lemma: "dash", speaker: (j + 1)..<e, span: s.open..<e, rule: "quote-dash-name")
            }
        }
        // inverted: `said Mr Smith`, `according to the US side`
        if let cue = t.cues[j], cue.frame.attachesToQuotes || cue.frame == .according {
            var cueEnd = j + 1
            if cue.frame == .according {
                guard t.isWord(j + 1, "to") else { return nil }
                cueEnd = j + 2
            }
            if let sp = np.phrase(startingAt: cueEnd, limit: para.upperBound) {
                return Attribution(cue: j..<cueEnd, lemma: cue.lemma, speaker: sp, span: s.open..<spanEnd(from: sp.upperBound, para),
                                   rule: "quote-cue-speaker")
            }
            return nil
        }
        // `the White House said`, `White House Press Secretary Jen Psaki said on Tuesday`,
        // `Rep. Jim Jordan (R-Ohio), an oversight panel member, said`
        var k = j
        let limit = min(para.upperBound, j + 44)
        while k < limit, t.tokens[k].kind == .word || t.tokens[k].kind == .clitic || t.tokens[k].kind == .number || t.isComma(k)
                || t.isPunct(k, 0x28) || t.isPunct(k, 0x29) || t.isPunct(k, 0x2D)
                || (t.tokens[k].kind == .dash && !t.tokens[k].has(Token.spaceBefore)) // `(R-Fla.)`
                || (t.isTerminal(k) && (t.isPunct(k + 1, 0x29) || t.isComma(k + 1))) { // `Fla.)`, `R-Ky.,`
            // `"…?" Vitter demanded.`: an object cue with nothing after it speaks the quotation too
            if let cue = t.cues[k], cue.frame.attachesToQuotes || (cue.frame == .object && endsClause(k + 1, para)), k > j,
               !t.lowerIn(SpeakerPhrase.determiners, k - 1) { // `the states` is a noun
                if k - j <= SpeakerPhrase.maxTokens + 4, let sub = np.subject(before: k, floor: j), sub.start >= j {
                    return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: sub.speaker, span: s.open..<spanEnd(from: k + 1, para),
                                       rule: "quote-speaker-cue")
                }
                if let name = np.nameWithApposition(before: k, floor: j), name.lowerBound == j {
                    return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: name, span: s.open..<spanEnd(from: k + 1, para),
                                       rule: "quote-speaker-apposition-cue")
                }
                return nil
            }
            k += 1
        }
        return nil
    }

    /// True when token `i` ends the clause of an attribution: the sentence's terminal, a comma or the paragraph end.
    func endsClause(_ i: Int, _ para: Range<Int>) -> Bool {
        i >= para.upperBound || t.isTerminal(i) || t.isComma(i)
    }

    /// Cue and speaker before the opening mark: `X said: "…"`, `X told the BBC: "…"`, `he said, "…`.
    func before(_ s: QuoteSegment) -> Attribution? {
        let o = s.open
        var p = o - 1
        // a quotation opening a paragraph takes the cue before it only after a colon (`He said:` ¶ `"We …"`)
        guard p >= 0, !t.tokens[o].has(Token.paragraphStart) || t.isColon(p) else { return nil }
        let sentenceStart = t.sentence(p).tokens.lowerBound
        if t.isColon(p) || t.isComma(p) { p -= 1 }
        var k = p
        while k >= sentenceStart, p - k < 8 {
            let tok = t.tokens[k]
            guard tok.kind == .word || tok.kind == .clitic || tok.kind == .number else { return nil }
            if let cue = t.cues[k], cue.frame.attachesToQuotes {
                // `Said Ellis: "…"`: the cue opens the sentence and the speaker follows it
                if k == sentenceStart, t.isColon(o - 1), let sp = np.phrase(startingAt: k + 1, limit: o - 1), sp.upperBound == o - 1 {
                    return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: sp, span: k..<s.after, rule: "cue-speaker-quote")
                }
                // `Mr Houston was quoted in the Herald newspaper saying: "…"`
                if let sp = np.quotedSubject(before: k, floor: sentenceStart) {
                    return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: sp, span: sp.lowerBound..<s.after, rule: "quoted-saying-quote")
                }
                if let sub = np.subject(before: k, floor: sentenceStart) {
                    return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: sub.speaker, span: sub.start..<s.after,
                                       rule: "speaker-cue-quote")
                }
                if let name = np.nameWithApposition(before: k, floor: sentenceStart) ?? np.nameAfterTime(before: k, floor: sentenceStart) {
                    return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: name, span: name.lowerBound..<s.after,
                                       rule: "speaker-apposition-cue-quote")
                }
                guard let sub = participleSubject(k, floor: sentenceStart) else { return nil }
                return Attribution(cue: k..<(k + 1), lemma: cue.lemma, speaker: sub, span: sub.lowerBound..<s.after,
                                   rule: "speaker-participle-quote")
            }
            k -= 1
        }
        return nil
    }

    /// The speaker of a cue that has no subject of its own before a quotation: a participle after a
    /// name (`footage of Hillary Clinton asking, "…"`), or after a comma or `and`, which shares the
    /// sentence's opening name or pronoun (`Dean … poked at Trump, tweeting, "…"`, `I laughed and said, "…"`).
    func participleSubject(_ k: Int, floor: Int) -> Range<Int>? {
        var b = k
        while b > floor, np.isBetween(b - 1) { b -= 1 }
        guard b > floor else { return nil }
        let participle = t.lower(k).hasSuffix("ing")
        if participle, t.isCap(b - 1) {
            var a = b - 1
            while a > floor, b - a < 5, t.isCap(a - 1) { a -= 1 }
            return np.isSpeaker(a..<b) ? a..<b : nil
        }
        guard (participle && t.isComma(b - 1)) || t.isWord(b - 1, "and") else { return nil }
        let s = np.afterLeaders(floor, b)
        guard s < b else { return nil }
        if t.lowerIn(SpeakerPhrase.pronouns, s) { return s..<(s + 1) }
        var e = s
        while e < b, e - s < 6, t.isCap(e) { e += 1 }
        return e > s && np.isSpeaker(s..<e) ? s..<e : nil
    }

    /// The end of an attribution clause starting at `k`: its sentence's terminal (included), a comma
    /// before a new quotation, or the paragraph end.
    func spanEnd(from k: Int, _ para: Range<Int>) -> Int {
        var e = k
        while e < para.upperBound {
            if t.isTerminal(e) { return e + 1 }
            if t.isQuoteMark[e] && t.tokens[e].has(Token.opening) { return t.isComma(e - 1) ? e - 1 : e }
            e += 1
        }
        return e
    }
}
