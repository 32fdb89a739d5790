/// Finds and checks the noun phrase that names a speaker: `the White House`, `he`,
/// `White House Press Secretary Jen Psaki`, `the US readout of the call`, `Jen Psaki, the press secretary`.
struct SpeakerPhrase {
    let t: QuoteText

    static let pronouns: WordSet = ["he", "she", "it", "they", "we", "i"]
    static let determiners: WordSet = ["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "one", "another",
                                           "some", "several", "many", "both", "two", "three", "other", "this", "these"]
    /// Words that open a clause, so a phrase holding them is not a speaker.
    static let clauseWords: WordSet = ["who", "which", "that", "what", "whom", "whose", "when", "where", "if",
                                           "because", "while", "as", "than", "whether", "although", "though",
                                           "since", "unless", "until", "not", "to", "there", "you", "me", "him",
                                           "us", "them", "this", "also", "so", "then"]
    /// Lead words dropped from the front of a subject (`But he said`).
    static let leaders: WordSet = ["but", "and", "yet", "so", "now", "however", "meanwhile", "still", "instead",
                                       "indeed", "also", "later", "earlier", "separately", "yesterday", "today", "even", "only",
                                       "then", "finally", "instead", "first"]
    /// Words allowed between a subject and its cue (`also said`, `has said`, `later told`).
    static let between: WordSet = ["also", "later", "earlier", "then", "previously", "has", "have", "had", "meanwhile", "however", "too",
                                       "further", "separately", "repeatedly", "publicly", "recently", "again",
                                       "once", "today", "yesterday", "subsequently", "similarly", "immediately",
                                       "would", "will", "may", "might", "could", "can"]
    /// Lower-case words that may stand between a subject and its cue besides `between`: auxiliaries
    /// and adverbs (`has long said`, `did not immediately respond`, `all suggested`).
    static let auxiliaries: WordSet = ["is", "are", "was", "were", "did", "does", "do", "not", "long", "all", "both",
                                           "never", "already", "still", "often", "privately", "openly", "reportedly",
                                           "widely", "strongly", "sharply", "quickly", "immediately", "first", "since", "just"]

    /// Verbs that take the cue as an infinitive after them (`continues to insist`).
    static let catenatives: WordSet = ["continue", "continues", "continued", "begin", "begins", "began", "start", "starts",
                                           "started", "appear", "appears", "appeared", "seem", "seems", "seemed", "tend",
                                           "tends", "tended", "try", "tries", "tried", "used"]

    /// Whether token `i` may stand between a subject and its cue.
    /// A short time phrase that may stand between a subject and its cue (`in April`, `on Friday`,
    /// `last week`): a time word after `in`, `on`, `last` or `this`, and that word before one.
    static let timeWords: WordSet = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                                         "february", "march", "april", "may", "june", "july", "august", "september", "october",
                                         "november", "december", "week", "month", "year", "night", "morning", "afternoon",
                                         "evening", "weekend"]
    static let timeOpeners: WordSet = ["in", "on", "last", "this"]

    func isBetween(_ i: Int) -> Bool {
        let kind = t.tokens[i].kind
        if kind == .clitic { return i > 0 && t.isWord(i - 1, "who") } // `who's called for`
        // a year: `who in 2010 said`
        if kind == .number { return i > 0 && (t.isWord(i - 1, "in") || t.isWord(i - 1, "since")) }
        if kind == .word, t.isWord(i, "in") || t.isWord(i, "since"), i + 1 < t.count, t.tokens[i + 1].kind == .number { return true }
        guard kind == .word else { return false }
        if t.lowerIn(SpeakerPhrase.timeWords, i), i > 0, t.tokens[i - 1].kind == .word, t.lowerIn(SpeakerPhrase.timeOpeners, i - 1) { return true }
        if t.lowerIn(SpeakerPhrase.timeOpeners, i), i + 1 < t.count, t.tokens[i + 1].kind == .word,
           t.lowerIn(SpeakerPhrase.timeWords, i + 1) { return true }
        guard !t.isCap(i) else { return false }
        if t.lowerIn(SpeakerPhrase.between, i) || t.lowerIn(SpeakerPhrase.auxiliaries, i) { return true }
        // `continues to insist`, `appeared to blame`, `began to argue`
        if t.isWord(i, "to") { return i > 0 && t.tokens[i - 1].kind == .word && t.lowerIn(SpeakerPhrase.catenatives, i - 1) }
        if t.lowerIn(SpeakerPhrase.catenatives, i), i + 1 < t.count, t.isWord(i + 1, "to") { return true }
        // an adverb in -ly (`publicly`, `repeatedly`)
        let r = t.tokens[i].range
        guard r.length > 4, t.bytes[r.end - 2] == 0x6C, t.bytes[r.end - 1] == 0x79 else { return false }
        guard let p = t.pos(i) else { return r.length > 6 } // too rare for the lexicon: `forcefully`
        return p == .adv
    }

    /// Head nouns the POS lexicon tags as adjectives first (`a UK Government official`).
    static let adjectiveHeads: WordSet = ["official", "executive", "representative", "conservative", "liberal", "democrat",
                                              "republican", "independent", "critic", "professional", "individual", "spokesperson"]

    /// Longest speaker phrase, in tokens.
    static let maxTokens = 10

    /// True when tokens `r` can name a speaker.
    func isSpeaker(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= SpeakerPhrase.maxTokens else { return false }
        if r.count == 1, t.tokens[r.lowerBound].kind == .word, t.lowerIn(SpeakerPhrase.pronouns, r.lowerBound) { return true }
        // `- Stop considering asylum claims`: an imperative opening a list item is no name
        if r.count == 1, t.isCap(r.lowerBound), let p = t.tag(r.lowerBound), p.pos == .verb, p.share >= 0.8,
           r.lowerBound == 0 || t.tokens[r.lowerBound].has(Token.sentenceStart) || t.tokens[r.lowerBound - 1].kind == .dash { return false }
        var nouny = false
        for i in r {
            let tok = t.tokens[i]
            switch tok.kind {
            case .word:
                let acronym = t.tokens[i].has(Token.allCaps) // `US` is not `us`
                if !acronym, t.lowerIn(SpeakerPhrase.pronouns, i) || t.lowerIn(SpeakerPhrase.clauseWords, i) && !(i > r.lowerBound && t.isWord(i, "this")) { return false }
                let determiner = t.lowerIn(SpeakerPhrase.determiners, i)
                if t.isCap(i) {
                    // capitalised function words only open the phrase (`The`, `A`)
                    if i > r.lowerBound || !determiner { nouny = true }
                    if i == r.lowerBound, let p = t.tag(i), p.share > 0.9,
                       p.pos == .adp || p.pos == .sconj || p.pos == .cconj || p.pos == .adv || p.pos == .pron { return false }
                    continue
                }
                if determiner { continue }
                guard let p = t.tag(i) else { nouny = true; continue } // a rare word: likely a noun
                switch p.pos {
                case .noun, .propn, .num: nouny = true
                case .adj, .adp, .det, .part:
                    if t.isWord(i, "to") { return false }
                    // a circumstance, not a speaker: `with the bloc's presidency`, `in Brussels`
                    if p.pos == .adp, i == r.lowerBound, !(i + 1 < r.upperBound && t.tokens[i + 1].kind == .number) { return false }
                case .cconj: if !t.isWord(i, "and") && !t.isPunct(i, 0x26) { return false }
                case .verb, .aux:
                    // `the call`, `the White House press office`: a noun after a determiner or adjective
                    let prev = i - 1
                    if prev >= r.lowerBound, t.lowerIn(SpeakerPhrase.determiners, prev) || t.pos(prev) == .adj || p.share < 0.7 {
                        nouny = true
                    } else if i == r.lowerBound, r.count > 1, t.isCap(i + 1), t.lower(i).hasSuffix("ed") {
                        continue // a participle before a name or title: `retired Air Force general Lloyd Newton`
                    } else { return false }
                default: return false
                }
            case .clitic, .number: continue
            case .symbol: if !isAmpersand(i) { return false }
            case .punct:
                // `Smith & Co`, `9/11 widow`; other punctuation ends a phrase
                if !isAmpersand(i) && !(isNumberSlash(i) && i > r.lowerBound && i + 1 < r.upperBound) { return false }
            default: return false
            }
        }
        if let lastPOS = t.pos(r.upperBound - 1), !t.isCap(r.upperBound - 1), lastPOS == .adp || lastPOS == .det || lastPOS == .adj,
           !t.lowerIn(SpeakerPhrase.adjectiveHeads, r.upperBound - 1) { return false }
        return nouny
    }

    /// A clause boundary before token `i`: nothing at `i - 1` can belong to a subject ending at `i`.
    func isBoundary(_ i: Int) -> Bool {
        let tok = t.tokens[i]
        switch tok.kind {
        case .terminal, .quote, .dash, .ellipsis: return true
        case .punct: return true
        default: return false
        }
    }

    /// Letters written after a name (`QC`, `MSP`, `OBE`), lower-cased.
    static let postNominals: WordSet = ["qc", "kc", "mp", "msp", "mep", "am", "mla", "obe", "mbe", "cbe", "kbe", "dbe", "frs", "jr", "sr"]

    /// The subject of a cue at token `cue`: the phrase ending just before it (adverbs and auxiliaries
    /// between allowed), reaching back to a clause boundary no earlier than `floor`.
    /// Returns the speaker tokens (for an apposition, the name before it) and the first token of the subject.
    func subject(before cue: Int, floor: Int) -> (speaker: Range<Int>, start: Int)? {
        var e = cue
        while e > floor, isBetween(e - 1) { e -= 1 }
        guard e > floor else { return nil }
        // `Rep. Trey Gowdy (R-S.C.) said`: a bracketed tag after the name
        if t.isPunct(e - 1, 0x29) {
            var o = e - 2
            while o > floor, e - o < 8, !t.isPunct(o, 0x28), !t.isTerminal(o) || t.isPunct(o + 1, 0x29) { o -= 1 }
            guard o > floor, t.isPunct(o, 0x28), let name = phrase(endingAt: o, floor: floor) else { return nil }
            return (name, name.lowerBound)
        }
        // `Mitch McConnell, R-Ky., said`: a party tag between commas
        if t.isComma(e - 1), let p = partyTag(endingAt: e - 1), p - 1 > floor, t.isComma(p - 1),
           let name = phrase(endingAt: p - 1, floor: floor), t.isCap(name.upperBound - 1) {
            return (name, name.lowerBound)
        }
        // `Jen Psaki, the White House press secretary, said`
        if t.isComma(e - 1) {
            let appEnd = e - 1
            var c = appEnd
            while c > floor, !isBoundary(c - 1), appEnd - c < SpeakerPhrase.maxTokens { c -= 1 }
            // `Clinton, at Monday's debate, cited …`: a circumstance between the commas instead;
            // `one dealer, who asked not to be named, told …`: a relative clause
            let circumstance = c < appEnd && t.tokens[c].kind == .word && !t.isCap(c) && t.pos(c) == .adp
            let relative = c < appEnd && (t.isWord(c, "who") || t.isWord(c, "which"))
            guard c > floor, t.isComma(c - 1), c < appEnd, circumstance || relative || isSpeaker(c..<appEnd) else { return nil }
            guard let name = phrase(endingAt: c - 1, floor: floor) else { return nil }
            // (a relative clause after a second apposition belongs to it: `Brunner, a spokeswoman for X, which …, said`)
            if relative { return name.lowerBound == floor || !t.isComma(name.lowerBound - 1) ? (name, name.lowerBound) : nil }
            // `… commissioned by the executive, Scottish Borders Council, Midlothian Council and Scottish
            // Borders Enterprise, found`: the end of a list, not a name and its apposition
            if name.lowerBound > floor, t.isComma(name.lowerBound - 1), (c..<appEnd).contains(where: { t.isWord($0, "and") }) { return nil }
            // `Scottish Finance Minister, Tom McCabe, said`: a title in capitals, then the name
            if !circumstance, isName(c..<appEnd), QuoteLists.shared.personNouns.contains(t.lower(name.upperBound - 1)) {
                return (c..<appEnd, name.lowerBound)
            }
            if t.isCap(name.upperBound - 1) || t.tokens[name.upperBound - 1].kind == .clitic { return (name, name.lowerBound) }
            guard !circumstance else { return nil }
            // `The state's campaign chairman, Phil Lovas, said`: a description, then the name in apposition
            guard isName(c..<appEnd) else { return nil }
            return (c..<appEnd, name.lowerBound)
        }
        guard let r = phrase(endingAt: e, floor: floor) else { return nil }
        // `Howard Archer, economist at Global Insight said`: an apposition whose closing comma is left
        // out; the name (of two words at least, opening the clause) before it speaks. Not `in Onawa,
        // Iowa, the candidate repeated`, nor `Clinton, a top aide said, "…"`
        if r.lowerBound - 1 > floor, t.isComma(r.lowerBound - 1), !t.isCap(r.lowerBound), !(cue + 1 < t.count && t.isComma(cue + 1)),
           let name = phrase(endingAt: r.lowerBound - 1, floor: floor), name.count >= 2, isName(name), t.pos(name.lowerBound) != .adp,
           name.lowerBound == floor || !t.isComma(name.lowerBound - 1),
           case let ws = r.filter({ t.tokens[$0].kind == .word }).map({ t.lower($0) }), !ws.isEmpty,
           QuoteLists.shared.personNouns.contains(ws[SpeakerResolver.headIndex(ws)]) {
            return (name, name.lowerBound)
        }
        // `Judge Richard Mawrey, QC told …`: letters after a name belong to it, never speak alone
        if r.count == 1, t.lowerIn(SpeakerPhrase.postNominals, r.lowerBound), r.lowerBound - 1 > floor, t.isComma(r.lowerBound - 1),
           let name = phrase(endingAt: r.lowerBound - 1, floor: floor), t.isCap(name.upperBound - 1) {
            return (name, name.lowerBound)
        }
        return (r, r.lowerBound)
    }

    /// `Mr Houston was quoted in the Herald newspaper saying`, `Geoff Dixon was quoted by The Australian
    /// as saying`: for a `saying` at `k`, the subject of the passive `quoted` before it (within 10 tokens).
    func quotedSubject(before k: Int, floor: Int) -> Range<Int>? {
        guard t.lower(k) == "saying" else { return nil }
        var q = k - 1
        while q > floor + 1, k - q <= 10, !t.isWord(q, "quoted") {
            if t.isTerminal(q) || t.tokens[q].kind == .quote { return nil }
            q -= 1
        }
        guard q > floor + 1, t.isWord(q, "quoted"), ["was", "were", "is", "are", "been", "being"].contains(t.lower(q - 1)),
              let sub = subject(before: q - 1, floor: floor) else { return nil }
        return sub.speaker
    }

    /// `the paper quoted Mr Chernin as saying`: for a `quoted` at `k`, the one quoted (up to `as
    /// saying`, or `saying`) and where the words after `saying` start; nil for any other shape.
    func quotedAsSaying(at k: Int, limit: Int) -> (speaker: Range<Int>, after: Int)? {
        guard t.isWord(k, "quoted") || t.isWord(k, "quotes") || t.isWord(k, "quoting") else { return nil }
        var a = k + 1
        while a < limit, a - k <= SpeakerPhrase.maxTokens + 1, !t.isWord(a, "saying") { a += 1 }
        guard a < limit, t.isWord(a, "saying") else { return nil }
        let nameEnd = t.isWord(a - 1, "as") ? a - 1 : a
        guard nameEnd > k + 1, let sp = phrase(startingAt: k + 1, limit: nameEnd), sp.upperBound == nameEnd else { return nil }
        return (sp, a + 1)
    }

    /// The first token of a party tag ending just before `end`: `R-Ky.`, `D-Md`, `I-Vt.`.
    func partyTag(endingAt end: Int) -> Int? {
        var e = end
        if e - 1 >= 0, t.isTerminal(e - 1) { e -= 1 }
        // one hyphenated token (`R-Ky`), or a letter, a hyphen and a state
        if e - 1 >= 0, t.tokens[e - 1].kind == .word, case let r = t.tokens[e - 1].range, r.length >= 4,
           t.bytes[r.start + 1] == 0x2D, t.isCap(e - 1), SpeakerPhrase.partyLetters.contains(t.bytes[r.start]) {
            return e - 1
        }
        let s = e - 3
        guard s >= 0, t.tokens[s].kind == .word, t.tokens[s].range.length == 1, SpeakerPhrase.partyLetters.contains(t.bytes[t.tokens[s].range.start]),
              t.tokens[s + 1].kind == .dash, !t.tokens[s + 1].has(Token.spaceBefore), t.isCap(s + 2) else { return nil }
        return s
    }

    /// The letters of a party tag: Republican, Democrat, Independent.
    static let partyLetters: Set<UInt8> = [0x52, 0x44, 0x49]

    /// A name after a time phrase with no comma, just before the cue: `In a statement issued on
    /// Wednesday Lord Woolf said`. The name is one to five capitalised words after a weekday or month.
    func nameAfterTime(before cue: Int, floor: Int) -> Range<Int>? {
        var e = cue
        while e > floor, isBetween(e - 1), !t.isCap(e - 1) { e -= 1 }
        var s = e
        while s > floor, e - s < 6, t.tokens[s - 1].kind == .word, t.isCap(s - 1), !t.lowerIn(SpeakerPhrase.timeWords, s - 1) { s -= 1 }
        guard s < e, s > floor, t.lowerIn(SpeakerPhrase.timeWords, s - 1), isName(s..<e) || isSpeaker(s..<e) else { return nil }
        return s..<e
    }

    /// True when token `i` is `&`.
    func isAmpersand(_ i: Int) -> Bool {
        t.tokens[i].range.length == 1 && t.bytes[t.tokens[i].range.start] == 0x26
    }

    /// True when token `i` is a slash between two numbers (`9/11`).
    func isNumberSlash(_ i: Int) -> Bool {
        t.isPunct(i, 0x2F) && i > 0 && i + 1 < t.count && t.tokens[i - 1].kind == .number && t.tokens[i + 1].kind == .number
    }

    /// True when tokens `r` are a capitalised name: one to five capitalised words (initials and
    /// `Jr.` allowed), the first not a determiner.
    func isName(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 5, !t.lowerIn(SpeakerPhrase.determiners, r.lowerBound) else { return false }
        return r.allSatisfy { t.tokens[$0].kind == .word && t.isCap($0) }
    }

    /// A name at `floor` followed by a long apposition up to the cue: `Angelique Brunner, a
    /// Washington-based developer and spokeswoman for the coalition, which …, said`; `Rep. Jim Jordan
    /// (R-Ohio), an oversight panel member, said`. The apposition holds no cue, sentence end or
    /// quotation mark and runs at most 40 tokens. Returns the name.
    func nameWithApposition(before cue: Int, floor: Int) -> Range<Int>? {
        var c = cue
        while c > floor, isBetween(c - 1) { c -= 1 }
        guard c - 1 > floor, t.isComma(c - 1) || t.isPunct(c - 1, 0x29) else { return nil }
        // the name opens the clause: at `floor`, or after a comma (`With 50 days to go, Minyon Moore, a
        // senior adviser to the campaign, called …`); the earliest opening that fits wins
        var start = max(floor, c - 48)
        while start < c - 2 {
            if start == floor || t.isComma(start - 1) || t.tokens[start - 1].kind == .dash, let name = nameOpening(at: start, apposition: c) {
                return name
            }
            start += 1
        }
        return nil
    }

    /// The name at `start` when an apposition runs from just after it to the comma before `end`.
    private func nameOpening(at start: Int, apposition end: Int) -> Range<Int>? {
        let s = afterLeaders(start, end)
        // the name, or a short phrase ending in one (`Conservative economist Aparna Mathur`)
        var e = s
        while e < end, e - s < 8, t.tokens[e].kind == .word || t.tokens[e].kind == .clitic { e += 1 }
        guard e > s, e < end - 1, t.isComma(e) || t.isPunct(e, 0x28), t.isCap(e - 1), isSpeaker(s..<e), end - e <= 40 else { return nil }
        // `…, Scottish Borders Council, Midlothian Council and Scottish Borders Enterprise, found`: names
        // listed are no name and its apposition
        if ((e + 1)..<(end - 1)).allSatisfy({ t.isCap($0) || t.isComma($0) || t.isWord($0, "and") }),
           ((e + 1)..<(end - 1)).contains(where: { t.isWord($0, "and") }) { return nil }
        // a cue inside would be an attribution of its own; a relative or participle clause may hold
        // an object verb (`one of the states suing the EPA`, `who also featured in the film`)
        for i in e..<end where t.isTerminal(i) && !t.isComma(i + 1) || t.tokens[i].kind == .quote
            || t.cues[i].map({ $0.frame != .object && $0.frame != .belief }) ?? false && !t.lowerIn(SpeakerPhrase.determiners, i - 1) {
            return nil // (after a determiner the cue's form is a noun: `one of the states`)
        }
        return s..<e
    }

    /// The first token from `start` (before `end`) that is not a lead word (`But`, `Even`, `Then`,
    /// `However,` with its comma).
    func afterLeaders(_ start: Int, _ end: Int) -> Int {
        var s = start
        while s < end, t.tokens[s].kind == .word, t.lowerIn(SpeakerPhrase.leaders, s) {
            s += 1
            if s < end, t.isComma(s) { s += 1 } // `However, Mr Smith …`
        }
        return s
    }

    /// Words that open a subordinate clause, so a subject starts after them
    /// (`When Clinton noted that …`, `where restructuring experts say …`).
    static let subordinators: WordSet = ["when", "although", "though", "while", "because", "since", "whereas",
                                             "where", "unless", "if", "after", "before", "once", "until"]

    /// True when token `i` is a subordinating word (any case).
    func isSubordinator(_ i: Int) -> Bool {
        t.tokens[i].kind == .word && t.lowerIn(SpeakerPhrase.subordinators, i)
    }

    /// The speaker phrase ending at `end` (exclusive), back to a boundary or a subordinating word, lead words dropped.
    func phrase(endingAt end: Int, floor: Int) -> Range<Int>? {
        var s = end
        while s > floor, !isBoundary(s - 1), !isSubordinator(s - 1), end - s <= SpeakerPhrase.maxTokens + 2 { s -= 1 }
        guard s == floor || isBoundary(s - 1) || isSubordinator(s - 1) else { return nil }
        s = afterLeaders(s, end)
        guard s < end, isSpeaker(s..<end) else { return nil }
        return s..<end
    }

    /// The speaker phrase starting at `start` and running to a boundary or `limit`: for inverted
    /// cues (`said Mr Smith`) and trailing ones (`according to the US side`).
    func phrase(startingAt start: Int, limit: Int) -> Range<Int>? {
        var e = start
        while e < limit, e - start < SpeakerPhrase.maxTokens, t.tokens[e].kind == .word || t.tokens[e].kind == .clitic
                || t.tokens[e].kind == .number
                || (isAmpersand(e) && e > start && e + 1 < limit && t.isCap(e + 1)) // `Bradford & Bingley`
                || (isNumberSlash(e) && e > start && e + 1 < limit) { // `9/11 widow`
            e += 1
        }
        guard e > start, isSpeaker(start..<e) else { return nil }
        // `said EEF chief economist, Steve Radley.`: a description, then the name that ends the sentence
        if e + 1 < limit, t.isComma(e), !t.isCap(e - 1), QuoteLists.shared.personNouns.contains(t.lower(e - 1)) {
            var n = e + 1
            while n < limit, n - e <= 5, t.tokens[n].kind == .word, t.isCap(n) { n += 1 }
            if n > e + 1, n == limit || t.isTerminal(n), isName((e + 1)..<n) { return (e + 1)..<n }
        }
        return start..<e
    }
}
