/// Resolves a speaker as written to an entity of the merged corpus: names through the entity
/// layer's mentions, pronouns to the nearest compatible antecedent, descriptions (`the US president`,
/// `the Russian leader`, `the committee`) by role, body and name words, and a country's "side" or
/// "readout" to its government body.
struct SpeakerResolver {
    let analysis: CorpusAnalysis
    let lists: QuoteLists
    let sources: SourceRules
    /// For each document, the organisation it names most often (`mainOrganisation`).
    let mainOrganisations: [Int?]

    init(_ analysis: CorpusAnalysis, lists: QuoteLists = .shared) {
        self.analysis = analysis
        self.lists = lists
        sources = SourceRules(lists: lists)
        mainOrganisations = SpeakerResolver.mainOrganisations(analysis)
    }

    /// A resolved speaker: the canonical name, its entity if any, its source and the steps.
    struct Resolution {
        var name: String?
        var entity: Int?
        var source: String?
        var steps: [Evidence] = []
        var method: SpeakerMethod = .name

        /// The speaker kept as written, `text` itself, no entity: the one step says why
        /// (`‘text’: why`) under `rule`.
        static func written(_ text: String, _ why: String, rule: String = "description") -> Resolution {
            Resolution(name: text, entity: nil, source: nil, steps: [Evidence(rule: rule, detail: "‘\(text)’: \(why)")], method: .description)
        }
    }

    enum Gender { case male, female, unknown }

    /// How many mentions before (and after) a speaker a description or pronoun looks at: more than
    /// a news article holds, and a bound that keeps one very long document linear.
    static let mentionWindow = 1_000

    /// Resolves the phrase at `range` (words `words`) in document `d`; `quoted` are byte ranges of
    /// quoted words, whose mentions are not antecedents.
    /// `pronounContext`: for a lone pronoun, its sentence up to it and the sentence before;
    /// `recentSpeaker`: the entity a quote attributed there resolved to, if any; `content`: the
    /// statement's own words, whose mentions are not antecedents either.
    func resolve(doc d: Int, range: TextRange, words: [String], quoted: RangeCover,
                 pronounContext: (sentence: TextRange, previous: TextRange)? = nil, recentSpeaker: Int? = nil,
                 content: TextRange? = nil) -> Resolution {
        let da = analysis.documents[d]
        let inside = mentions(d, in: range)
        // pronouns
        if words.count == 1, let w = words.first, SpeakerPhrase.pronouns.contains(w) {
            let wanted: Set<EntityLabel> = w == "he" || w == "she" ? [.person] : w == "it" ? [.org, .gpe] : w == "they" ? [.org] : []
            // a place is `it` only when quoted just before (`Russia said …. It added …`), never the nearest place named
            let nearestWanted: Set<EntityLabel> = w == "it" ? [.org] : wanted
            guard !wanted.isEmpty else { return Resolution(steps: [Evidence(rule: "unresolved", detail: "‘\(w)’ is not resolved")]) }
            // nor is anyone named in the statement itself (`Mr Blair's government was "bossy," he
            // added`: whoever speaks of Mr Blair by name is not Mr Blair)
            // nor whom the pronoun's own cue addresses (`"…," he told Hannity`)
            var hearers = Set<Int>()
            if w == "he" || w == "she" {
                var k = mentionIndex(d, before: range.end)
                while k < da.mentions.count, da.mentions[k].range.start < range.end + 40 {
                    if da.mentions[k].label == .person, SpeakerResolver.isHearer(da.mentions[k].range, in: da.document) {
                        hearers.insert(da.mentionEntity[k])
                    }
                    k += 1
                }
            }
            func fits(_ m: Int) -> Bool {
                wanted.contains(da.mentions[m].label) && !quoted.contains(da.mentions[m].range)
                    && !hearers.contains(da.mentionEntity[m])
                    && !(content?.contains(da.mentions[m].range) ?? false)
                    && (w == "he" || w == "she" || !SpeakerResolver.isHearer(da.mentions[m].range, in: da.document))
                    && compatible(w, gender(analysis.entities[da.mentionEntity[m]]))
            }
            let kind = w == "he" ? "man or person" : w == "she" ? "woman or person" : w == "they" ? "organisation" : "organisation or place"
            var nearest: Int? = nil
            var m = mentionIndex(d, before: range.start) - 1
            let floor = m - SpeakerResolver.mentionWindow
            // in its own sentence, a person named after a preposition or a verb is an object, not who `he` is
            // (`At a conference hosted by Gordon Brown, he said …`, `After meeting Mr Smith, he said …`)
            let own = pronounContext?.sentence.start ?? range.start
            while m >= 0, m > floor {
                if fits(m), nearestWanted.contains(da.mentions[m].label),
                   da.mentions[m].range.start < own || (w != "he" && w != "she") || !SpeakerResolver.isObject(da.mentions[m].range, in: da.document) {
                    nearest = m
                    break
                }
                m -= 1
            }
            // nothing for it earlier in its own sentence: whoever the sentence before quoted (`…,
            // Lord Rennard said. He said …`), else its subject (first fitting mention), not whoever it
            // named last (`Michael Howard accused the prime minister and Mr Brown … He told Sky News: …`)
            if let context = pronounContext, nearest.map({ da.mentions[$0].range.start < context.sentence.start }) ?? true {
                if let id = recentSpeaker, analysis.entities.indices.contains(id), case let e = analysis.entities[id],
                   wanted.contains(e.label), compatible(w, gender(e)), !hearers.contains(id) {
                    return finish(e, [Evidence(rule: "pronoun", detail: "‘\(w)’ → the \(kind) quoted in the sentence before (\(e.name))")], .pronoun)
                }
                // `The prime minister ratcheted up … He insisted …`: the sentence before opens with a
                // person described, not named; the one the description names, never a name further on
                if w == "he" || w == "she", let r = describedSubject(d, context.previous),
                   r.entity.map({ analysis.entities.indices.contains($0) && compatible(w, gender(analysis.entities[$0])) }) ?? true {
                    var out = r
                    out.method = .pronoun
                    out.steps = [Evidence(rule: "pronoun", detail: "‘\(w)’ → the subject of the sentence before, described: \(r.steps.first?.detail ?? "")")]
                    return out
                }
                // `A study in 2000, which was commissioned by … Scottish Borders Enterprise, found …. It
                // also found …`: a document the sentence before opens with is `it`, never a body named in it
                if w == "it", var r = describedDocument(d, context.previous) {
                    r.method = .pronoun
                    r.steps = [Evidence(rule: "pronoun", detail: "‘it’ → the document the sentence before opens with: ‘\(r.name ?? "")’")]
                    return r
                }
                // (for `he` or `she` a person after a preposition is no subject: `… he lends his thoughts to
                // Mr. Trump`; and whom a person asked answers: `Hannity asked Trump how high …`)
                let person = w == "he" || w == "she"
                if w != "they", var first = mentions(d, in: context.previous).first(where: {
                       fits($0) && nearestWanted.contains(da.mentions[$0].label) && !(person && SpeakerResolver.isObject(da.mentions[$0].range, in: da.document))
                   }), first != nearest {
                    if person, let asked = answerer(d, after: first), fits(asked) { first = asked }
                    let e = analysis.entities[da.mentionEntity[first]]
                    return finish(e, [Evidence(rule: "pronoun", detail: "‘\(w)’ → first \(kind) of the sentence before ‘\(da.document.string(da.mentions[first].range))’ (\(e.name))")], .pronoun)
                }
            }
            // `they` names an organisation only through the sentence before: councils, officials and
            // voters are plural nouns no entity holds, so the nearest body named earlier is a guess
            if let m = nearest, w != "they" || pronounContext == nil || da.mentions[m].range.start >= pronounContext!.previous.start {
                let e = analysis.entities[da.mentionEntity[m]]
                return finish(e, [Evidence(rule: "pronoun", detail: "‘\(w)’ → nearest preceding \(kind) ‘\(da.document.string(da.mentions[m].range))’ (\(e.name))")], .pronoun)
            }
            return Resolution(steps: [Evidence(rule: "unresolved", detail: "no antecedent for ‘\(w)’")])
        }
        // a country's side, readout, government → its government body (convention); never a person
        // named with it (`former British government minister Michael Heseltine`)
        if words.contains(where: { lists.sideWords.contains($0) }), !inside.contains(where: { da.mentions[$0].label == .person }),
           let country = country(d, inside, words),
           let g = lists.government[country] {
            var r = Resolution(name: g, entity: analysis.entity(named: g)?.id, source: g)
            r.method = .government
            r.steps = [Evidence(rule: "government-side", detail: "‘\(words.joined(separator: " "))’: \(country)’s government → ‘\(g)’ (convention, speaker-descriptions.tsv)")]
            return r
        }
        let people = inside.filter { da.mentions[$0].label == .person }
        // `Princes William and Harry said`, `Chancellor Gerhard Schroeder and Prime Minister Silvio
        // Berlusconi voiced …`: people joined by `and` speak together, as written, never as the last one named
        // (bodies too: `Munich Re and Swiss Re said`)
        if let first = people.first ?? inside.first(where: { da.mentions[$0].label == .org }),
           let r = together(da.document, range, after: da.mentions[first].range,
                                                      names: inside.map { da.mentions[$0].range }) { return r }
        // a description: a lower-case head noun, or a person noun before `for`/`of` (`a spokesman for Downing Street`)
        // (or `at`: `the former chief financial officer at US telecoms firm WorldCom` is no firm)
        let personBeforePP = words.firstIndex(where: { $0 == "for" || $0 == "of" || $0 == "at" }).map { $0 > 0 && lists.personNouns.contains(words[$0 - 1]) } ?? false
        if people.isEmpty, lastWordIsLowerCase(d, range) || personBeforePP, let r = describe(d, range, words, inside) { return r }
        // `The MP for Sittingbourne and Sheppey`, `a spokesman for Tony Blair`: the names after `for`/`of`
        // say whom the speaker serves, never who spoke
        if personBeforePP, !people.isEmpty, SpeakerPhrase.determiners.contains(words[0]), let r = asWritten(d, range, words, []) { return r }
        // `Unions for Deutsche Boerse staff`, `workers at the plant`: a group before `for`/`at`/`of`
        // speaks as written, never as the body named after it
        if words.count > 2, lists.groupNouns.contains(words[0]), ["for", "at", "of", "from"].contains(words[1]),
           var r = asWritten(d, range, words, []) {
            // (the body named is the one they speak for, as for `a spokesman for …`)
            if let o = inside.first(where: { da.mentions[$0].label == .org }) { r.source = analysis.entities[da.mentionEntity[o]].name }
            return r
        }
        // someone described by a body, a party, a place or another person, not that name itself:
        // `a Labour backbencher`, `Mr Blair's official spokesman`, `Conservative Brian Monteith MSP`
        if let r = describedBy(d, range, inside, people) { return r }
        // a name: the person named, else the organisation, else the place
        for labels in [[EntityLabel.person], [.org, .fac], [.gpe], [.norp]] {
            // a person named after `of`, `at`, `for` is whom the speaker works for or with (`Brian
            // Taylor of Wells Fargo`, a bank taken for a name): the one before it speaks
            let named = inside.filter { labels.contains(da.mentions[$0].label) }
            let subjects = labels == [.person] ? named.filter { !SpeakerResolver.isObject(da.mentions[$0].range, in: da.document) } : named
            if let m = subjects.last ?? named.last {
                // a place or nationality speaks only when it is the whole phrase (`Scotland`, `the
                // French`), never for someone described by it (`the Archbishop of Cardiff`)
                if labels == [.gpe] || labels == [.norp], !isWholePhrase(da.mentions[m].range, range, da.document) { break }
                // `Brown's Britain, by Robert Peston, says …`: a person who owns what the phrase names
                // (a book, a plan) is not who speaks; the phrase is, as written
                if labels == [.person], SpeakerResolver.isPossessive(da.document.string(TextRange(da.mentions[m].range.end, range.end))),
                   let r = asWritten(d, range, words, []) { return r }
                let e = analysis.entities[da.mentionEntity[m]]
                var r = finish(e, [Evidence(rule: "name", detail: "‘\(da.document.string(da.mentions[m].range))’ → entity ‘\(e.name)’ (\(e.label.rawValue))")])
                // a group named by a nationality or party (`Republicans`, `Mexicans`) speaks as written,
                // never as the adjective the entity is named by (`Republican`, `Mexican`)
                if labels == [.norp], case let written = da.document.string(da.mentions[m].range), written != e.name {
                    r.name = written
                    r.steps.append(Evidence(rule: "group", detail: "‘\(written)’: the group as written"))
                }
                // a person with no body of their own speaks for the organisation named with them
                // (`analyst Alex Potter at Lehman Brothers`, `Nigel McCune from the Musicians' Union`)
                if e.label == .person, r.source == nil, let o = inside.last(where: { da.mentions[$0].label == .org }) {
                    let org = analysis.entities[da.mentionEntity[o]]
                    r.source = org.name
                    r.steps.append(Evidence(rule: "source", detail: "‘\(org.name)’ is named with the speaker"))
                }
                return r
            }
        }
        if let r = asWritten(d, range, words, inside) { return r }
        return Resolution(steps: [Evidence(rule: "unresolved", detail: "‘\(da.document.string(range))’ names no known entity")])
    }

    /// Whether the mention at `r` is told something (`he told the BBC`, `told Reuters`): a hearer,
    /// never who `it` or `they` is later.
    static func isHearer(_ r: TextRange, in doc: Document) -> Bool {
        ["told", "tell", "tells", "telling"].contains(wordBefore(mention: r, skipping: ["the"], in: doc))
    }

    /// Words that make a role another office than the one a description names.
    static let ranks: Set<String> = ["deputy", "shadow", "vice", "assistant", "junior", "under", "acting"]

    /// Words after which a name is an object (of a preposition or a verb), not a subject.
    static let objectMarkers: Set<String> = ["by", "with", "to", "for", "from", "of", "at", "on", "in", "into", "about",
                                             "against", "than", "like", "meeting", "met", "visiting", "visited", "hosted",
                                             "under", "alongside", "beside", "behind", "told", "telling", "thanked", "praised"]

    /// Whether the mention at `r` stands after a preposition or a verb (`hosted by Gordon Brown`).
    static func isObject(_ r: TextRange, in doc: Document) -> Bool {
        objectMarkers.contains(wordBefore(mention: r, skipping: ["the", "mr", "mrs", "ms", "dr"], in: doc))
    }

    /// The word before the mention at `r`, lower-cased, past one word of `skipping` (`the`, `Mr`).
    static func wordBefore(mention r: TextRange, skipping: Set<String>, in doc: Document) -> String {
        var (w, s) = wordBefore(r.start, in: doc)
        // `Mr. Trump`: the period of an abbreviation skipped
        if w.isEmpty {
            var e = r.start
            while e > 0, doc.bytes[e - 1] == 0x20 { e -= 1 }
            if e > 0, doc.bytes[e - 1] == 0x2E { (w, s) = wordBefore(e - 1, in: doc) }
            guard skipping.contains(w) else { return "" }
        }
        return skipping.contains(w) ? wordBefore(s, in: doc).0 : w
    }

    /// The ASCII word ending just before byte `end` (spaces skipped), lower-cased, and where it starts.
    static func wordBefore(_ end: Int, in doc: Document) -> (String, Int) {
        let b = doc.bytes
        var e = end
        while e > 0, b[e - 1] == 0x20 || b[e - 1] == 0x0A { e -= 1 }
        var s = e
        while s > 0, s > e - 12, (b[s - 1] | 0x20) >= 0x61 && (b[s - 1] | 0x20) <= 0x7A { s -= 1 }
        return (String(decoding: b[s..<e], as: UTF8.self).fastLowercased(), s)
    }

    /// Whether the text after a name makes it a possessor (`'s `, `’s `, `' `, `’ `): `Mr Blair's
    /// official spokesman`, `Brown's Britain`.
    static func isPossessive(_ tail: String) -> Bool {
        tail.hasPrefix("'s ") || tail.hasPrefix("’s ") || tail.hasPrefix("' ") || tail.hasPrefix("’ ")
    }

    /// Whether `mention` is all of the phrase at `range` but a leading `the`.
    private func isWholePhrase(_ mention: TextRange, _ range: TextRange, _ doc: Document) -> Bool {
        guard mention.end >= range.end else { return false }
        if mention.start <= range.start { return true }
        return doc.string(TextRange(range.start, mention.start)).trimmingSpaces.fastLowercased() == "the"
    }

    /// Whether a description names one person (`the MP for Sittingbourne`, `a Labour backbencher`):
    /// its head, or the word before `for`/`of`, is a singular person noun.
    func isPersonDescription(_ words: [String]) -> Bool {
        guard !words.isEmpty else { return false }
        return lists.personNouns.contains(words[SpeakerResolver.headIndex(words)])
    }

    /// Prepositions that end a description's head (`a spokesman for the firm`).
    static let headPrepositions: Set<String> = ["for", "of", "at"]
    /// The same, and those that end a head kept as written (`a study by the university`).
    static let writtenHeadPrepositions = headPrepositions.union(["by", "from", "in"])

    /// The index of a description's head noun: the last word, or the word before the first of
    /// `prepositions` (`a spokesman for the firm` → `spokesman`). `words` is not empty.
    static func headIndex(_ words: [String], before prepositions: Set<String> = headPrepositions) -> Int {
        if let p = words.firstIndex(where: { prepositions.contains($0) }), p > 0 { return p - 1 }
        return words.count - 1
    }

    /// The person a sentence opens with when it describes rather than names them (`The prime
    /// minister ratcheted up …`, `But the chancellor said …`), resolved as a description; nil when
    /// it opens otherwise or the description names no one.
    private func describedSubject(_ d: Int, _ sentence: TextRange) -> Resolution? {
        let doc = analysis.documents[d].document
        let head = doc.string(TextRange(sentence.start, min(sentence.end, sentence.start + 80)))
        var raw = head.split(separator: " ").prefix(7).map(String.init)
        var offset = 0 // bytes of the lead words dropped
        while let first = raw.first, case let w = first.fastLowercased(),
              SpeakerPhrase.leaders.contains(w.hasSuffix(",") ? String(w.dropLast()) : w) {
            offset += first.utf8.count + 1
            raw.removeFirst()
        }
        let words = raw.map { $0.fastLowercased() }
        // `the` and up to two lower-case words, then a person noun and no `of`/`for` after it
        // (`The Tory leader Michael Howard` names him; the names rule has him)
        // (a party or body may qualify it: `The Tory leader will argue …`)
        guard words.first == "the", let h = words.indices.dropFirst().first(where: { lists.personNouns.contains(words[$0]) }),
              h <= 3, h + 1 < words.count, words[h + 1] != "of", words[h + 1] != "for",
              raw[h].first?.isLowercase ?? false,
              !(raw[h + 1].first?.isUppercase ?? false) else { return nil }
        let description = Array(words[...h])
        let start = sentence.start + offset
        let range = TextRange(start, start + description.joined(separator: " ").utf8.count)
        let inside = mentions(d, in: range)
        if let r = describe(d, range, description, inside), r.entity != nil { return r }
        // no one named holds it: the description as written, never a name further on, when the
        // sentence goes on with its verb (`The attorney general …` is a longer title)
        guard !inside.contains(where: { analysis.documents[d].mentions[$0].label == .person }),
              let next = POSLexicon.shared.tag(words[h + 1]), [.verb, .aux, .adv].contains(next.pos) else { return nil }
        let text = analysis.documents[d].document.string(range)
        return Resolution.written(text, "no one named in the document holds it, kept as written")
    }

    private func finish(_ e: Entity, _ steps: [Evidence], _ method: SpeakerMethod = .name) -> Resolution {
        let (src, ev) = sources.source(of: e)
        return Resolution(name: e.name, entity: e.id, source: src, steps: steps + (ev.map { [$0] } ?? []), method: method)
    }

    /// The phrase as written when the names inside it only describe the speaker: a lower-case head
    /// after them (`a Labour backbencher`, `Mr Blair's official spokesman`: never Labour, never Blair),
    /// or, with no person found, capitalised words beyond a party or place (`Conservative Brian Monteith MSP`).
    private func describedBy(_ d: Int, _ range: TextRange, _ inside: [Int], _ people: [Int]) -> Resolution? {
        let da = analysis.documents[d]
        let lowerHead = lastWordIsLowerCase(d, range)
        guard people.isEmpty || lowerHead else { return nil }
        // names only: dates, numbers and ordinals (`first minister`) describe nobody
        let inside = inside.filter {
            switch da.mentions[$0].label {
            case .person, .org, .gpe, .norp, .fac, .loc: return true
            default: return false
            }
        }
        // a name that ends the phrase (`the White House`) is the speaker itself
        guard let last = inside.last, da.mentions[last].range.end < range.end else { return nil }
        let doc = da.document
        let tail = doc.string(TextRange(da.mentions[last].range.end, range.end)).trimmingSpaces
        let possessed = SpeakerResolver.isPossessive(tail)
        var body: Int? = nil
        if people.isEmpty {
            // `the Reuters news outlet`, `the Labour party`: the head names the body itself
            let head = (doc.string(range).split(separator: " ").last.map { String($0).fastLowercased() }) ?? ""
            guard !lists.orgNouns.contains(head), !lists.newsWords.contains(head), !SourceWords.bodyHeads.contains(head) else { return nil }
            let onlyBodies = inside.allSatisfy { [.org, .gpe, .norp, .fac].contains(da.mentions[$0].label) }
            guard onlyBodies, !tail.isEmpty, lowerHead || tail.split(separator: " ").contains(where: { $0.first?.isUppercase ?? false }) else { return nil }
            // the body spoken for is an organisation named with the speaker, never a place
            body = inside.last(where: { da.mentions[$0].label == .org })
        } else {
            guard lowerHead, possessed, people.last == last else { return nil }
        }
        let text = doc.string(range)
        var r = Resolution.written(text, "the names in it describe the speaker, who is kept as written")
        if let b = body {
            let e = analysis.entities[da.mentionEntity[b]]
            r.source = sources.source(of: e).0 ?? e.name
            r.steps.append(Evidence(rule: "source", detail: "‘\(e.name)’ is named with the speaker"))
        }
        return r
    }

    enum SourceWords {
        /// Heads that name a body, not a person in it (`the Reuters news outlet`, `the Tory campaign`).
        static let bodyHeads: Set<String> = ["outlet", "newspaper", "paper", "channel", "network", "broadcaster", "agency",
                                             "campaign", "administration", "office", "side", "delegation", "team", "camp",
                                             "press", "media", "website", "magazine", "station", "service"]
    }

    /// A speaker that is no entity but is sure as written: a description whose head is a person,
    /// group or organisation noun (`experts`, `the union`, `a senior administration official`), or a
    /// name of two or more capitalised words that the entity layer did not find (`Zero Hedge`).
    /// The speaker is then the phrase itself, not a guess at who it is.
    private func asWritten(_ d: Int, _ range: TextRange, _ words: [String], _ inside: [Int]) -> Resolution? {
        guard !words.isEmpty, words.count <= 8, !words.contains(where: { SpeakerPhrase.pronouns.contains($0) }) else { return nil }
        let text = analysis.documents[d].document.string(range)
        let head = words[SpeakerResolver.headIndex(words, before: SpeakerResolver.writtenHeadPrepositions)]
        if lists.personNouns.contains(head) || lists.orgNouns.contains(head) || lists.groupNouns.contains(head) {
            return Resolution.written(text, "a description (head ‘\(head)’, speaker-descriptions.tsv), kept as written")
        }
        // a name: every word capitalised (initials and `II` allowed), at least two of them
        let caps = text.split(separator: " ")
        if caps.count >= 2, inside.isEmpty, caps.allSatisfy({ $0.first.map { $0.isUppercase } ?? false }),
           !SpeakerPhrase.determiners.contains(words[0]) {
            return Resolution.written(text, "a name no entity holds, kept as written")
        }
        // any other noun phrase the rules took as the subject of a cue (`the ruling`, `Politifact`,
        // `63 percent`, `Voting rights advocates`): it opens with a determiner, number, adjective or
        // noun and ends with a noun or a name, so it is what the text says spoke
        guard isNounPhrase(words, caps) else { return nil }
        return Resolution.written(text, "a noun phrase no entity holds, kept as written")
    }

    /// Words that make a phrase a circumstance of time, never a speaker (`a day after Washington`).
    static let circumstanceWords: Set<String> = ["after", "before", "since", "until", "during", "ago", "when"]

    /// Whether `words` (lower case; `written` as in the text) read as a noun phrase: the first word
    /// is no preposition, adverb, verb or conjunction, and the last is a noun, a number or a name.
    private func isNounPhrase(_ words: [String], _ written: [Substring]) -> Bool {
        guard let first = words.first, let last = words.last, written.count == words.count else { return false }
        // a circumstance, not a speaker: `a day after Washington`
        if words.contains(where: { SpeakerResolver.circumstanceWords.contains($0) }) { return false }
        let lastCap = written.last?.first?.isUppercase ?? false
        // a possessive determiner opens a description (`my father`, `their lawyer`)
        let opensWithDeterminer = words.count > 1 && SpeakerPhrase.determiners.contains(first)
        if !opensWithDeterminer, let p = POSLexicon.shared.tag(first), !(written.first?.first?.isUppercase ?? false) || words.count > 1 {
            switch p.pos {
            case .adp, .adv, .verb, .aux, .cconj, .sconj, .pron, .part, .intj: if p.share > 0.5 { return false }
            default: break
            }
        }
        guard let lp = POSLexicon.shared.tag(last) else { return true } // a rare word: a name or a noun
        switch lp.pos {
        case .noun, .propn, .num: return true
        case .adj, .verb: return lastCap && lp.share < 0.9
        default: return false
        }
    }

    // MARK: - Descriptions

    /// `the US president`, `the Russian leader`, `a spokesman for Downing Street`, `the committee`.
    private func describe(_ d: Int, _ range: TextRange, _ words: [String], _ inside: [Int]) -> Resolution? {
        let da = analysis.documents[d]
        // the head noun: the last word, or the word before `of`/`for` (`a spokesman for the firm`)
        let headIndex = SpeakerResolver.headIndex(words)
        let head = words[headIndex]
        let head2 = headIndex > 0 ? words[headIndex - 1] + " " + head : head
        let isPerson = lists.personNouns.contains(head) || lists.personNouns.contains(head2)
        // the body: an organisation before a place (`a spokeswoman for the SEC's Boston office`)
        if isPerson, headIndex < words.count - 1,
           let m = inside.last(where: { da.mentions[$0].label == .org }) ?? inside.last(where: { [.gpe, .fac].contains(da.mentions[$0].label) }) {
            // `a spokesman for Downing Street`: an unnamed person speaking for a body
            let e = analysis.entities[da.mentionEntity[m]]
            let (src, _) = sources.source(of: e)
            // the speaker is the description as written; the body is its source
            return Resolution(name: da.document.string(range), entity: nil, source: src ?? e.name,
                              steps: [Evidence(rule: "unnamed-spokesperson", detail: "‘\(words.joined(separator: " "))’ speaks for ‘\(e.name)’")],
                              method: .description)
        }
        if isPerson {
            let country = self.country(d, inside, words)
            let parties = SpeakerResolver.parties(in: words)
            let leader = head == "leader"
            // the capitalised words after the head's preposition (`at Global Insight`), lower-cased
            let written = da.document.string(range).split(separator: " ")
            let named: String? = headIndex + 2 < words.count && written.count == words.count
                && SpeakerResolver.headPrepositions.contains(words[headIndex + 1])
                && written[(headIndex + 2)...].contains(where: { $0.first?.isUppercase ?? false })
                ? words[(headIndex + 2)...].filter { !SpeakerPhrase.determiners.contains($0) }.joined(separator: " ") : nil
            var best: (pos: Int, entity: Int, former: Bool)? = nil
            let before = mentionIndex(d, before: range.start)
            // holders within a window of mentions around the speaker: an article's worth, so that one
            // very long document costs time in proportion to its length
            let window = max(0, before - SpeakerResolver.mentionWindow)..<min(da.mentions.count, before + SpeakerResolver.mentionWindow)
            for m in window where da.mentions[m].label == .person {
                let e = analysis.entities[da.mentionEntity[m]]
                guard let role = e.role?.fastLowercased() else { continue }
                let fits = leader ? lists.headOfState.contains { role.fastContains($0) } || role.fastContains(head) : role.fastContains(head2) || role.fastContains(head)
                guard fits else { continue }
                // `the prime minister` is not the deputy prime minister, nor the shadow secretary the secretary
                let roleWords = role.split(whereSeparator: { $0 == " " || $0 == "-" })
                if roleWords.contains(where: { SpeakerResolver.ranks.contains(String($0)) && !words.contains(String($0)) }) { continue }
                if let c = country {
                    let aliases = [c.fastLowercased()] + lists.demonyms.filter { $0.value == c }.map(\.key)
                    let spaced = " " + role + " "
                    guard e.body == c || aliases.contains(where: { spaced.fastContains(" " + $0 + " ") }) else { continue }
                }
                // `the Tory leader` is no Lib Dem president, nor George Bush: a party named in the
                // description is named in the holder's role
                if !parties.isEmpty, SpeakerResolver.parties(in: roleWords.map(String.init)).isDisjoint(with: parties) { continue }
                // `economist at Global Insight`, `the MP for Ealing North`: a body or place named after
                // the head is in the holder's role
                if let named, !role.fastContains(named) { continue }
                let former = role.fastContains("former")
                // nearest preceding serving holder; following ones only when none precedes
                let score = (m < before ? 0 : 1_000_000) + (m < before ? before - m : m - before) + (former ? 2_000_000 : 0)
                if best == nil || score < best!.pos { best = (score, e.id, former) }
            }
            if let b = best {
                let e = analysis.entities[b.entity]
                return finish(e, [Evidence(rule: "description", detail: "‘\(words.joined(separator: " "))’ → ‘\(e.name)’, role ‘\(e.role ?? "")’\(country.map { " of \($0)" } ?? "")")], .title)
            }
            return nil
        }
        if lists.orgNouns.contains(head) {
            var m = mentionIndex(d, before: range.start) - 1
            let floor = m - SpeakerResolver.mentionWindow
            var fallback: Int? = nil
            while m >= 0, m > floor {
                let mention = da.mentions[m]
                if mention.label == .org {
                    let e = analysis.entities[da.mentionEntity[m]]
                    if e.name.fastLowercased().contains(head) {
                        // `ABN Amro … following Deutsche Bank …. ABN Amro's operations …. The bank said`: the body
                        // the article is about, named since, may be the one meant; then the description stays as written
                        if let f = fallback, case let other = da.mentionEntity[f], other != da.mentionEntity[m],
                           mainOrganisation(d) == other {
                            let text = da.document.string(range)
                            return Resolution.written(text, "‘\(e.name)’ is named ‘…\(head)…’ but ‘\(analysis.entities[da.mentionEntity[f]].name)’ was named since; kept as written")
                        }
                        return finish(e, [Evidence(rule: "description", detail: "‘\(words.joined(separator: " "))’ → nearest preceding organisation named ‘…\(head)…’: ‘\(e.name)’")], .title)
                    }
                    if fallback == nil { fallback = m }
                }
                m -= 1
            }
            if ["company", "firm", "group", "club", "bank"].contains(head), let f = fallback {
                let e = analysis.entities[da.mentionEntity[f]]
                return finish(e, [Evidence(rule: "description", detail: "‘\(words.joined(separator: " "))’ → nearest preceding organisation ‘\(e.name)’")], .title)
            }
        }
        return nil
    }

    /// The country a description names: a place mention inside it, or a demonym word.
    private func country(_ d: Int, _ inside: [Int], _ words: [String]) -> String? {
        let da = analysis.documents[d]
        if let m = inside.first(where: { da.mentions[$0].label == .gpe }) { return analysis.entities[da.mentionEntity[m]].name }
        for w in words { if let c = lists.demonyms[w] { return c } }
        return nil
    }

    private func lastWordIsLowerCase(_ d: Int, _ range: TextRange) -> Bool {
        let b = analysis.documents[d].document.bytes
        var i = range.end - 1
        while i > range.start, b[i] != 0x20 { i -= 1 }
        if b[i] == 0x20 { i += 1 }
        return i < range.end && b[i] >= 0x61 && b[i] <= 0x7A
    }

    // MARK: - Mentions and gender

    /// Index of the first mention of document `d` starting at or after `offset`.
    func mentionIndex(_ d: Int, before offset: Int) -> Int {
        analysis.documents[d].mentionIndex(startingAtOrAfter: offset)
    }

    /// Mentions of document `d` lying inside `range`.
    func mentions(_ d: Int, in range: TextRange) -> [Int] {
        analysis.documents[d].mentions(in: range)
    }

    /// A person's gender from honorifics, role words and given names; unknown when unsure.
    func gender(_ e: Entity) -> Gender {
        guard e.label == .person else { return .unknown }
        for a in e.aliases {
            if a.hasPrefix("Mr ") || a.hasPrefix("Mr. ") || a.hasPrefix("Sir ") || a.hasPrefix("Lord ") { return .male }
            if a.hasPrefix("Mrs ") || a.hasPrefix("Ms ") || a.hasPrefix("Miss ") || a.hasPrefix("Lady ") || a.hasPrefix("Dame ")
                || a.hasPrefix("Baroness ") { return .female }
        }
        let role = (e.role ?? "").fastLowercased()
        if role.fastContains("woman") || role.fastContains("queen") || role.fastContains("princess") || role.fastContains("actress") { return .female }
        if role.fastContains("spokesman") || role.fastContains("chairman") || role.fastContains("king") || role.fastContains("prince") { return .male }
        guard let first = e.name.split(separator: " ").first.map(String.init), e.name.fastContains(" ") else { return .unknown }
        if Lexicon.shared.lists.maleNames.contains(first) { return .male }
        if Lexicon.shared.lists.isWomansName(first) { return .female }
        return .unknown
    }

    func compatible(_ pronoun: String, _ g: Gender) -> Bool {
        switch pronoun {
        case "he": return g != .female
        case "she": return g != .male
        default: return true
        }
    }
}
