/// Merges per-document entities into corpus entities: same name key across documents, then
/// single names (`Putin` in an article that never gives the full name) to the full name that
/// the session knows for that surname, choosing the most mentioned when several share it.
struct EntityMerger {
    /// Cross-document merge steps recorded per entity before they are summarised.
    static let evidenceLimit = 3
    /// Aliases from which an entity indexes them (see `Builder.aliasPosition`).
    static let aliasIndexFrom = 8

    private struct Builder {
        var name: String
        var nameWords: Int
        /// The first label seen and its mention count, then any others in first-seen order with
        /// theirs (most entities have one label, and then no array).
        var firstLabel: EntityLabel?
        var firstLabelCount = 0
        var otherLabels: [(label: EntityLabel, count: Int)] = []
        var role: String?
        var body: String?
        /// Aliases in first-seen order, with how often each was seen. An array, not a dictionary:
        /// most entities have one to three aliases, and a dictionary per entity cost more to
        /// build than the short searches it saved.
        var aliases: [(alias: String, count: Int)] = []
        /// Alias → its place in `aliases`, made once an entity has many aliases (the most
        /// named people and places gather dozens over a large corpus, and searching the array
        /// for each alias of each absorbed document made the merge grow faster than the corpus).
        var aliasPosition: [String: Int]?
        var mentions: [MentionRef] = []
        var evidence: [Evidence] = []
        var docs = 0
        var isSingleName: Bool
    }

    private var builders: [Builder] = []
    /// Merge key → builder, hashed on bytes.
    private var byKey: ByteTable<Int>
    /// Lower-cased surname → builders of people with a full name ending in it.
    private var bySurname: [String: [Int]] = [:]
    /// Per document added, each local entity's builder (-1 until the single names are merged).
    private var localToGlobal: [[Int]] = []
    /// Per document added, each mention's local entity.
    private var localMentionEntity: [[Int32]] = []
    /// Entities known in their document by a single name (`Putin`), kept for the second step,
    /// with the labels of their mentions; everything else a document brought is absorbed at once.
    private var singles: [(doc: Int, local: Int, entity: LocalEntity, labels: [EntityLabel])] = []
    /// Document ids, for evidence.
    private let ids: [String]

    /// A merger for the documents with these ids, which `add` then takes in order.
    init(ids: [String]) {
        self.ids = ids
        byKey = ByteTable<Int>(capacity: ids.count * 8)
    }

    // Mutates the builder in place: copying it out and back would copy its arrays on every absorb.
    // `sameName`: it joins by name, a step worth recording for the first few documents only
    // (the evidence text is made only then: most absorbs are of names seen many times).
    // `label(k)` is the label of the entity's `k`th mention. (Static: a method of `self` called
    // with `&builders[g]` would copy `self`, and then every change to the builder the whole array.)
    private static func absorb(_ b: inout Builder, _ d: Int, _ le: borrowing LocalEntity, label: (Int) -> EntityLabel, sameName: Bool, ids: [String]) {
        for (k, m) in le.mentions.enumerated() {
            b.mentions.append(MentionRef(doc: d, mention: m))
            let label = label(k)
            if b.firstLabel == nil || b.firstLabel == label {
                b.firstLabel = label
                b.firstLabelCount += 1
            } else if let j = b.otherLabels.firstIndex(where: { $0.label == label }) {
                b.otherLabels[j].count += 1
            } else {
                b.otherLabels.append((label, 1))
            }
        }
        for (a, c) in zip(le.aliases, le.aliasCounts) {
            if let k = b.aliasPosition.map({ $0[a] }) ?? b.aliases.firstIndex(where: { $0.alias == a }) {
                b.aliases[k].count += c
            } else {
                b.aliases.append((a, c))
                if b.aliasPosition != nil {
                    b.aliasPosition![a] = b.aliases.count - 1
                } else if b.aliases.count == EntityMerger.aliasIndexFrom {
                    b.aliasPosition = Dictionary(uniqueKeysWithValues: b.aliases.enumerated().map { ($1.alias, $0) })
                }
            }
        }
        if b.role == nil, let r = le.role { b.role = r; b.body = le.body }
        b.docs += 1
        if b.docs == 1 {
            b.evidence = le.evidence
        } else {
            if b.docs <= EntityMerger.evidenceLimit + 1, sameName {
                b.evidence.append(Evidence(rule: "name-merge", detail: "‘\(le.name)’ in \(ids[d]) has the same name"))
            }
            for ev in le.evidence where isMergeRule(ev.rule) && !b.evidence.contains(ev) && b.evidence.count < 24 {
                b.evidence.append(ev)
            }
        }
        if le.singleName == nil {
            let words = wordCount(le.name)
            if b.isSingleName || words > b.nameWords { b.name = le.name; b.nameWords = words; b.isSingleName = false }
        }
    }

    /// Kinds of title a name is written with (`Mr`/`Dr`, `Mrs`/`Ms`, `Sir`, `Dame`, `Lord`,
    /// `Lady`/`Baroness`, royal): one person is called by titles of one kind, so two single names
    /// whose titles share no kind (`Sir Edward`, `Prince Edward`; `Lord Campbell`, `Mr Campbell`)
    /// are two people.
    static func titleClasses(_ aliases: [String]) -> Set<Int> {
        var out = Set<Int>()
        for a in aliases {
            guard let first = a.split(separator: " ").first, a.contains(" ") else { continue }
            var w = first.lowercased()
            if w.hasSuffix(".") { w.removeLast() }
            if let c = titleClass[w] { out.insert(c) }
        }
        return out
    }

    private static let titleClass: [String: Int] = [
        "mr": 1, "dr": 1, "prof": 1, "professor": 1,
        "mrs": 2, "ms": 2, "miss": 2,
        "sir": 3, "dame": 4, "lord": 5, "lady": 6, "baroness": 6,
        "prince": 7, "princess": 7, "king": 7, "queen": 7, "duke": 7, "duchess": 7]

    private mutating func newBuilder(_ le: borrowing LocalEntity) -> Int {
        builders.append(Builder(name: le.name, nameWords: wordCount(le.name), isSingleName: le.singleName != nil))
        return builders.count - 1
    }

    /// Step 1 for the next document: everything but single names joins by key. Returns the
    /// document's mentions (for its analysis); the rest of `doc` is not needed any more.
    mutating func add(_ doc: DocumentEntities) -> [Mention] {
        let d = localToGlobal.count
        var toGlobal = [Int](repeating: -1, count: doc.entities.count)
        // each entity is read in place (`entities[l]`, through a buffer pointer): a copy would retain
        // every string and array it holds, and did so for every entity of every document (reading
        // `doc.entities[l]` while `builders` was changed still copied it)
        doc.entities.withUnsafeBufferPointer { entities in
            doc.mentions.withUnsafeBufferPointer { mentions in
                for l in entities.indices {
                    guard entities[l].singleName == nil else {
                        singles.append((d, l, entities[l], entities[l].mentions.map { mentions[$0].label }))
                        continue
                    }
                    let g: Int
                    var sameName = false
                    if let existing = byKey[entities[l].key] {
                        g = existing
                        sameName = true
                    } else {
                        g = newBuilder(entities[l])
                        byKey.insert(entities[l].key, g)
                        if entities[l].label == .person, let last = entities[l].name.split(separator: " ").last {
                            // (filtering characters is slow, and most surnames have no period to drop)
                            let surname = last.utf8.contains(0x2E) ? String(last.filter { $0 != "." }) : String(last)
                            bySurname[surname.fastLowercased(), default: []].append(g)
                        }
                    }
                    Self.absorb(&builders[g], d, entities[l], label: { mentions[entities[l].mentions[$0]].label }, sameName: sameName, ids: ids)
                    toGlobal[l] = g
                }
            }
        }
        localToGlobal.append(toGlobal)
        localMentionEntity.append(doc.mentionEntity.map { Int32($0) })
        return doc.mentions
    }

    /// Step 2, once every document is added: each single name goes to the only person with that
    /// surname (with two or more, it stays itself). Returns the entities, ordered by first mention, and
    /// per document each mention's entity id.
    mutating func finish() -> (entities: [Entity], mentionEntity: [[Int]]) {
        let singles = self.singles
        self.singles = []
        for (d, l, le, labels) in singles {
            let single = le.singleName!
            let w = single.fastLowercased()
            var sameName = false
            let g: Int
            var splitFrom: (String, String)? = nil
            // a man named `Mr. Obama` here never goes to a woman of that surname (`Michelle Obama`)
            let cands = bySurname[w].map { c in
                le.male ? c.filter { !Lexicon.shared.lists.isWomansName(String(builders[$0].name.prefix { $0 != " " })) } : c
            }
            // nor does `Lord Campbell` go to the one person only ever called `Mr Campbell` (a title
            // only stops a merge: it never makes one person out of several)
            let mine = EntityMerger.titleClasses(le.aliases)
            func titledAlike(_ g: Int) -> Bool {
                guard !mine.isEmpty else { return true }
                let theirs = EntityMerger.titleClasses(builders[g].aliases.map(\.alias))
                return theirs.isEmpty || !theirs.isDisjoint(with: mine)
            }
            // two people of that surname elsewhere (`Chris Fox`, `Liam Fox`): which one a bare `Dr Fox`
            // is would be a guess, so it stays its own entity
            if let cands, cands.count == 1, titledAlike(cands[0]) {
                g = cands[0]
                builders[g].evidence.append(Evidence(rule: "surname-merge",
                    detail: "‘\(single)’ in \(ids[d]) → ‘\(builders[g].name)’, the only person with that surname"))
            } else if let existing = byKey[le.key],
                      case let theirs = EntityMerger.titleClasses(builders[existing].aliases.map(\.alias)),
                      !mine.isEmpty && !theirs.isEmpty && mine.isDisjoint(with: theirs) {
                // `Prince Edward` here, `Sir Edward` there: one name, two people; it joins the ones
                // titled as it is, or starts them
                let variant = le.key + "|" + mine.sorted().map(String.init).joined(separator: ",")
                if let v = byKey[variant] {
                    g = v
                    sameName = true
                } else {
                    g = newBuilder(le)
                    byKey.insert(variant, g)
                    let titled = { (aliases: [String]) in aliases.first { !EntityMerger.titleClasses([$0]).isEmpty } ?? single }
                    splitFrom = (titled(le.aliases), titled(builders[existing].aliases.map(\.alias)))
                }
            } else if let existing = byKey[le.key] {
                g = existing
                sameName = true
            } else {
                g = newBuilder(le)
                byKey.insert(le.key, g)
            }
            Self.absorb(&builders[g], d, le, label: { labels[$0] }, sameName: sameName, ids: ids)
            if let (mine, theirs) = splitFrom {
                builders[g].evidence.append(Evidence(rule: "title-split",
                    detail: "‘\(mine)’ in \(ids[d]) is not ‘\(theirs)’ elsewhere: titles of different kinds are not one person's"))
            }
            localToGlobal[d][l] = g
        }

        // Order by first mention, renumber.
        let order = builders.indices.sorted { a, b in
            let x = builders[a].mentions[0], y = builders[b].mentions[0]
            return x.doc != y.doc ? x.doc < y.doc : x.mention < y.mention
        }
        var remap = [Int](repeating: 0, count: builders.count)
        for (n, b) in order.enumerated() { remap[b] = n }
        var entities: [Entity] = []
        entities.reserveCapacity(order.count)
        for (n, bi) in order.enumerated() {
            // moved out, not copied (a copy retained every string and array it holds): the builder's
            // own arrays go as its entity is made, not all at the end
            var b = Builder(name: "", nameWords: 0, isSingleName: false)
            swap(&b, &builders[bi])
            // the most frequent label; the first seen among equals
            var label = (label: b.firstLabel!, count: b.firstLabelCount)
            for l in b.otherLabels where l.count > label.count { label = l }
            let aliases = b.aliases.count < 2 ? b.aliases.map(\.alias) : b.aliases.indices.sorted { x, y in
                b.aliases[x].count != b.aliases[y].count ? b.aliases[x].count > b.aliases[y].count : x < y
            }.map { b.aliases[$0].alias }
            var evidence = b.evidence
            if b.docs > EntityMerger.evidenceLimit + 1 {
                evidence.append(Evidence(rule: "name-merge", detail: "merged across \(b.docs) documents by name"))
            }
            var e = Entity(id: n, name: b.name, label: label.label, role: b.role, aliases: aliases, mentions: b.mentions, evidence: evidence)
            e.body = b.body
            entities.append(e)
        }
        let mentionEntity = localMentionEntity.indices.map { d in
            defer { localMentionEntity[d] = [] }
            return localMentionEntity[d].map { remap[localToGlobal[d][Int($0)]] }
        }
        return (entities, mentionEntity)
    }
}

/// Whether an evidence rule names a merge step (`alias-merge`, `surname-merge`…), on bytes.
@inline(__always) func isMergeRule(_ rule: String) -> Bool {
    let u = rule.utf8
    guard u.count >= 6 else { return false }
    return u.suffix(6).elementsEqual("-merge".utf8)
}

/// Number of space-separated words in a name, without splitting it. (It runs for every entity
/// of every document in the serial merge, so it reads the bytes through a pointer.)
func wordCount(_ name: String) -> Int {
    func count<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var n = 0, inWord = false
        for c in bytes {
            if c == 0x20 { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }
    return name.utf8.withContiguousStorageIfAvailable { count($0) } ?? count(name.utf8)
}
