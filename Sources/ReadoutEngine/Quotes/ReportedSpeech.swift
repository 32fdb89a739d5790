/// Reported speech in sentences outside direct quotations:
/// `X said (that) …`, `X told Y (that) …`, `…, X said.`, `…, according to X.`, `According to X, …`;
/// nested attribution (`The Kremlin said …, Reuters reported.`) and mixed quotes (a quoted phrase inside).
struct ReportedSpeech {
    let t: QuoteText
    let np: SpeakerPhrase
    /// Tokens inside a quotation mark pair quoted within a sentence.
    let quoted: [Bool]
    /// The embedded quoted segments, for mixed quotes, in text order.
    let embedded: [QuoteSegment]
    let lists: QuoteLists

    init(_ t: QuoteText, embedded: [QuoteSegment], lists: QuoteLists = .shared) {
        self.t = t
        np = SpeakerPhrase(t: t)
        // in text order, so `mixed` finds a segment by binary search (a long document has thousands)
        self.embedded = zip(embedded, embedded.dropFirst()).allSatisfy({ $0.open <= $1.open })
            ? embedded : embedded.sorted { $0.open < $1.open }
        self.lists = lists
        var q = [Bool](repeating: false, count: t.count)
        for s in embedded { for k in s.open..<s.after { q[k] = true } }
        quoted = q
    }

    static let passive: WordSet = ["is", "was", "were", "are", "be", "been", "being", "get", "got", "gets", "to"]
    /// Words that open a time clause after a cue (`said after meeting …`, `said while visiting …`).
    static let timeOpeners: Set<String> = ["after", "before", "while", "when", "since"]
    /// Nouns of figures a firm posts (`posted mixed results`, `posted a loss`): no statement.
    static let figures: WordSet = ["results", "result", "profit", "profits", "loss", "losses", "sales", "revenue", "revenues",
                                   "earnings", "figures", "growth", "gains", "gain", "rise", "fall", "increase", "decline",
                                   "deficit", "surplus", "turnover", "income"]
    /// Auxiliaries of a progressive cue (`was saying`).
    static let progressive: WordSet = ["is", "was", "are", "were", "been", "be", "am"]
    static let objectPronouns: WordSet = ["him", "her", "them", "us", "me", "you", "reporters", "journalists",
                                              "mps", "parliament", "delegates", "listeners", "viewers", "lawmakers"]

    /// Reported statements of every sentence none of whose tokens is `consumed` by a direct quotation.
    func extract(consumed: [Bool], direct: [RawQuote] = []) -> [RawQuote] {
        var out = participles(after: direct)
        for s in t.doc.sentences {
            if Cancellation.isRequested { break } // (the caller throws the rest away)
            let r = s.tokens
            guard r.count >= 5, !r.contains(where: { consumed[$0] }) else { continue }
            var end = r.upperBound
            while end > r.lowerBound, t.isTerminal(end - 1) || (t.isQuoteMark[end - 1] && !quoted[end - 1]) { end -= 1 }
            guard end - r.lowerBound >= 4 else { continue }
            if var q = labelled(r.lowerBound, end, spanEnd: r.upperBound) ?? trailing(r.lowerBound, end, spanEnd: r.upperBound)
                ?? leading(r.lowerBound, end, spanEnd: r.upperBound) {
                out.append(q)
                // the sentence's further attributions, each after the one before it
                var more = 0
                while more < 4, q.reporter == nil, q.content.upperBound < end, q.content.upperBound > q.content.lowerBound,
                      let next = leading(q.content.upperBound, end, spanEnd: r.upperBound)
                        ?? coordinated(after: q, at: q.content.upperBound, end: end, spanEnd: r.upperBound),
                      next.content.lowerBound > q.content.lowerBound {
                    out.append(next)
                    q = next
                    more += 1
                }
            }
        }
        return out
    }

    // MARK: - A participle after a quotation's attribution

    /// `"…," the mayor said, adding that it would take more hours`: a participle cue after the
    /// attribution of a direct quotation reports more from the same speaker.
    func participles(after direct: [RawQuote]) -> [RawQuote] {
        var out: [RawQuote] = []
        for q in direct {
            guard let cue = q.cue, let speaker = q.speaker, cue.upperBound < q.span.upperBound else { continue }
            // the attribution's sentence runs on past a phrase quoted inside it
            // (`adding that it would take "more hours" before details emerge`), up to a quotation of its own
            var end = q.span.upperBound
            let sentenceEnd = t.sentenceTokens(cue.lowerBound).upperBound
            while end < sentenceEnd, !(t.isQuoteMark[end] && !quoted[end]) { end += 1 }
            let spanEnd = end
            while end > cue.upperBound, t.isTerminal(end - 1) || (t.isQuoteMark[end - 1] && t.isTerminal(end - 2)) { end -= 1 }
            var k = cue.upperBound + 1
            while k < end - 2 {
                defer { k += 1 }
                if t.isQuoteMark[k] && !quoted[k] { break } // a second quotation: its own attribution
                guard t.isComma(k - 1), let c = t.cues[k], !quoted[k], c.frame != .direct, c.frame != .according,
                      t.lower(k).hasSuffix("ing"), let from = complement(after: k, cue: c, end: end) else { continue }
                let content = from..<end
                guard content.count >= 2 else { continue }
                var n = RawQuote(kind: .indirect, content: content, span: k..<max(q.span.upperBound, spanEnd),
                                 cue: k..<(k + 1), cueLemma: c.lemma, speaker: speaker)
                n.evidence.append(Evidence(rule: "participle-after-quote", detail: "‘\(t.word(k))’ (\(c.lemma)) goes on from the quotation's attribution: speaker ‘\(t.text(speaker))’"))
                markMixed(&n)
                out.append(n)
                break
            }
        }
        return out
    }

    // MARK: - A name and a colon

    /// Labels that open a paragraph with a colon but name no speaker (`Update: …`, `Photo: …`).
    static let notSpeakerLabels: WordSet = ["note", "update", "updated", "editor", "editors", "photo", "photos", "video",
                                            "related", "watch", "read", "source", "sources", "correction", "disclaimer",
                                            "q", "a", "question", "answer", "breaking", "exclusive", "analysis", "opinion",
                                            "live", "warning", "transcript", "listen", "see", "also", "more", "tags"]

    /// A headline or transcript line that opens with a name and a colon: `Sanders: Clinton needs to …`,
    /// `WALLACE: But, Governor, …`. The name is one to four capitalised words at the paragraph's start.
    func labelled(_ start: Int, _ end: Int, spanEnd: Int) -> RawQuote? {
        guard t.tokens[start].has(Token.paragraphStart) || start == 0 else { return nil }
        var c = start
        while c < end, c - start < 5, t.isCap(c) { c += 1 }
        guard c > start, c - start <= 4, t.isColon(c), end - (c + 1) >= 3,
              !t.lowerIn(ReportedSpeech.notSpeakerLabels, start), np.isSpeaker(start..<c) else { return nil }
        var q = RawQuote(kind: .indirect, content: (c + 1)..<end, span: start..<spanEnd, cue: c..<(c + 1), cueLemma: ":", speaker: start..<c)
        q.evidence.append(Evidence(rule: "name-colon", detail: "‘\(t.text(start..<c)):’ opens the paragraph: a headline or transcript speaker"))
        markMixed(&q)
        return q
    }

    // MARK: - Trailing attribution

    /// `…, X said.` / `…, said X.` / `…, according to X.`
    func trailing(_ start: Int, _ end: Int, spanEnd: Int) -> RawQuote? {
        var tries = 0
        var c = end - 1
        while c > start, tries < 8 {
            defer { c -= 1 }
            guard t.isComma(c) else { continue }
            // `The country "has made dramatic changes for the better," McConnell said`: the comma
            // before a closing mark ends the statement too
            let closes = c + 1 < end && t.isQuoteMark[c + 1] && t.tokens[c + 1].has(Token.closing)
            guard !quoted[c] || closes else { continue }
            tries += 1
            var found = tail(c + (closes ? 2 : 1), end)
            var content = start..<c
            // `Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt`: the attribution stands
            // between two commas, and the statement is the whole sentence around it
            if found == nil, c + 2 < end, let c2 = ((c + 2)..<min(end, c + SpeakerPhrase.maxTokens + 5)).first(where: { t.isComma($0) && !quoted[$0] }),
               c2 + 3 <= end, let f = tail(c + 1, c2), hasVerb((c2 + 1)..<end),
               f.2 != "clause-cue-speaker" || t.isCap(f.1.lowerBound) { // `, said the new system …,` is no aside
                found = (f.0, f.1, "clause-parenthetical")
                content = start..<end
            }
            guard let (cue, speaker, rule) = found else { continue }
            let lemma = t.cues[cue.lowerBound]!.lemma
            guard content.count >= 4, hasVerb(content) else { continue }
            var q = RawQuote(kind: .indirect, content: content, span: start..<spanEnd, cue: cue, cueLemma: lemma, speaker: speaker)
            q.evidence.append(Evidence(rule: rule, detail: "‘\(t.text(cue))’ (\(lemma), cue-verbs.txt) after the clause, speaker ‘\(t.text(speaker))’"))
            if rule == "clause-parenthetical" { markMixed(&q); return q }
            // nested: `The Kremlin said …, the Reuters news outlet reported.`
            if isReporting(cueLemma: lemma, speaker), let inner = leading(start, c, spanEnd: c), relays(inner) {
                q.reporter = speaker
                q.speaker = inner.speaker
                q.content = inner.content
                q.cue = inner.cue
                q.cueLemma = inner.cueLemma
                q.evidence = inner.evidence + [Evidence(rule: "nested", detail: "reported by ‘\(t.text(speaker))’ (‘\(t.text(cue))’): a news outlet relays the statement")]
            }
            markMixed(&q)
            return q
        }
        return nil
    }

    /// The attribution after a comma, running to `end`: returns cue, speaker and rule.
    func tail(_ a: Int, _ end: Int) -> (Range<Int>, Range<Int>, String)? {
        guard a < end else { return nil }
        if let cue = t.cues[a] {
            // `…, explaining Syria's alleged involvement`: a participle after the comma goes on with its
            // object; only a finite cue turns round (`…, said Brian Baker`)
            if cue.frame != .according, t.lower(a).hasSuffix("ing") { return nil }
            let cueEnd = cue.frame == .according ? a + 2 : a + 1
            if cue.frame == .according && !t.isWord(a + 1, "to") { return nil }
            guard cue.frame != .direct, cue.frame != .object, let sp = np.phrase(startingAt: cueEnd, limit: end) else { return nil }
            // `…, said Brian Baker, a longtime adviser to the family.`; `…, according to a poll released last week.`
            let appositionToEnd = t.isComma(sp.upperBound) && sp.upperBound + 1 < end
                && !((sp.upperBound + 1)..<end).contains(where: { t.cues[$0] != nil || isVerb($0) && !t.lower($0).hasSuffix("ed") })
            guard sp.upperBound == end || appositionToEnd || cue.frame == .according else { return nil }
            return (a..<cueEnd, sp, cue.frame == .according ? "clause-according-to" : "clause-cue-speaker")
        }
        var k = a + 1
        while k < end, k - a <= SpeakerPhrase.maxTokens + 3 {
            if let cue = t.cues[k], !quoted[k] {
                // `…, the paper quoted Mr Chernin as saying`: the one quoted speaks
                if let q = np.quotedAsSaying(at: k, limit: end), q.after == end || (q.after + 1 == end && t.isTerminal(q.after)),
                   let sub = np.subject(before: k, floor: a), sub.start >= a, leadersOnly(a..<sub.start) {
                    return (k..<(k + 1), q.speaker, "clause-quoted-as-saying")
                }
                // the attribution is the whole clause after the comma: `…, Mr X said`, not `…, a day after X announced`
                guard cue.frame != .according, cue.frame != .direct, cue.frame != .object,
                      let sub = np.subject(before: k, floor: a), sub.start >= a, leadersOnly(a..<sub.start) else { return nil }
                // `…, their first public appearance since announcing their engagement`: a participle has
                // no subject of its own (`…, the minister was saying` has one)
                if t.lower(k).hasSuffix("ing"), !(k > 0 && t.lowerIn(ReportedSpeech.progressive, k - 1)) { return nil }
                // `…, it was claimed in court`: a passive names no speaker
                if t.lower(k).hasSuffix("ed"), (sub.speaker.upperBound..<k).contains(where: { t.lowerIn(ReportedSpeech.passive, $0) }) { return nil }
                // only circumstances after the cue: `told reporters at the White House`, `said in a statement`,
                // up to a participle that goes on (`said in June, citing the release of …`)
                var restEnd = k + 1
                while restEnd < end, !(t.isComma(restEnd) && restEnd + 1 < end && t.lower(restEnd + 1).hasSuffix("ing") && t.cues[restEnd + 1] != nil) {
                    restEnd += 1
                }
                let rest = (k + 1)..<restEnd
                // `…, the Tory leader said after mockingly welcoming the chancellor back`: a time clause
                // of a participle is a circumstance of any length
                let timeClause = rest.count > 1 && ReportedSpeech.timeOpeners.contains(t.lower(rest.lowerBound))
                    && ((rest.lowerBound + 1)...min(rest.lowerBound + 2, rest.upperBound - 1)).contains(where: { t.lower($0).hasSuffix("ing") && isVerb($0) })
                    && !rest.contains(where: { t.isWord($0, "that") || t.isComma($0) })
                guard timeClause || rest.count <= 8, timeClause || !rest.contains(where: { t.isWord($0, "that") || t.isComma($0) || isVerb($0) }) else { return nil }
                return (k..<(k + 1), sub.speaker, "clause-speaker-cue")
            }
            k += 1
        }
        return nil
    }

    /// Whether an attribution inside a relayed one is a statement of its own (`said`, `told`), not
    /// an act or a state the relayed clause describes (`North Korea had displayed …`).
    func relays(_ inner: RawQuote) -> Bool {
        guard let k = inner.cue?.lowerBound, let c = t.cues[k] else { return false }
        return c.frame == .speech || c.frame == .addressee || c.frame == .report
    }

    /// Whether the attribution relays another's statement: a reporting cue or a news outlet.
    func isReporting(cueLemma: String, _ speaker: Range<Int>) -> Bool {
        if lists.reportingCues.contains(cueLemma) { return true }
        return speaker.contains { lists.newsWords.contains(t.lower($0)) }
    }

    // MARK: - Leading attribution

    /// `[intro,] X cue [hearer] [circumstance] (that) CLAUSE` and `According to X, CLAUSE`.
    func leading(_ start: Int, _ end: Int, spanEnd: Int) -> RawQuote? {
        if t.isWord(start, "according"), t.isWord(start + 1, "to"),
           let sp = np.phrase(startingAt: start + 2, limit: end), t.isComma(sp.upperBound), sp.upperBound + 4 <= end {
            let content = (sp.upperBound + 1)..<end
            guard content.count >= 4 || hasVerb(content) else { return nil }
            var q = RawQuote(kind: .indirect, content: content, span: start..<spanEnd, cue: start..<(start + 2), cueLemma: "according to", speaker: sp)
            q.evidence.append(Evidence(rule: "according-to-clause", detail: "‘According to’ (cue-verbs.txt) before the clause, speaker ‘\(t.text(sp))’"))
            markMixed(&q)
            return q
        }
        var k = start + 1
        while k < end - 2 {
            defer { k += 1 }
            guard let cue = t.cues[k], !quoted[k], cue.frame != .according, cue.frame != .direct else { continue }
            // a headline or caption (no closing punctuation) states a stance in the newsroom's words
            if cue.frame == .object || cue.frame == .belief, case let last = t.sentenceTokens(k).upperBound - 1,
               !t.isTerminal(last), !(t.tokens[last].kind == .quote && t.isTerminal(last - 1)) { continue }
            // `was told`, `is said`: passive; but `is saying` is the speaker at work
            // (an infinitive is no attribution, unless after `continues to`, `appeared to`)
            if t.tokens[k - 1].kind == .word, t.lowerIn(ReportedSpeech.passive, k - 1), !t.lower(k).hasSuffix("ing"),
               !(t.isWord(k - 1, "to") && np.isBetween(k - 1)) { continue }
            // `It is not known whether …`, `it was widely expected`: the same with a negation or an
            // adverb between (the passive's `it` stands for no one)
            if k >= 2, t.tokens[k - 2].kind == .word, t.lowerIn(ReportedSpeech.passive, k - 2), !t.lower(k).hasSuffix("ing"),
               t.isWord(k - 1, "not") || t.lower(k - 1).hasSuffix("ly") { continue }
            // `Mr Houston was quoted in the Herald newspaper saying …`: the one quoted speaks
            if let sp = np.quotedSubject(before: k, floor: start), let from = complement(after: k, cue: cue, end: end) {
                var q = RawQuote(kind: .indirect, content: from..<end, span: sp.lowerBound..<spanEnd, cue: k..<(k + 1), cueLemma: cue.lemma, speaker: sp)
                q.evidence.append(Evidence(rule: "quoted-saying", detail: "‘\(t.text(sp))’ was quoted ‘saying’"))
                markMixed(&q)
                return q
            }
            guard let sub = np.subject(before: k, floor: start).map({ (speaker: $0.speaker, start: $0.start, shared: false) })
                    ?? relativeSubject(before: k, floor: start)
                    ?? np.nameWithApposition(before: k, floor: start).map({ (speaker: $0, start: $0.lowerBound, shared: false) })
                    ?? sharedSubject(before: k, start: start) else { continue }
            guard sub.start == start || t.isComma(sub.start - 1) || t.isColon(sub.start - 1) || leadersOnly(start..<sub.start)
                    || t.tokens[sub.start - 1].kind == .dash || t.isPunct(sub.start - 1, 0x29) // after a dateline: `(UPI) — Bill Clinton said`
                    || (t.isQuoteMark[sub.start - 1] && t.isComma(sub.start - 2)) // `On "Fox News Sunday," Mike Pence said`
                    || t.isWord(sub.start, "who") || t.isWord(sub.start, "which") || t.isWord(sub.start, "whom") || sub.shared
                    || (t.tokens[sub.start - 1].kind == .word && t.lowerIn(ReportedSpeech.clauseOpeners, sub.start - 1)) else { continue }
            // `Any investor accepting the compensation will have to …`: an act's participle right after
            // its noun (no comma, no auxiliary) describes the noun; `investors expecting a deal`,
            // `Ryan saying he was encouraged` and `…, pressing the case that …` still attribute
            if !sub.shared, cue.frame == .object, t.lower(k).hasSuffix("ing"), !t.isComma(k - 1),
               !((sub.speaker.upperBound..<k).contains { t.lowerIn(ReportedSpeech.progressive, $0) || t.isComma($0) }) { continue }
            // `US retailers posted mixed results`: figures posted are no statement
            if cue.lemma == "post", ((k + 1)..<min(end, k + 5)).contains(where: { t.lowerIn(ReportedSpeech.figures, $0) }) { continue }
            // `pleaded guilty to fraud`: a plea is a legal act, reported as such, not a statement
            if cue.lemma == "plead", t.isWord(k + 1, "guilty") || (t.isWord(k + 1, "not") && t.isWord(k + 2, "guilty")) { continue }
            // `The Financial Times quoted an insider as saying that …`: the one quoted speaks; the paper reports
            // (with nothing after `saying`, the attribution closes a clause before it: see `tail`)
            if let qa = np.quotedAsSaying(at: k, limit: end) {
                let from = t.isWord(qa.after, "that") ? qa.after + 1 : qa.after
                guard from < end, !(from + 1 == end && t.isTerminal(from)) else { continue }
                var q = RawQuote(kind: .indirect, content: from..<end, span: sub.start..<spanEnd, cue: k..<(k + 1), cueLemma: cue.lemma, speaker: qa.speaker)
                q.reporter = sub.speaker
                q.evidence.append(Evidence(rule: "quoted-as-saying", detail: "‘\(t.text(qa.speaker))’ quoted by ‘\(t.text(sub.speaker))’"))
                markMixed(&q)
                return q
            }
            guard let from = complement(after: k, cue: cue, end: end) else { continue }
            // `Cosla, which provided the figures, warned that …`: the relative clause is an aside; the
            // cue after its closing comma is the attribution
            if t.isWord(sub.start, "who") || t.isWord(sub.start, "which"), mainCueAfterRelative(from, end: end) { continue }
            // another attribution later in the sentence ends this one's content:
            // `Republicans said …, and Democrats accused the GOP of …`, `… called Trump a liar, who said …`
            let content = from..<(nextAttribution(after: from, end: end, cue: k) ?? end)
            guard holdsContent(content, of: cue) else { continue }
            var q = RawQuote(kind: .indirect, content: content, span: sub.start..<spanEnd, cue: k..<(k + 1), cueLemma: cue.lemma, speaker: sub.speaker)
            q.evidence.append(Evidence(rule: "speaker-cue-clause", detail: "‘\(t.word(k))’ (\(cue.lemma), cue-verbs.txt) with subject ‘\(t.text(sub.speaker))’"))
            if isReporting(cueLemma: cue.lemma, sub.speaker), let inner = leading(from, end, spanEnd: end), relays(inner) {
                q.reporter = sub.speaker
                q.speaker = inner.speaker
                q.content = inner.content
                q.cue = inner.cue
                q.cueLemma = inner.cueLemma
                q.evidence = inner.evidence + [Evidence(rule: "nested", detail: "reported by ‘\(t.text(sub.speaker))’ (‘\(t.word(k))’)")]
            }
            markMixed(&q)
            return q
        }
        return nil
    }

    /// Where the reported clause starts after cue token `k`: past a hearer (`told Putin`), a
    /// circumstance (`in a separate statement`) and `that`. Nil when no clause follows.
    func complement(after k: Int, cue: Cue, end: Int) -> Int? {
        var j = k + 1
        guard j < end, t.tokens[j].kind == .word || t.tokens[j].kind == .number || (t.isQuoteMark[j] && quoted[j]) else { return nil }
        switch cue.frame {
        case .object:
            // `appear unhappy at …`: a state, not a stance; `appeared to suggest`, `appears that` are
            if cue.lemma == "appear" || cue.lemma == "seem", !t.isWord(j, "to"), !t.isWord(j, "that") { return nil }
            // `called for new tariffs`, `pointed to the deficit`, `railed against the deal`: the particle belongs to the cue
            if let ps = ReportedSpeech.particles[cue.lemma], ps.contains(where: { t.isWord(j, $0) }) { j += 1 }
            if t.isWord(j, "that") { j += 1 }
            guard j < end, t.tokens[j].kind == .word || t.tokens[j].kind == .number || (t.isQuoteMark[j] && quoted[j]) else { return nil }
            // a circumstance, not content: `spoke in Brighton`, `was criticized by`
            if let p = t.pos(j), p == .adp || p == .part, !t.isWord(j, "about") { return nil }
            return j
        case .belief:
            // `hopes to win`, `expects that …`
            if t.isWord(j, "to") { return j }
        case .speech, .addressee:
            // a promise or refusal is its infinitive: `pledged to push for an amendment`
            if t.isWord(j, "to"), ReportedSpeech.commissives.contains(cue.lemma) { return j }
        default: break
        }
        if t.isWord(j, "by") || t.isWord(j, "to") || t.isWord(j, "of") || t.isWord(j, "about") || t.isWord(j, "for") { return nil }
        if cue.frame == .addressee, !t.isWord(j, "that") { j = hearer(j, end) }
        guard j < end else { return nil } // the hearer ran to the end: no clause follows (found by fuzzing)
        if t.isWord(j, "that") { return j + 1 }
        // `said in a separate statement that`, `said on Friday that`
        var m = j
        while m < end, m - j < 8, t.tokens[m].kind == .word || t.tokens[m].kind == .number || t.tokens[m].kind == .clitic {
            if t.isWord(m, "that") { return m > j && !(j..<m).contains(where: { isVerb($0) }) ? m + 1 : j }
            m += 1
        }
        if let p = t.pos(j), p == .adp || p == .part || p == .adv && !t.isCap(j) { return nil }
        // a clause opens with its subject: `the first minister's comments came in …` reports nothing
        if isVerb(j), !t.lower(j).hasSuffix("ing") { return nil }
        return j
    }

    /// The end of a hearer phrase starting at `j`: `Putin`, `reporters`, `the Russian leader`, `GMTV's Sunday programme`.
    func hearer(_ j: Int, _ end: Int) -> Int {
        guard j < end, t.tokens[j].kind == .word else { return j }
        let w = t.lower(j)
        if ReportedSpeech.objectPronouns.contains(w) { return j + 1 }
        var e = j
        if t.isCap(j) && !SpeakerPhrase.determiners.contains(w) {
            while e < end, t.isCap(e) || t.tokens[e].kind == .clitic { e += 1 }
            return e
        }
        guard SpeakerPhrase.determiners.contains(w) else { return j }
        e = j + 1
        while e < end, e - j < 6, t.tokens[e].kind == .word || t.tokens[e].kind == .clitic {
            let x = t.lower(e)
            if SpeakerPhrase.determiners.contains(x) || SpeakerPhrase.pronouns.contains(x) || x == "that" || isVerb(e) { break }
            e += 1
        }
        return e
    }

    /// The cue at or just after `s` (past adverbs and auxiliaries) that shares the subject of the
    /// attribution before the comma or coordinator at `b`: `… and said …`, `…, but has said …`,
    /// `…, citing …`, `… while noting …`, `calling it … and asserting …` (after a bare comma only a
    /// participle; after `and` or `but` one only when the cue before, `cue`, is one too: in `by coating
    /// the pills and adding codes` the participle coordinates with another that reports nothing).
    func sharedCue(_ b: Int, _ s: Int, end: Int, after cue: Int) -> (Int, Cue, Int)? {
        guard let found = clauseCue(at: s, end: end) else { return nil }
        let participle = t.lower(found.0).hasSuffix("ing")
        if t.isComma(b) && s == b + 1 { return participle ? found : nil }
        return !participle || t.isWord(s - 1, "while") || t.lower(cue).hasSuffix("ing") ? found : nil
    }

    /// Whether a cue heading a clause of its own follows the first comma after `from`: the main verb
    /// after a relative clause (`…, which provided the figures, warned that …`).
    func mainCueAfterRelative(_ from: Int, end: Int) -> Bool {
        guard let c = (from..<end).first(where: { t.isComma($0) && !quoted[$0] }),
              let (v, _, _) = clauseCue(at: c + 1, end: end) else { return false }
        return !t.lower(v).hasSuffix("ing")
    }

    /// The cue at `s` or past up to three adverbs and auxiliaries after it, with the start of the
    /// clause it reports: cue token, cue and content start. Nil when no cue heads a clause there.
    func clauseCue(at s: Int, end: Int) -> (Int, Cue, Int)? {
        var v = s
        while v < end, v - s < 3, np.isBetween(v) { v += 1 }
        guard v < end, let c = t.cues[v], !quoted[v], c.frame != .direct, c.frame != .according,
              let from = complement(after: v, cue: c, end: end) else { return nil }
        return (v, c, from)
    }

    /// Whether `content` can be what `cue` reports: a noun phrase of two tokens for a cue taking an
    /// object, otherwise a clause of three tokens or more holding a verb.
    func holdsContent(_ content: Range<Int>, of cue: Cue) -> Bool {
        let takesObject = cue.frame == .object || ReportedSpeech.speechObjects.contains(cue.lemma)
        return content.count >= (takesObject ? 2 : 3) && (takesObject || hasVerb(content))
    }

    /// `He claimed vast wealth and said it kept him independent`: a second cue after a coordinator
    /// (or a participle after a comma) reports more from the speaker of the attribution before it.
    func coordinated(after q: RawQuote, at b: Int, end: Int, spanEnd: Int) -> RawQuote? {
        guard let speaker = q.speaker, b < end, !quoted[b], t.isComma(b) || isCoordinator(b) else { return nil }
        let s = t.isComma(b) && isCoordinator(b + 1) ? b + 2 : b + 1
        guard let (v, c, from) = sharedCue(b, s, end: end, after: q.cue?.lowerBound ?? b) else { return nil }
        let content = from..<(nextAttribution(after: from, end: end, cue: v) ?? end)
        guard holdsContent(content, of: c) else { return nil }
        var n = RawQuote(kind: .indirect, content: content, span: b..<spanEnd, cue: v..<(v + 1), cueLemma: c.lemma, speaker: speaker)
        n.evidence.append(Evidence(rule: "shared-subject", detail: "‘\(t.word(v))’ (\(c.lemma)) after ‘\(t.word(b))’ shares the speaker before it: ‘\(t.text(speaker))’"))
        markMixed(&n)
        return n
    }

    /// Where a second attribution of the sentence begins after `from`: the comma or coordinator
    /// (`, and`, `but`, `while`) before a subject and its cue, or before a cue sharing the subject.
    /// Nil when none follows. `cue` is the cue of the attribution whose content starts at `from`.
    func nextAttribution(after from: Int, end: Int, cue: Int) -> Int? {
        var b = from + 2
        while b < end - 2 {
            defer { b += 1 }
            guard !quoted[b], t.isComma(b) || isCoordinator(b) else { continue }
            var s = b + 1
            if t.isComma(b), isCoordinator(s) { s += 1 }
            if sharedCue(b, s, end: end, after: cue) != nil { return b }
            var k = s + 1
            while k < end, k - s <= SpeakerPhrase.maxTokens + 3 {
                if let c = t.cues[k], !quoted[k], c.frame != .direct, c.frame != .according {
                    let sub = np.subject(before: k, floor: s).map { $0.start }
                    let relative = relativeSubject(before: k, floor: from).map { $0.start >= s } ?? false
                    if sub == s || relative, complement(after: k, cue: c, end: end) != nil { return b }
                    break
                }
                if t.isComma(k) && !t.isWord(s, "who") { break }
                k += 1
            }
        }
        return nil
    }

    /// A word that joins a second clause: `and`, `but`, `while`, `though`, `although`, `whereas`.
    func isCoordinator(_ i: Int) -> Bool {
        t.isWord(i, "and") || t.isWord(i, "but") || t.isWord(i, "while") || t.isWord(i, "though") || t.isWord(i, "although")
            || t.isWord(i, "whereas")
    }

    /// Speech cues whose object states what was said as a noun phrase (`denied the allegations`,
    /// `stressed her support for the raid`, `announced a review`).
    static let speechObjects: Set<String> = ["confirm", "deny", "stress", "emphasise", "acknowledge", "predict",
                                             "reveal", "concede", "declare", "allege", "disclose", "reiterate", "lament",
                                             "bemoan", "suggest", "estimate", "forecast", "promise", "pledge", "vow", "recall"]

    /// Cues whose content may be an infinitive (`pledged to …`, `agreed to …`).
    static let commissives: Set<String> = ["pledge", "promise", "vow", "agree", "offer", "threaten", "swear", "decline",
                                           "refuse", "plan", "intend", "seek", "aim", "demand"]

    /// Particles that belong to an object cue: `called for`, `pointed to`, `railed against`.
    static let particles: [String: [StaticString]] = [
        "call": ["for", "on"], "point": ["to", "out"], "refer": ["to"], "rail": ["against"], "lash": ["out"],
        "push": ["for"], "press": ["for"], "plead": ["for"], "cite": ["as"], "blame": ["for"], "criticize": ["for"],
        "praise": ["for"], "accuse": ["of"]]

    /// Words after which a new clause, and so a new subject, may start mid-sentence (`…, but Obama said …`).
    static let clauseOpeners: WordSet = ["but", "and", "though", "although", "while", "because", "as", "since", "when",
                                         "after", "before", "if", "so", "yet", "whereas", "where", "once", "until", "unless"]

    /// `Trump, who says he is honored`: the speaker of a cue after `who` is the name before it.
    func relativeSubject(before k: Int, floor: Int) -> (speaker: Range<Int>, start: Int, shared: Bool)? {
        var w = k - 1
        while w > floor, np.isBetween(w) { w -= 1 }
        guard w > floor, t.isWord(w, "who") || t.isWord(w, "which") || (t.isWord(w, "whom") && t.isWord(w - 1, "of")) else { return nil }
        // `many of whom say`: the name before `many of`
        // the name may stand in the clause before (`…, many of whom say`): search from the sentence start
        let base = t.sentenceTokens(w).lowerBound
        var r = w
        if t.isWord(w, "whom") { r = w - 1; while r > base, r > w - 4, !t.isComma(r - 1) { r -= 1 } }
        let end = t.isComma(r - 1) ? r - 1 : r
        guard end > base else { return nil }
        // `The party thanked Ann Kelly, who …`: the name is the capitalised words just before
        var s = end
        while s > base, end - s < SpeakerPhrase.maxTokens, t.isCap(s - 1) || t.tokens[s - 1].kind == .clitic { s -= 1 }
        if s < end, t.isCap(s), np.isSpeaker(s..<end) { return (s..<end, w, false) }
        if let name = np.phrase(endingAt: end, floor: base) { return (name, w, false) }
        return nil
    }

    /// `Trump is telling veterans that … and says he will …`: a cue after `and` (or a participle after
    /// a comma: `…, adding that …`) shares the subject that opens the sentence.
    func sharedSubject(before k: Int, start: Int) -> (speaker: Range<Int>, start: Int, shared: Bool)? {
        var w = k - 1
        while w > start, np.isBetween(w) { w -= 1 }
        guard w > start, t.isWord(w, "and") || (t.isComma(w) && t.lower(k).hasSuffix("ing")) else { return nil }
        let s = np.afterLeaders(start, w)
        // the subject runs to the sentence's first verb
        var v = s
        while v < w, v - s <= SpeakerPhrase.maxTokens, !isVerb(v), !np.isBoundary(v) { v += 1 }
        guard v > s, v < w, isVerb(v), np.isSpeaker(s..<v) else { return nil }
        return (s..<v, s, true)
    }

    func leadersOnly(_ r: Range<Int>) -> Bool {
        np.afterLeaders(r.lowerBound, r.upperBound) == r.upperBound
    }

    /// A lower-case verb or auxiliary (by the POS lexicon).
    func isVerb(_ i: Int) -> Bool {
        guard t.tokens[i].kind == .word, !t.isCap(i) || t.tokens[i].has(Token.sentenceStart) else { return false }
        guard let p = t.tag(i) else {
            // a word too rare for the lexicon: `reaffirmed`, `reiterates`
            let w = t.lower(i)
            return !t.isCap(i) && (w.hasSuffix("ed") || w.hasSuffix("ies")) && w.utf8.count > 4
        }
        return ReportedSpeech.verbal(p)
    }

    /// A tag the lexicon gives a verb or auxiliary most of the time.
    static func verbal(_ p: POSLexicon.Tag) -> Bool {
        (p.pos == .verb || p.pos == .aux) && p.share >= 0.5
    }

    /// Whether `r` holds a verb: one the POS lexicon tags so, `it's`, or a lower-case word in `-s`
    /// or `-ed` right after a name or a subject pronoun (`Trump favors`, `she wants`), which the
    /// lexicon tags as the noun it more often is.
    func hasVerb(_ r: Range<Int>) -> Bool {
        r.contains { isVerb($0) || (t.tokens[$0].kind == .clitic && t.isWord($0 - 1, "it")) || verbAfterSubject($0, floor: r.lowerBound)
            || titleVerb($0) }
    }

    /// A capitalised verb of a title-case headline (`Clinton Hid Health Problems`).
    private func titleVerb(_ i: Int) -> Bool {
        guard i < t.titleEnd, let p = t.tag(i) else { return false }
        return ReportedSpeech.verbal(p)
    }

    private func verbAfterSubject(_ i: Int, floor: Int) -> Bool {
        guard i > floor, t.tokens[i].kind == .word, t.tokens[i - 1].kind == .word, !t.isCap(i),
              t.isCap(i - 1) || t.lowerIn(SpeakerPhrase.pronouns, i - 1) else { return false }
        let r = t.tokens[i].range
        guard r.length > 3, t.bytes[r.end - 1] == 0x73 || (t.bytes[r.end - 2] == 0x65 && t.bytes[r.end - 1] == 0x64) else { return false }
        guard let p = t.pos(i) else { return true } // too rare for the lexicon: `favors`
        return p == .noun
    }

    /// Whether `r` holds a phrase quoted inside the sentence.
    func mixed(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = embedded.count // the first segment opening at or after `r`
        while lo < hi {
            let mid = (lo + hi) / 2
            if embedded[mid].open < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < embedded.count && embedded[lo].open < r.upperBound
    }

    /// Marks `q` mixed, with the evidence, when its content holds a phrase quoted inside the sentence.
    func markMixed(_ q: inout RawQuote) {
        guard q.kind != .mixed, mixed(q.content) else { return }
        q.kind = .mixed
        q.evidence.append(Evidence(rule: "mixed", detail: "a quoted phrase inside reported speech"))
    }
}
