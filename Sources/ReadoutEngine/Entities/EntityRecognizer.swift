/// One mention found by the per-document pass, with what the rules learned about it.
struct RawMention {
    var tokens: Range<Int>
    var label: EntityLabel
    var evidence: Evidence
    /// Canonical name from a gazetteer entry.
    var canonical: String?
    /// Role from a title, role noun or apposition.
    var role: RoleFact?
    /// The mention with its title (`President Biden`), kept as an alias.
    var titledForm: String?
    /// A lone capitalised word kept only if the document names a person with it.
    var weak = false
    /// After a female honorific (`Mrs Howard`): never merged with a man's full name.
    var female = false
    /// After a male honorific (`Mr Obama`): never merged with a woman's full name.
    var male = false

    /// The evidence detail of a weak sentence-initial ordinary word.
    static let openerDetail = "sentence-initial ordinary word"
}

/// How a document writes some words: capitalised mid-sentence, or in lower case.
struct WordUsage {
    /// Word (as capitalised) → its tally; lower-cased word → the same tally. Byte tables, so
    /// counting looks tokens up by their bytes with no string made or hashed per token.
    private var index = ByteTable<Int>(capacity: 16)
    private var lowerIndex = ByteTable<Int>(capacity: 16)
    private var tallies: [(midCaps: Int, lowerCase: Int)] = []

    /// (capitalised occurrences standing alone, not at a sentence start; lower-case occurrences) of `word`.
    func counts(_ word: String) -> (midCaps: Int, lowerCase: Int) {
        index[word].map { tallies[$0] } ?? (0, 0)
    }

    init(_ t: TokenText, _ words: Set<String>) {
        guard !words.isEmpty else { return }
        // the words' first letters and lengths: a cheap filter before looking a token up
        var shapes = WordShapes()
        for w in words.sorted() { // sorted: when two words lower-case alike, the same one wins every run
            let k = tallies.count
            index.insert(w, k)
            tallies.append((0, 0))
            lowerIndex.insert(w.fastLowercased(), k)
            shapes.insert(w)
        }
        t.doc.bytes.withUnsafeBufferPointer { bytes in
            for i in 0..<t.count where t.tokens[i].kind == .word {
                let r = t.tokens[i].range
                guard shapes.mayContain(first: bytes[r.start], length: r.length) else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[r.start..<r.end])
                if t.isCap(i) {
                    // standing alone: `Rail` inside `Network Rail` is no evidence for `Rail` by itself
                    let alone = !(i > 0 && t.isCap(i - 1)) && !(i + 1 < t.count && t.isCap(i + 1))
                    if alone, let k = index.value(word), !t.isInitial(i) { tallies[k].midCaps += 1 }
                } else if let k = lowerIndex.value(word) {
                    tallies[k].lowerCase += 1
                }
            }
        }
    }
}

/// The per-document entity pass: candidate chunks, gazetteers, titles, name rules, dates and numbers,
/// then surname resolution and clustering inside the document. Independent of every other document.
public struct EntityRecognizer: Sendable {
    public init() {}

    /// Recognises and clusters the entity mentions of one document. Without `evidence`, the
    /// result's per-mention `evidence` is left empty (the analysis keeps none, and
    /// `CorpusAnalysis.mentionEvidence(doc:)` recognises again with it).
    public func recognize(_ doc: Document, evidence: Bool = true) -> DocumentEntities {
        // a stop requested (Ctrl-C) skips the passes not begun; the caller throws the result away
        let stopped = DocumentEntities(mentions: [], evidence: [], mentionEntity: [], entities: [])
        if Cancellation.isRequested { return stopped }
        let t = TokenText(doc)
        var raw = scan(t, Lexicon.shared)
        if Cancellation.isRequested { return stopped }
        resolveWeak(t, &raw)
        if Cancellation.isRequested { return stopped }
        Appositions(t: t, lex: Lexicon.shared).attach(&raw)
        if Cancellation.isRequested { return stopped }
        return DocumentClusterer(t: t).cluster(raw, evidence: evidence)
    }

    /// Finds every candidate mention, sentence by sentence.
    func scan(_ t: TokenText, _ lex: Lexicon) -> [RawMention] {
        var out: [RawMention] = []
        let scanner = CandidateScanner(t: t, lex: lex)
        let names = NameClassifier(t: t, lex: lex)
        let titles = TitleRules(t: t, lex: lex)
        var lastChunk: (end: Int, text: String, body: String?) = (-1, "", nil)
        for s in t.doc.sentences {
            if Cancellation.isRequested { break } // (the caller throws the rest away)
            let e = s.tokens.upperBound
            var k = s.tokens.lowerBound
            while k < e {
                // numbers, money, dates and times: only where one can start (the rules reject other tokens)
                if t.mayStartValue(k), let m = valueMention(t, k, e) {
                    out.append(m)
                    k = m.tokens.upperBound
                    continue
                }
                if t.tokens[k].kind == .word && (t.isCap(k) || t.info[k].gazetteerFirst > 0) {
                    k = scanName(t, lex, scanner, names, titles, k, e, &lastChunk, &out)
                    continue
                }
                k += 1
            }
        }
        return out
    }

    /// The number, money, percent, time or date mention starting at token `k`, by the first rule
    /// that matches there.
    private func valueMention(_ t: TokenText, _ k: Int, _ e: Int) -> RawMention? {
        if let m = NumericRules.match(t, k, e) {
            return RawMention(tokens: k..<m.end, label: m.label, evidence: Evidence(rule: "number", detail: m.detail))
        }
        if let m = CountRules.time(t, k, e) {
            return RawMention(tokens: k..<m.end, label: .time, evidence: Evidence(rule: "time", detail: m.detail))
        }
        if let d = DateRules.match(t, k, e) {
            return RawMention(tokens: k..<d.end, label: .date, evidence: Evidence(rule: "date", detail: d.detail))
        }
        if let m = CountRules.count(t, k, e) {
            return RawMention(tokens: k..<m.end, label: m.label, evidence: Evidence(rule: "count", detail: m.detail))
        }
        return nil
    }

    /// Scans the capitalised chunk (or gazetteer phrase) starting at token `k` and interprets it;
    /// returns the token after it.
    private func scanName(_ t: TokenText, _ lex: Lexicon, _ scanner: CandidateScanner, _ names: NameClassifier,
                          _ titles: TitleRules, _ k: Int, _ e: Int,
                          _ lastChunk: inout (end: Int, text: String, body: String?), _ out: inout [RawMention]) -> Int {
        let chunk = scanner.scan(k, e)
        let before = out.count
        interpret(chunk, start: k, t, lex, names, titles, lastChunk, &out)
        joinPossessive(t, lex, k, before, &out)
        if out.count > before, let last = out.last, last.tokens.upperBound == chunk.end {
            lastChunk = (chunk.end, t.text((chunk.segments.first?.tokens.lowerBound ?? k)..<chunk.end),
                         last.label == .person ? nil : (last.canonical ?? t.text(last.tokens)))
        }
        return max(chunk.end, k + 1)
    }

    /// `I've`, `I’m`, `Don't`: a word with a contracted ending.
    func isContraction(_ w: String) -> Bool {
        guard let a = w.lastIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
        return ["ve", "m", "d", "ll", "re", "t", "s"].contains(w[w.index(after: a)...].fastLowercased())
    }

    /// `O'Gara`, `McCall`, `MacLeod`: surname shapes.
    func hasSurnamePrefix(_ w: String) -> Bool {
        (w.hasPrefix("O'") || w.hasPrefix("O’") || w.hasPrefix("Mc") || w.hasPrefix("Mac")) && w.count > 4
    }

    /// `People’s Choice Awards`, `Children’s Hospital`: an ordinary capitalised word and `’s` before a
    /// name typed by its last word belong to that name (rather than cutting it to `Choice Awards`).
    func joinPossessive(_ t: TokenText, _ lex: Lexicon, _ k: Int, _ before: Int, _ out: inout [RawMention]) {
        guard out.count > before, k >= 2, t.tokens[k - 1].kind == .clitic, t.tokens[k - 2].kind == .word,
              t.tokens[k - 2].has(Token.capitalized), out[before].tokens.lowerBound == k,
              out[before].evidence.rule.hasSuffix("-suffix"),
              lex.lists.commonWords.contains(t.lower(k - 2)), !lex.lists.givenNames.contains(t.words[k - 2]),
              lex.lists.gazetteer[t.words[k - 2]] == nil,
              !lex.lists.givenNames.contains(t.words[k]) else { return } // `The Producers' Nathan Lane`
        // drop a weak mention of the possessor itself
        if before > 0, out[before - 1].tokens.upperBound > k - 2 {
            guard out[before - 1].weak else { return }
            out.remove(at: before - 1)
            out[before - 1].tokens = (k - 2)..<out[before - 1].tokens.upperBound
            return
        }
        out[before].tokens = (k - 2)..<out[before].tokens.upperBound
    }

    /// Turns a chunk's segments into mentions, with roles for titled people.
    func interpret(_ chunk: Chunk, start k: Int, _ t: TokenText, _ lex: Lexicon, _ names: NameClassifier,
                   _ titles: TitleRules, _ lastChunk: (end: Int, text: String, body: String?), _ out: inout [RawMention]) {
        if let s = chunk.stripped, chunk.segments.isEmpty || chunk.segments[0].tokens.lowerBound > s {
            if !TitleRules.modifiers.contains(t.lower(s)) && t.tokens[s].kind == .word {
                out.append(RawMention(tokens: s..<(s + 1), label: .person,
                                      evidence: Evidence(rule: "weak", detail: RawMention.openerDetail), weak: true))
            }
        }
        var segs = chunk.segments
        guard !segs.isEmpty else { return }
        // Pre-chunk role context: `former`, or `Labour leader` right before the chunk.
        var preModifier: String? = nil
        if let s = chunk.stripped, TitleRules.modifiers.contains(t.lower(s)) { preModifier = t.lower(s) }
        else if let m = titles.modifier(before: segs[0].tokens.lowerBound) { preModifier = m }
        var roleNounFact: RoleFact? = nil
        if let rn = titles.roleNoun(before: segs[0].tokens.lowerBound) {
            var role = t.text(rn..<segs[0].tokens.lowerBound)
            var body: String? = nil
            if lastChunk.end == rn { role = lastChunk.text + " " + role; body = lastChunk.body }
            else if let m = titles.modifier(before: rn) { role = m + " " + role }
            roleNounFact = RoleFact(role: role, body: body, evidence: Evidence(rule: "role-noun", detail: "‘\(role)’ before the name"))
        }

        // Merge segments that read as one name.
        var i = 0
        while i < segs.count {
            // given name listed as a place, then a name: `Victoria Beckham`
            if let g = segs[i].gazetteer, segs[i].tokens.count == 1, lex.lists.givenNames.contains(t.words[segs[i].tokens.lowerBound]),
               i + 1 < segs.count, segs[i + 1].isName, g.label == .gpe || g.label == .loc {
                segs[i] = Segment(kind: .name, tokens: segs[i].tokens.lowerBound..<segs[i + 1].tokens.upperBound)
                segs.remove(at: i + 1)
                continue
            }
            // a given name, then a surname that is also a town: `Charles Kennedy`
            if segs[i].isName, i + 1 < segs.count, let g = segs[i + 1].gazetteer, segs[i + 1].tokens.count == 1,
               g.label == .gpe || g.label == .loc, g.list != "countries.tsv",
               lex.lists.givenNames.contains(t.words[segs[i].tokens.upperBound - 1]) {
                segs[i] = Segment(kind: .name, tokens: segs[i].tokens.lowerBound..<segs[i + 1].tokens.upperBound)
                segs.remove(at: i + 1)
                continue
            }
            // a title word after a given name is a surname: `John Major`, `David King`
            if segs[i].isName, i + 1 < segs.count, segs[i + 1].title != nil,
               lex.lists.givenNames.contains(t.words[segs[i].tokens.upperBound - 1]),
               !(i + 2 < segs.count && segs[i + 2].isName) {
                segs[i] = Segment(kind: .name, tokens: segs[i].tokens.lowerBound..<segs[i + 1].tokens.upperBound)
                segs.remove(at: i + 1)
                continue
            }
            i += 1
        }

        var rolePrefix: [Int] = []   // indices of gazetteer segments that qualify a following title
        i = 0
        while i < segs.count {
            let seg = segs[i]
            switch seg.kind {
            case .connector:
                i += 1
            case .gazetteer(let g):
                // a place or demonym, then a name ending in a type suffix: `Manchester United`, `US Open`,
                // `Scottish Green Party`
                if i + 1 < segs.count, segs[i + 1].isName, let (label, rule) = names.suffixType(segs[i + 1].tokens.upperBound - 1) {
                    let r = seg.tokens.lowerBound..<segs[i + 1].tokens.upperBound
                    out.append(RawMention(tokens: r, label: label, evidence: Evidence(rule: rule, detail: "‘\(g.surface)’ + ‘\(t.text(segs[i + 1].tokens))’ (name-rules.tsv)")))
                    i += 2
                    continue
                }
                out.append(RawMention(tokens: seg.tokens, label: g.label,
                                      evidence: Evidence(rule: "gazetteer", detail: "\(g.list): \(g.surface) → \(g.canonical)"),
                                      canonical: g.canonical))
                if i + 1 < segs.count, segs[i + 1].title != nil || segs[i + 1].gazetteer != nil { rolePrefix.append(i) }
                else { rolePrefix.removeAll() }
                i += 1
            case .title(let kind):
                let titleText = t.text(seg.tokens)
                // the name after the title (a name segment, or a given-name place: `Queen Victoria`)
                guard i + 1 < segs.count else { i += 1; continue }
                let next = segs[i + 1]
                var nameRange: Range<Int>? = nil
                if next.isName { nameRange = next.tokens }
                else if let g = next.gazetteer, g.label != .org, next.tokens.count == 1,
                        lex.lists.givenNames.contains(t.words[next.tokens.lowerBound]) || g.label == .gpe && names.isNameWord(next.tokens.lowerBound) && kind == .honorific {
                    nameRange = next.tokens
                }
                // titles that are also ordinary words (`General Workers`) need a real name after them
                if let nr = nameRange, TitleRules.ambiguousTitles.contains(t.lower(seg.tokens.upperBound - 1)),
                   nr.allSatisfy({ names.isCommon($0) }), !lex.lists.givenNames.contains(t.words[nr.lowerBound]) {
                    nameRange = nil
                }
                guard let nr = nameRange, nr.allSatisfy({ names.isNameWord($0) }) else {
                    rolePrefix.removeAll(); i += 1; continue
                }
                var fact: RoleFact? = nil
                if kind == .role {
                    var parts: [String] = []
                    var body: String? = nil
                    let roleStart = rolePrefix.first.map { segs[$0].tokens.lowerBound } ?? seg.tokens.lowerBound
                    if let m = preModifier, roleStart == segs[0].tokens.lowerBound {
                        parts.append(m)
                    }
                    for p in rolePrefix {
                        parts.append(t.text(segs[p].tokens))
                        if let g = segs[p].gazetteer, g.label != .norp || body == nil { body = g.canonical }
                    }
                    parts.append(titleText)
                    var role = parts.joined(separator: " ")
                    // `President Vladimir Putin of Russia`
                    if i + 3 < segs.count, segs[i + 2].isConnector, let g = segs[i + 3].gazetteer {
                        role += " of " + g.surface
                        body = body ?? g.canonical
                    }
                    fact = RoleFact(role: role, body: body,
                                    evidence: Evidence(rule: "title", detail: "title ‘\(titleText)’ before the name"))
                }
                let titledStart = rolePrefix.first.map { segs[$0].tokens.lowerBound } ?? seg.tokens.lowerBound
                var m = RawMention(tokens: nr, label: .person,
                                   evidence: Evidence(rule: kind == .role ? "title+name" : "honorific+name",
                                                      detail: "after ‘\(titleText)’ (titles.tsv)"))
                m.role = fact
                m.titledForm = t.text(titledStart..<nr.upperBound)
                m.female = TitleRules.femaleHonorifics.contains(t.lower(seg.tokens.lowerBound))
                m.male = TitleRules.maleHonorifics.contains(t.lower(seg.tokens.lowerBound))
                out.append(m)
                rolePrefix.removeAll()
                i += 2
            case .name:
                rolePrefix.removeAll()
                let r = seg.tokens
                // `Ministry of Defence`, `Treaty of Rome`, `Gulf of Mexico`: head word, `of`, name
                if i + 2 < segs.count, segs[i + 1].isConnector, let (label, rule) = names.headType(r.upperBound - 1) {
                    // Y runs on over the names and places right after it: `Confederation of British Industry`
                    var last = i + 2
                    while last + 1 < segs.count, segs[last + 1].tokens.lowerBound == segs[last].tokens.upperBound,
                          segs[last + 1].isName || segs[last + 1].gazetteer != nil { last += 1 }
                    let end = segs[last].tokens.upperBound
                    out.append(RawMention(tokens: r.lowerBound..<end, label: label,
                                          evidence: Evidence(rule: rule, detail: "‘\(t.words[r.upperBound - 1]) of …’ (name-rules.tsv)")))
                    i = last + 1
                    continue
                }
                switch names.classify(r) {
                case .typed(let label, let range, let ev):
                    out.append(RawMention(tokens: range, label: label, evidence: ev))
                case .person(let range, let ev):
                    var m = RawMention(tokens: range, label: .person, evidence: ev)
                    if i == 0 { m.role = roleNounFact }
                    out.append(m)
                case .weak(let w):
                    if i == 0, let f = roleNounFact, names.isNameWord(w) {
                        var m = RawMention(tokens: w..<(w + 1), label: .person, evidence: f.evidence)
                        m.role = f
                        out.append(m)
                    } else {
                        out.append(RawMention(tokens: w..<(w + 1), label: .person,
                                              evidence: Evidence(rule: "weak", detail: "lone capitalised word"), weak: true))
                    }
                case .none:
                    break
                }
                i += 1
            }
        }
    }

    /// Decides the weak lone words (a sentence-initial ordinary word, or a lone capitalised word):
    /// kept when the document names a person with it as a surname, when the same word is an entity
    /// mid-sentence elsewhere in the document (`Apple said …` beside `shares in Apple`), when a speech
    /// verb follows it, or when it is capitalised mid-sentence again and again and never written in
    /// lower case (`Qantas`, `Monsanto`); dropped otherwise.
    func resolveWeak(_ t: TokenText, _ raw: inout [RawMention]) {
        guard raw.contains(where: { $0.weak }) else { return }
        // mentions are read and changed in place (`raw[k]`): copying one out retains each of its strings
        let lex = Lexicon.shared
        // byte tables of indices rather than dictionaries: no seeded hashing of each word
        var surnames = ByteTable<Int>(capacity: 16), fullNames: [String] = [] // surname → last full name
        var typed = ByteTable<Int>(capacity: 16), typedMentions: [RawMention] = [] // one-word names found by a rule, by text
        for k in raw.indices where !raw[k].weak {
            let tokens = raw[k].tokens
            if raw[k].label == .person && tokens.count >= 2 {
                let n = fullNames.count
                fullNames.append(t.text(tokens))
                surnames.update(t.bare(tokens.upperBound - 1), default: n) { $0 = n }
            } else if tokens.count == 1, t.isCap(tokens.lowerBound), !typed.contains(t.words[tokens.lowerBound]),
                      !raw[k].label.isValue {
                typed.insert(t.words[tokens.lowerBound], typedMentions.count)
                typedMentions.append(raw[k])
            }
        }
        var weakWords = Set<String>()
        for k in raw.indices where raw[k].weak { weakWords.insert(t.words[raw[k].tokens.lowerBound]) }
        let usage = WordUsage(t, weakWords)
        // Words a speech verb follows somewhere: all their lone mentions are the same person,
        // so a word is never a PERSON in one sentence and an ORG in the next.
        var speakers = ByteTable<Int>(capacity: 16) // word → the token of the first speech verb after it
        for k in raw.indices where raw[k].weak {
            let i = raw[k].tokens.lowerBound
            guard i + 1 < t.sentenceEnd[i], Appositions.speechVerbs.contains(t.words[i + 1]), t.tokens[i].has(Token.capitalized),
                  !lex.lists.commonWords.contains(t.lower(i)), t.info[i].gazetteerFirst == 0, t.bare(i).count > 2 else { continue }
            speakers.insert(t.words[i], i + 1) // (the first one wins)
        }
        var kept = 0
        for k in raw.indices {
            defer { kept += 1 }
            guard raw[k].weak else {
                if kept != k { raw.swapAt(kept, k) }
                continue
            }
            let tokens = raw[k].tokens
            let i = tokens.lowerBound
            let w = t.bare(i)
            let word = t.words[i]
            let next = i + 1 < t.sentenceEnd[i] ? t.words[i + 1] : ""
            let opener = raw[k].evidence.rule == "weak" && raw[k].evidence.detail == RawMention.openerDetail
            let (midCaps, lowerCase) = usage.counts(word)
            let common = lex.lists.commonWords.contains(t.lower(i))
            if let full = surnames[w].map({ fullNames[$0] }) {
                raw[k].weak = false
                raw[k].evidence = Evidence(rule: "surname", detail: "‘\(w)’ is the surname of ‘\(full)’ named in the document")
            } else if let other = typed[word].map({ typedMentions[$0] }) {
                raw[k] = RawMention(tokens: tokens, label: other.label,
                                    evidence: Evidence(rule: "same-document", detail: "‘\(word)’ is \(other.label.rawValue) elsewhere in the document (\(other.evidence.rule))"),
                                    canonical: other.canonical)
            } else if opener, let g = lex.lists.gazetteer[word], Appositions.speechVerbs.contains(next) {
                raw[k] = RawMention(tokens: tokens, label: g.label,
                                    evidence: Evidence(rule: "gazetteer", detail: "\(g.list): \(g.surface) → \(g.canonical), before ‘\(next)’"),
                                    canonical: g.canonical)
            } else if lowerCase == 0, midCaps >= (common ? 3 : 2), !lex.lists.notNames.contains(word), w.count > 1,
                      lex.lists.titles[t.lower(i)] == nil, !DateRules.months.contains(word), !isContraction(word) {
                // a name repeated with no full name is mostly a firm, club or band; people come with given names
                let label: EntityLabel = NameClassifier.productNouns.contains(next) ? .product
                    : lex.lists.givenNames.contains(word) || hasSurnamePrefix(word) ? .person : .org
                raw[k] = RawMention(tokens: tokens, label: label,
                                    evidence: Evidence(rule: "repeated", detail: "‘\(word)’ capitalised mid-sentence \(midCaps) times in the document, never in lower case"))
            } else if let verb = speakers[word].map({ t.words[$0] }) {
                raw[k].weak = false
                raw[k].evidence = Evidence(rule: "speech-verb", detail: "‘\(word)’ followed by ‘\(verb)’ in the document")
            } else if NameClassifier.productNouns.contains(next), t.tokens[i].has(Token.capitalized), !common || !opener {
                raw[k] = RawMention(tokens: tokens, label: .product, evidence: Evidence(rule: "product-noun", detail: "followed by ‘\(next)’"))
            } else {
                kept -= 1 // dropped: a lone capitalised word with nothing for it
                continue
            }
            if kept != k { raw.swapAt(kept, k) }
        }
        raw.removeSubrange(kept...)
    }
}
