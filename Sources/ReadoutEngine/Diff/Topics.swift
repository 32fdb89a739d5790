/// A key phrase or entity raised in one statement.
public struct TopicOccurrence: Hashable, Sendable {
    /// Normalised key: lower case, singular, articles and possessives dropped, entities by canonical name.
    public var key: String
    /// The words as written.
    public var surface: String
    /// Where it lies in the document.
    public var range: TextRange
    /// The clause of the statement holding it (for showing framing), as a range.
    public var clause: TextRange
    /// True when the topic is an entity (by canonical name) rather than a noun phrase.
    public var isEntity: Bool
    /// Whether this key is the whole noun phrase (false for its head or inner parts).
    public var isWholePhrase: Bool
}

/// Finds the topics of a statement: entities (not people) and noun phrases, with their heads
/// and right-anchored sub-phrases as keys, so "high-level meeting" and "summit meeting" meet at "meeting".
public struct TopicExtractor: Sendable {
    /// Entity labels that count as topics (people are actors, dates and numbers are not topics).
    public static let topicLabels: Set<EntityLabel> = [.gpe, .org, .law, .event, .fac, .loc, .product, .workOfArt]

    /// Heads too general to be a topic on their own.
    static let genericNouns: Set<String> = [
        "issue", "thing", "way", "range", "number", "part", "time", "year", "side", "lot", "kind", "sort", "view",
        "day", "month", "week", "people", "one", "term", "statement", "call", "readout", "suggestion", "indication",
        "goal", "approach", "past", "reporter", "statement", "fact", "case", "point", "end", "use", "move", "plan",
        "intent", "place", "response", "concern", "challenge", "time", "comment", "remark", "conversation", "talk",
    ]

    /// Heads that name people by role: they describe the participants, not a topic.
    static let roleNouns: Set<String> = [
        "president", "leader", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "official",
        "chairman", "chairwoman", "chief", "head", "director", "ambassador", "governor", "senator", "king", "queen",
        "chancellor", "premier", "envoy", "negotiator", "diplomat", "counterpart", "side", "readout", "aide",
        "adviser", "advisor", "source", "analyst", "expert", "executive", "boss", "manager", "mp", "mep", "mayor",
    ]

    /// Spans of time: `few months`, `the next five years` are when, not what.
    static let timeUnits: Set<String> = ["second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "fortnight"]

    /// Words that only measure a span of time (`few`, `next`, `two`).
    static let timeQuantifiers: Set<String> = emptyAdjectives.union(["few", "some", "couple", "present", "two", "three", "four",
                                                                     "five", "six", "seven", "eight", "nine", "ten", "twelve"])

    /// Titles before names: `programme Mr` is no topic.
    static let titleWords: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness", "prof", "rev"]

    /// A word ending in a contracted verb or negation (`don't`, `we've`, `who'd`, `you're`,
    /// `it'll`, `I'm`), with a straight or curly apostrophe.
    static func isContraction(_ w: String) -> Bool {
        guard w.contains("'") || w.contains("\u{2019}") else { return false }
        let plain = w.replacingOccurrences(of: "\u{2019}", with: "'")
        return ["n't", "'ve", "'re", "'ll", "'d", "'m"].contains { plain.hasSuffix($0) }
            || ["it's", "that's", "there's", "he's", "she's", "what's", "who's", "here's", "let's"].contains(plain)
    }

    /// Adjectives that carry no topic on their own ("same time", "coming months").
    static let emptyAdjectives: Set<String> = [
        "same", "full", "other", "coming", "certain", "whole", "various", "several", "many", "such", "own",
        "further", "following", "recent", "past", "next", "last", "first", "new", "sudden", "continued", "number",
    ]

    /// Words after which an ambiguous noun/verb is a verb ("will act", "to build").
    static let verbContextBefore: Set<String> = ["will", "would", "can", "could", "should", "must", "may", "might", "to", "not", "n't", "also"]
    /// Words before which an ambiguous noun/verb is a verb ("building a relationship").
    static let verbContextAfter: Set<String> = ["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"]

    let lexicon: POSLexicon

    public init(lexicon: POSLexicon = .shared) {
        self.lexicon = lexicon
    }

    /// One mention with the canonical name of its entity.
    public struct NamedMention: Sendable {
        public var range: TextRange
        public var label: EntityLabel
        public var canonical: String
        public init(range: TextRange, label: EntityLabel, canonical: String) {
            self.range = range
            self.label = label
            self.canonical = canonical
        }
    }

    private enum Role { case content, noun, possessive, breaker }

    /// Topics in `range` of `doc`. `mentions` are the document's entity mentions in text order.
    public func topics(in doc: Document, range: TextRange, mentions: [NamedMention]) -> [TopicOccurrence] {
        let first = doc.tokenIndex(atOrAfter: range.start)
        var last = first
        while last < doc.tokens.count, doc.tokens[last].range.end <= range.end { last += 1 }
        guard first < last else { return [] }
        let clauses = clauseRanges(doc, first..<last)
        var out: [TopicOccurrence] = []
        var mentionAt: [Int: NamedMention] = [:] // token index -> mention starting there
        var inMention = Set<Int>()
        for m in mentions where range.contains(m.range) {
            let s = doc.tokenIndex(atOrAfter: m.range.start)
            var e = s
            while e < last, doc.tokens[e].range.end <= m.range.end { e += 1 }
            guard e > s else { continue }
            mentionAt[s] = m
            for k in s..<e { inMention.insert(k) }
            if TopicExtractor.topicLabels.contains(m.label) {
                out.append(TopicOccurrence(key: m.canonical.fastLowercased(), surface: doc.string(m.range), range: m.range,
                                           clause: clause(for: m.range, clauses), isEntity: true, isWholePhrase: true))
            }
        }
        // noun-phrase chunks: runs of adjectives/nouns/entity tokens, possessives inside
        var k = first
        while k < last {
            var words: [(key: String, range: TextRange, noun: Bool)] = []
            var j = k
            while j < last {
                if let m = mentionAt[j] {
                    if [.ordinal, .cardinal, .quantity].contains(m.label) {
                        // "third country", "two sides": a number modifies the phrase
                        var e = j
                        while e < last, doc.tokens[e].range.end <= m.range.end { e += 1 }
                        words.append((doc.string(m.range).fastLowercased(), m.range, false))
                        j = e
                        continue
                    }
                    if m.label == .person || !TopicExtractor.topicLabels.contains(m.label) && m.label != .norp { break }
                    var e = j
                    while e < last, doc.tokens[e].range.end <= m.range.end { e += 1 }
                    words.append((m.label == .norp ? doc.string(m.range).fastLowercased() : m.canonical.fastLowercased(), m.range, m.label != .norp))
                    j = e
                    continue
                }
                let role = self.role(doc, j, inMention: inMention.contains(j))
                if role == .breaker { break }
                if role == .possessive { j += 1; continue }
                let w = doc.string(token: j).fastLowercased()
                words.append((w, doc.tokens[j].range, role == .noun))
                j += 1
            }
            if words.isEmpty { k = j + 1; continue }
            // trim trailing non-nouns; the phrase must end in a noun
            while let l = words.last, !l.noun { words.removeLast() }
            if !words.isEmpty {
                emit(words, doc, clauses, into: &out)
            }
            k = max(j, k + 1)
        }
        return out
    }

    private func emit(_ words: [(key: String, range: TextRange, noun: Bool)], _ doc: Document, _ clauses: [TextRange],
                      into out: inout [TopicOccurrence]) {
        var words = words
        while let f = words.first, !f.noun, TopicExtractor.emptyAdjectives.contains(f.key) { words.removeFirst() }
        let n = words.count
        guard n > 0 else { return }
        let head = lemma(words[n - 1].key)
        if TopicExtractor.roleNouns.contains(head) { return }
        // a span of time (`few months`, `decades`), not a named day or a kind of one (`Boxing Day`, `polling day`)
        if TopicExtractor.timeUnits.contains(head), words.dropLast().allSatisfy({ TopicExtractor.timeQuantifiers.contains($0.key) }) { return }
        // the whole phrase, then right-anchored sub-phrases down to the head
        for start in 0..<n {
            var keyWords = words[start..<n].map(\.key)
            keyWords[keyWords.count - 1] = lemma(keyWords[keyWords.count - 1])
            let key = keyWords.joined(separator: " ")
            if n - start == 1 {
                if TopicExtractor.genericNouns.contains(key) || key.count < 3 { continue }
            }
            let r = TextRange(words[start].range.start, words[n - 1].range.end)
            // an entity alone is already a topic
            if n - start == 1 && out.contains(where: { $0.isEntity && $0.range == r }) { continue }
            out.append(TopicOccurrence(key: key, surface: doc.string(r), range: r, clause: clause(for: r, clauses),
                                       isEntity: false, isWholePhrase: start == 0))
        }
        // nouns modifying the head are topics of their own ("pay" in "pay offer")
        for k in 0..<(n - 1) where words[k].noun {
            let key = words[k].key
            guard !TopicExtractor.genericNouns.contains(key), key.count >= 3,
                  !out.contains(where: { $0.range == words[k].range }) else { continue }
            out.append(TopicOccurrence(key: key, surface: doc.string(words[k].range), range: words[k].range,
                                       clause: clause(for: words[k].range, clauses), isEntity: false, isWholePhrase: false))
        }
    }

    private func role(_ doc: Document, _ i: Int, inMention: Bool) -> Role {
        let t = doc.tokens[i]
        switch t.kind {
        case .clitic: return .possessive
        case .word: break
        default: return .breaker
        }
        let w = doc.string(token: i).fastLowercased()
        // contractions (`don't`, `We've`, `who'd`), titles (`Mr`, `Lord`) and amounts written as
        // words (`35bn`) are no part of a topic
        if TopicExtractor.isContraction(w) || TopicExtractor.titleWords.contains(w.hasSuffix(".") ? String(w.dropLast()) : w) {
            return .breaker
        }
        if let f = w.utf8.first, f &- 0x30 < 10 { return .breaker }
        if let e = lexicon.entry(w) {
            switch e.pos {
            case .noun, .propn:
                if looksVerbal(doc, i, share: e.share) { return .breaker }
                return .noun
            case .adj: return .content
            case .verb:
                // a verb/noun word used as a noun: "over pay", "a fair pay offer", "pay rise"
                if e.share < 0.85, !w.hasSuffix("ing"), !w.hasSuffix("ed"), looksNominal(doc, i) { return .noun }
                // participles used as adjectives ("emerging security issues", "occupied Crimea")
                if (w.hasSuffix("ing") || w.hasSuffix("ed")), i + 1 < doc.tokens.count, doc.tokens[i + 1].kind == .word,
                   let next = lexicon.entry(doc.string(token: i + 1).fastLowercased()), next.pos == .noun || next.pos == .adj {
                    return e.share < 0.9 || w.hasSuffix("ing") ? .content : .breaker
                }
                return .breaker
            default: return .breaker
            }
        }
        if t.isCapitalized && !t.has(Token.sentenceStart) { return .noun }
        if w.contains("-") {
            let lastPart = String(w.split(separator: "-").last ?? "")
            if ["up", "out", "off", "down", "over", "in", "on", "back"].contains(lastPart) { return .noun } // build-up, take-over
            if lexicon.entry(lastPart) == nil, ["ate", "ise", "ize", "ify", "ed"].contains(where: { lastPart.hasSuffix($0) }) { return .breaker }
            if let e = lexicon.entry(lastPart) { return e.pos == .noun ? .noun : (e.pos == .adj ? .content : .breaker) }
            return .noun
        }
        if w.hasSuffix("ly") || w.hasSuffix("ed") || w.hasSuffix("ate") || w.hasSuffix("ise") || w.hasSuffix("ize")
            || w.hasSuffix("ify") { return .breaker }
        if w.hasSuffix("ing") { return .content }
        return .noun
    }

    /// Whether an ambiguous verb/noun at `i` is used as a noun: after a determiner, preposition or
    /// adjective, or before a noun.
    private func looksNominal(_ doc: Document, _ i: Int) -> Bool {
        if i > 0, doc.tokens[i - 1].kind == .word, let p = lexicon.entry(doc.string(token: i - 1).fastLowercased()),
           p.pos == .det || p.pos == .adp || p.pos == .adj { return true }
        if i + 1 < doc.tokens.count, doc.tokens[i + 1].kind == .word, let n = lexicon.entry(doc.string(token: i + 1).fastLowercased()),
           n.pos == .noun, n.share > 0.8 { return true }
        return false
    }

    /// Whether an ambiguous noun/verb at `i` is used as a verb: after a modal or "to", or before a determiner.
    private func looksVerbal(_ doc: Document, _ i: Int, share: Float) -> Bool {
        // after a modal or "to" even a mostly-noun word is a verb ("would strike", "will act")
        if share < 0.9, i > 0, doc.tokens[i - 1].kind == .word,
           TopicExtractor.verbContextBefore.contains(doc.string(token: i - 1).fastLowercased()) { return true }
        if share < 0.6, i + 1 < doc.tokens.count, doc.tokens[i + 1].kind == .word,
           TopicExtractor.verbContextAfter.contains(doc.string(token: i + 1).fastLowercased()) { return true }
        return false
    }

    func lemma(_ w: String) -> String {
        if let e = lexicon.entry(w), e.pos == .noun { return e.lemma }
        if w.hasSuffix("-hacks") || w.hasSuffix("ies") || (w.hasSuffix("s") && !w.hasSuffix("ss") && w.count > 3) {
            if w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
            return String(w.dropLast())
        }
        return w
    }

    /// Clause boundaries: commas, semicolons, colons, dashes, and "and that"/"but".
    private func clauseRanges(_ doc: Document, _ toks: Range<Int>) -> [TextRange] {
        var out: [TextRange] = []
        var start = toks.lowerBound
        func close(_ end: Int) {
            var s = start, e = end
            while s < e, doc.tokens[s].kind != .word && doc.tokens[s].kind != .number { s += 1 }
            while e > s, doc.tokens[e - 1].kind != .word && doc.tokens[e - 1].kind != .number && doc.tokens[e - 1].kind != .clitic { e -= 1 }
            if e > s { out.append(TextRange(doc.tokens[s].range.start, doc.tokens[e - 1].range.end)) }
            start = end
        }
        var i = toks.lowerBound
        while i < toks.upperBound {
            let t = doc.tokens[i]
            let w = t.kind == .word ? doc.string(token: i).fastLowercased() : ""
            if t.kind == .terminal || (t.kind == .punct && [";", ":"].contains(doc.string(token: i))) || t.kind == .dash {
                close(i); i += 1; start = i; continue
            }
            if w == "and" || w == "but", i + 1 < toks.upperBound, doc.string(token: i + 1).fastLowercased() == "that" {
                close(i); i += 2; start = i; continue
            }
            if w == "but" || w == "while" || w == "where" { close(i); start = i + 1 }
            i += 1
        }
        close(toks.upperBound)
        return out
    }

    private func clause(for r: TextRange, _ clauses: [TextRange]) -> TextRange {
        clauses.first { $0.contains(r) } ?? clauses.first { $0.overlaps(r) } ?? r
    }
}
