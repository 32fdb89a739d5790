/// An entity as seen inside one document, before merging across the corpus.
public struct LocalEntity: Hashable, Sendable {
    /// Best name in this document (`Joseph Biden`, `United States`).
    public var name: String
    /// Its type.
    public var label: EntityLabel
    /// Role from titles, role nouns or appositions (`White House Press Secretary`).
    public var role: String?
    /// The body the role belongs to (`White House`), for people.
    public var body: String?
    /// Surface forms seen (titled forms included), in first-seen order; `aliasCounts` holds their counts.
    public var aliases: [String]
    /// How often each of `aliases` was seen.
    public var aliasCounts: [Int]
    /// Indices of its mentions in `DocumentEntities.mentions`.
    public var mentions: [Int]
    /// Why it is an entity and why its mentions were merged.
    public var evidence: [Evidence]
    /// Key that merges it with same-named entities of other documents.
    public var key: String
    /// For a person named only by a single word in this document (`Howard`): that word.
    public var singleName: String?
    /// A single name a man is called by here (`Mr. Obama`): never merged with a woman's full name.
    public var male = false
}

/// The entity pass's result for one document.
public struct DocumentEntities: Sendable {
    /// Mentions in text order, non-overlapping.
    public var mentions: [Mention]
    /// For each mention, why it is one (rule and detail); empty when recognition was not asked for it.
    public var evidence: [Evidence]
    /// For each mention, the index of its entity in `entities`.
    public var mentionEntity: [Int]
    /// Entities of this document, in order of first mention.
    public var entities: [LocalEntity]
}

/// Counts steps of work, for tests that check how work grows with the input.
final class WorkCount {
    var steps = 0
}

/// Groups one document's mentions into entities: same canonical name, surname to the nearest
/// full name (`Mr Howard` → the closest `Michael Howard` or `John Howard`), acronyms to the name they abbreviate.
struct DocumentClusterer {
    let t: TokenText

    private struct Builder {
        var entity: LocalEntity
        var tokenCounts: [Int]
    }

    func surface(_ m: RawMention) -> String {
        var s = t.text(m.tokens)
        if m.label != .date && s.hasPrefix("the ") { s.removeFirst(4) }
        return s
    }

    func cluster(_ raw: [RawMention], evidence: Bool = true, counting work: WorkCount? = nil) -> DocumentEntities {
        var builders: [Builder] = []
        var byKey = ByteTable<Int>(capacity: raw.count) // merge key → builder, hashed on bytes
        var assign = [Int](repeating: -1, count: raw.count)
        var extraEvidence = [Evidence?](repeating: nil, count: raw.count)
        // each mention's surface text, made once (keys, names and aliases all use it)
        let surfaces = raw.map { surface($0) }

        // Mentions are read in place (`raw[i].label`) throughout: copying a `RawMention` out
        // retains each of its strings, and the passes below would do that several times per mention.
        func isSinglePerson(_ i: Int) -> Bool { raw[i].label == .person && raw[i].tokens.count == 1 }
        func isAcronym(_ i: Int) -> Bool { raw[i].evidence.rule == "acronym" }
        func key(_ i: Int) -> String {
            let label = raw[i].label
            if label == .person {
                if let k = asciiPersonKey(raw[i].tokens) { return k }
                var name = ""
                for j in raw[i].tokens {
                    if j > raw[i].tokens.lowerBound { name += " " }
                    name += t.bare(j)
                }
                return "P:" + name.fastLowercased()
            }
            return label.isValue ? lowercasedKey(label.rawValue + ":", surfaces[i]) : lowercasedKey("X:", raw[i].canonical ?? surfaces[i])
        }
        func add(_ i: Int, key k: String, singleName: String? = nil) {
            if let b = byKey[k] { assign[i] = b; return }
            byKey.insert(k, builders.count)
            assign[i] = builders.count
            builders.append(Builder(entity: LocalEntity(name: raw[i].canonical ?? surfaces[i], label: raw[i].label, role: nil, body: nil,
                                                        aliases: [], aliasCounts: [], mentions: [], evidence: [raw[i].evidence],
                                                        key: k, singleName: singleName), tokenCounts: []))
        }

        // 1. full names and everything else, by key
        for i in raw.indices where !isSinglePerson(i) && !isAcronym(i) { add(i, key: key(i)) }
        // 2. acronyms of names in the document (`WTO` → `World Trade Organization`)
        // the first ORG or GPE with those initials, through a map of each one's initials worked out
        // once (acronym mentions are many in some articles); builders added here are indexed as they come
        var firstWithInitials: [String: Int] = [:]
        var indexed = 0
        for i in raw.indices where isAcronym(i) {
            let acr = t.bare(raw[i].tokens.lowerBound)
            while indexed < builders.count {
                let b = indexed
                indexed += 1
                guard builders[b].entity.label == .org || builders[b].entity.label == .gpe else { continue }
                let x = initials(builders[b].entity.name)
                if firstWithInitials[x] == nil { firstWithInitials[x] = b }
            }
            if let b = firstWithInitials[acr] {
                assign[i] = b
                extraEvidence[i] = Evidence(rule: "acronym-merge", detail: "‘\(acr)’ = initials of ‘\(builders[b].entity.name)’")
            } else {
                add(i, key: key(i))
            }
        }
        // 3. single names to the nearest full name sharing the surname
        var fullNames: [(pos: Int, first: String, last: String, builder: Int)] = []
        for i in raw.indices where raw[i].label == .person && raw[i].tokens.count >= 2 {
            let tokens = raw[i].tokens
            fullNames.append((tokens.lowerBound, t.words[tokens.lowerBound], t.bare(tokens.upperBound - 1), assign[i]))
        }
        // the full names by surname, in text order: all of them, those a woman may be named by (not a
        // man's given name) and those a man may be (not a woman's); each single name finds its nearest
        // by binary search
        struct Holders {
            var all: [Int] = [], forWomen: [Int] = [], forMen: [Int] = []
            var people: [Int?] = [nil, nil, nil] // distinct entities among `all`, `forWomen`, `forMen`, counted when first asked
        }
        var bySurname: [String: Holders] = [:]
        // the lists are read through the shared instance: copying `lists` out retained each of its tables
        let lex = Lexicon.shared
        for (n, f) in fullNames.enumerated() {
            bySurname[f.last, default: Holders()].all.append(n)
            if !lex.lists.maleNames.contains(f.first) { bySurname[f.last, default: Holders()].forWomen.append(n) }
            if !lex.lists.isWomansName(f.first) { bySurname[f.last, default: Holders()].forMen.append(n) }
        }
        // surnames a man is named by (`Mr. Obama`): where the document's only full name of that surname is a
        // woman's (`Michelle Obama`), the single name is his, not hers
        var menNamed = Set<String>()
        for i in raw.indices where isSinglePerson(i) && raw[i].male { menNamed.insert(t.bare(raw[i].tokens.lowerBound)) }
        for i in raw.indices where isSinglePerson(i) {
            let pos = raw[i].tokens.lowerBound, female = raw[i].female
            let w = t.bare(pos)
            let forMan = !female && menNamed.contains(w)
            let list = female ? bySurname[w]?.forWomen ?? [] : forMan ? bySurname[w]?.forMen ?? [] : bySurname[w]?.all ?? []
            // the first full name after `pos` (none starts at it: a full name is two tokens or more)
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                work?.steps += 1
                if fullNames[list[mid]].pos < pos { lo = mid + 1 } else { hi = mid }
            }
            let preceding = lo > 0 ? fullNames[list[lo - 1]] : nil
            let following = lo < list.count ? fullNames[list[lo]] : nil
            if let c = preceding ?? following {
                assign[i] = c.builder
                let which = female ? 1 : forMan ? 2 : 0
                let people: Int
                if let known = bySurname[w]!.people[which] {
                    people = known
                } else {
                    work?.steps += list.count
                    people = Set(list.map { fullNames[$0].builder }).count
                    bySurname[w]!.people[which] = people
                }
                let full = builders[c.builder].entity.name
                let detail = people > 1
                    ? "‘\(w)’ → ‘\(full)’: nearest \(preceding != nil ? "preceding" : "following") of \(people) people with that surname"
                    : "‘\(w)’ → ‘\(full)’: surname of the full name in this document"
                extraEvidence[i] = Evidence(rule: "surname-merge", detail: detail)
            } else if female, bySurname[w] != nil {
                // `Mrs Howard` beside `Michael Howard`: someone else, named with her title
                let titled = raw[i].titledForm ?? w
                add(i, key: "P:" + titled.fastLowercased(), singleName: nil)
                builders[assign[i]].entity.name = titled
                extraEvidence[i] = Evidence(rule: "surname-split", detail: "‘\(titled)’ is not merged with a man of that surname")
            } else {
                add(i, key: "P1:" + w.fastLowercased(), singleName: w)
                if forMan, bySurname[w] != nil {
                    builders[assign[i]].entity.male = true
                    extraEvidence[i] = Evidence(rule: "surname-split", detail: "‘\(w)’ is a man named ‘Mr’ here, not merged with a woman of that surname")
                }
            }
        }

        // Updates entity `e` in place with mention `i` (copying it out would copy its arrays per mention).
        func fill(_ e: inout LocalEntity, _ i: Int) {
            e.mentions.append(i)
            let s = surfaces[i]
            noteAlias(&e, s)
            if let tf = raw[i].titledForm, tf != s { noteAlias(&e, tf) }
            if let ev = extraEvidence[i], !e.evidence.contains(ev) { e.evidence.append(ev) }
            if let c = raw[i].canonical, c != s {
                let ev = Evidence(rule: "alias-merge", detail: "‘\(s)’ → ‘\(c)’ (\(raw[i].evidence.detail))")
                if !e.evidence.contains(ev) { e.evidence.append(ev) }
            }
            if e.role == nil, let r = raw[i].role {
                e.role = r.role
                e.body = r.body
                e.evidence.append(Evidence(rule: "role", detail: "\(r.role) (\(r.evidence.rule): \(r.evidence.detail))"))
            }
            if raw[i].label == .person, raw[i].tokens.count >= 2 {
                // the fullest name seen
                let words = wordCount(e.name)
                if raw[i].tokens.count > words || e.singleName != nil { e.name = s }
            }
        }
        // Fill the entities in mention order.
        var mentions: [Mention] = []
        mentions.reserveCapacity(raw.count)
        var rules = RuleCodes.Cache()
        for i in raw.indices {
            mentions.append(Mention(range: t.range(raw[i].tokens), label: raw[i].label, ruleCode: rules.code(raw[i].evidence.rule)))
            fill(&builders[assign[i]].entity, i)
        }
        // Order entities by first mention and renumber.
        let order = builders.indices.sorted { builders[$0].entity.mentions[0] < builders[$1].entity.mentions[0] }
        var remap = [Int](repeating: 0, count: builders.count)
        for (n, b) in order.enumerated() { remap[b] = n }
        return DocumentEntities(mentions: mentions, evidence: evidence ? raw.map(\.evidence) : [], mentionEntity: assign.map { remap[$0] },
                                entities: order.map { builders[$0].entity })
    }

    /// A person's merge key, `P:` and the lower-cased words of `tokens` without periods, one space
    /// between them (as `key` makes it), built in one buffer; nil when a token is not all ASCII.
    private func asciiPersonKey(_ tokens: Range<Int>) -> String? {
        var n = 2
        for j in tokens { n += t.tokens[j].range.length + 1 }
        return t.doc.bytes.withUnsafeBufferPointer { b -> String? in
            for j in tokens {
                let r = t.tokens[j].range
                for k in r.start..<r.end where b[k] >= 0x80 { return nil }
            }
            return String(unsafeUninitializedCapacity: n) { out in
                out[0] = 0x50 // P
                out[1] = 0x3A // :
                var o = 2
                for j in tokens {
                    if j > tokens.lowerBound { out[o] = 0x20; o += 1 }
                    let r = t.tokens[j].range
                    for k in r.start..<r.end where b[k] != 0x2E {
                        out[o] = asciiLowercase(b[k])
                        o += 1
                    }
                }
                return o
            }
        }
    }

    /// `prefix + s.fastLowercased()` made in one buffer when `s` is ASCII.
    private func lowercasedKey(_ prefix: String, _ s: String) -> String {
        let p = prefix.utf8, u = s.utf8
        guard u.allSatisfy({ $0 < 0x80 }) else { return prefix + s.fastLowercased() }
        return String(unsafeUninitializedCapacity: p.count + u.count) { out in
            var o = 0
            for c in p { out[o] = c; o += 1 }
            for c in u { out[o] = asciiLowercase(c); o += 1 }
            return o
        }
    }

    private func noteAlias(_ e: inout LocalEntity, _ s: String) {
        if let j = e.aliases.firstIndex(of: s) { e.aliasCounts[j] += 1 } else { e.aliases.append(s); e.aliasCounts.append(1) }
    }
}

/// The upper-case initials of a multi-word name (`World Trade Organization` → `WTO`), ignoring `of`, `the`, `and`.
func initials(_ name: String) -> String {
    let words = name.split(whereSeparator: { $0 == " " || $0 == "-" })
    guard words.count >= 2 else { return "" }
    var out = ""
    for w in words where !["of", "the", "and", "for", "&"].contains(w) {
        if let c = w.first, c.isUppercase { out.append(c) }
    }
    return out
}
