/// A piece of a capitalised chunk: a gazetteer entry, a title, a run of name words, or `of`.
struct Segment {
    enum Kind {
        case gazetteer(GazetteerEntry)
        case title(TitleKind)
        case name
        case connector
    }
    var kind: Kind
    var tokens: Range<Int>

    var isName: Bool { if case .name = kind { return true } else { return false } }
    var isConnector: Bool { if case .connector = kind { return true } else { return false } }
    var gazetteer: GazetteerEntry? { if case .gazetteer(let g) = kind { return g } else { return nil } }
    var title: TitleKind? { if case .title(let t) = kind { return t } else { return nil } }
}

/// A maximal run of capitalised words (with `of`, `of the` and name particles inside),
/// cut into segments by longest gazetteer and title matches.
struct Chunk {
    var segments: [Segment]
    /// Tokens covered, including any stripped opener.
    var end: Int
    /// A sentence-initial ordinary word dropped from the front (`Formal`, `The`, `Former`).
    var stripped: Int?
}

/// Finds capitalised chunks and cuts them into segments.
struct CandidateScanner {
    let t: TokenText
    let lex: Lexicon

    /// The longest gazetteer entry starting at token `i`, within the sentence ending at `e`.
    func gazetteerMatch(_ i: Int, _ e: Int) -> (GazetteerEntry, Int)? {
        let maxN = Int(t.info[i].gazetteerFirst)
        guard maxN > 0 else { return nil }
        var n = min(maxN, e - i)
        let lex = self.lex // the closure below captures the lexicon alone, not a copy of this scanner
        while n >= 1 {
            let r = i..<(i + n)
            // entries never end in punctuation that is not part of a word
            if t.tokens[i + n - 1].kind == .word || t.tokens[i + n - 1].kind == .number || t.tokens[i + n - 1].kind == .clitic,
               let g = t.withKeyBytes(r, { lex.lists.gazetteer.value($0) }) {
                return (g, i + n)
            }
            n -= 1
        }
        return nil
    }

    /// The longest capitalised title starting at token `i` (`Press Secretary`, `Mr.`).
    func titleMatch(_ i: Int, _ e: Int) -> (TitleKind, Int)? {
        guard t.isCap(i) else { return nil }
        let first = t.lower(i)
        let firstKey = first.utf8.last == 0x2E ? String(first.dropLast()) : first
        guard let maxN = lex.lists.titleFirst[firstKey] else { return nil }
        var n = min(maxN, e - i)
        while n >= 1 {
            var parts: [String] = []
            var ok = true
            for j in i..<(i + n) {
                guard t.tokens[j].kind == .word else { ok = false; break }
                var w = t.lower(j)
                if w.utf8.last == 0x2E { w.removeLast() }
                if j > i && !t.isCap(j) && w != "of" && w != "the" && w != "and" { ok = false; break }
                parts.append(w)
            }
            if ok, let kind = lex.lists.titles[parts.joined(separator: " ")] { return (kind, i + n) }
            n -= 1
        }
        return nil
    }

    /// True for month and weekday names, which the date rules own.
    func isDateWord(_ i: Int) -> Bool {
        let w = t.words[i]
        guard t.info[i].isDateName else { return false }
        return DateRules.weekdays.contains(w) || (DateRules.months.contains(w) && !DateRules.ambiguousMonths.contains(w))
    }

    /// Whether a sentence-initial capitalised token is just an ordinary word.
    func isOrdinaryOpener(_ i: Int, _ e: Int) -> Bool {
        guard t.isInitial(i), t.tokens[i].kind == .word, !t.tokens[i].has(Token.allCaps) else { return false }
        let w = t.words[i]
        guard lex.lists.commonWords.contains(t.lower(i)) || lex.lists.notNames.contains(w) else { return false }
        if lex.lists.givenNames.contains(w) { return false }
        if titleMatch(i, e) != nil { return false }
        if let (_, end) = gazetteerMatch(i, e), end - i > 1 { return false }
        return true
    }

    /// Whether the capitalised words after token `i` (an apostrophe, `and`) end in a type word of the name
    /// rules (`Federation`, `Union`, `Court`, `Awards`) and do not start with a given name.
    func namesTypedNameAfter(_ i: Int, _ e: Int) -> Bool {
        guard i + 1 < e, t.isCap(i + 1), !lex.lists.givenNames.contains(t.words[i + 1]) else { return false }
        var last = i + 1
        while last + 1 < e, t.isCap(last + 1) { last += 1 }
        return names.suffixType(last) != nil
    }

    /// Whether token `i` is an ordinary capitalised word: a common word of three letters or more,
    /// not in capitals, a given name or the start of a gazetteer entry.
    func isOrdinaryFirstWord(_ i: Int) -> Bool {
        t.tokens[i].range.length >= 3 && !t.tokens[i].has(Token.allCaps) && names.isCommon(i)
            && !lex.lists.givenNames.contains(t.words[i]) && t.info[i].gazetteerFirst == 0
    }

    /// The name rules over the same tokens.
    private var names: NameClassifier { NameClassifier(t: t, lex: lex) }

    /// Whether a clitic is an apostrophe alone (`'` or `’`, a plural possessive), not `'s`.
    func isApostrophe(_ tok: Token) -> Bool {
        tok.range.length == 1 || (tok.range.length == 3 && t.doc.bytes[tok.range.start] == 0xE2)
    }

    /// Whether token `i` is a role abbreviation in capitals (`MP`, `MEPs`): never part of a name.
    func isRoleInCapitals(_ i: Int) -> Bool {
        t.tokens[i].has(Token.allCaps) && lex.lists.notNames.contains(t.words[i]) && lex.lists.roleNouns.contains(t.words[i])
    }

    /// Scans the chunk starting at token `k` (a capitalised word or a gazetteer first word).
    func scan(_ k: Int, _ e: Int) -> Chunk {
        var i = k
        var stripped: Int?
        if isOrdinaryOpener(k, e) {
            stripped = k
            i = k + 1
            if i >= e || !(t.isCap(i) || t.info[i].gazetteerFirst > 0) || isDateWord(i) {
                return Chunk(segments: [], end: k + 1, stripped: k)
            }
        }
        var segs: [Segment] = []
        var nameStart: Int?
        func flush(_ upTo: Int) {
            if let s = nameStart, s < upTo { segs.append(Segment(kind: .name, tokens: s..<upTo)) }
            nameStart = nil
        }
        while i < e {
            let tok = t.tokens[i]
            // a plural possessive inside a name that a type word ends: `Engineering Employers'
            // Federation`, `Musicians' Union`; not a possessor before a person or a title
            // (`Atticus' David Slager`, `Orson Welles' Macbeth`)
            if tok.kind == .clitic, nameStart != nil, isApostrophe(tok), namesTypedNameAfter(i, e) {
                i += 1
                continue
            }
            guard tok.kind == .word else { break }
            if i > k && isDateWord(i) { break }
            if let (g, end) = gazetteerMatch(i, e) {
                flush(i)
                segs.append(Segment(kind: .gazetteer(g), tokens: i..<end))
                i = end
                continue
            }
            if t.isCap(i) {
                // `MP`, `MSP`, `MEP`: a role written in capitals ends the chunk, so that the name
                // after it stands alone and takes it as its role (`Tory MP Michael Mates`)
                if isRoleInCapitals(i) {
                    guard segs.isEmpty, nameStart == nil else { break }
                    return Chunk(segments: [], end: i + 1, stripped: stripped)
                }
                if let (kind, end) = titleMatch(i, e) {
                    flush(i)
                    segs.append(Segment(kind: .title(kind), tokens: i..<end))
                    i = end
                    continue
                }
                if nameStart == nil { nameStart = i }
                i += 1
                continue
            }
            // lower-case joiners inside a chunk
            guard nameStart != nil || !segs.isEmpty, i + 1 < e else { break }
            let w = t.words[i]
            if w == "of" {
                var j = i + 1
                if t.words[j] == "the", j + 1 < e { j += 1 }
                guard t.isCap(j), !isDateWord(j) else { break }
                flush(i)
                segs.append(Segment(kind: .connector, tokens: i..<j))
                i = j
                continue
            }
            // `Securities and Exchange Commission`, `Public and Commercial Services Union`: an
            // ordinary word opening the chunk, `and`, and two or more words that a type word ends
            // (not `UPS and Deutsche Post`, `Youth and Media`)
            if w == "and", segs.isEmpty, nameStart == i - 1, isOrdinaryFirstWord(i - 1), i + 2 < e, t.isCap(i + 2),
               namesTypedNameAfter(i, e) {
                i += 1
                continue
            }
            if nameStart != nil, lex.lists.rules[w]?.contains(.particle) == true, t.isCap(i + 1) {
                i += 1
                continue
            }
            break
        }
        flush(i)
        return Chunk(segments: segs, end: i, stripped: stripped)
    }
}
