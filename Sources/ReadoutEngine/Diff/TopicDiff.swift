/// How two sides' statements differ by topic: what both raised, and what each raised alone.
public struct TopicDiff: Sendable {
    /// One statement on a side: where its content lies.
    public struct Statement: Sendable {
        public var document: Document
        public var content: TextRange
        public var mentions: [TopicExtractor.NamedMention]
        public init(document: Document, content: TextRange, mentions: [TopicExtractor.NamedMention]) {
            self.document = document
            self.content = content
            self.mentions = mentions
        }
    }

    /// Where a topic was raised: the statement (index into its side) and the clause.
    public struct Citation: Sendable, Hashable {
        public var statement: Int
        public var clause: TextRange
        public var surface: String
        /// Where the topic's words lie.
        public var range: TextRange
    }

    /// One topic with the citations on each side.
    public struct Entry: Sendable {
        /// Normalised key (`arms control`, `united states`).
        public var key: String
        /// How to show it (`arms control`, `United States`).
        public var display: String
        /// True for entities.
        public var isEntity: Bool
        public var a: [Citation]
        public var b: [Citation]
        /// Phrases built on this entity that were folded into it (`Iran’s nuclear programme` under Iran).
        public var forms: [String] = []
    }

    /// Topics both sides raised, most cited first.
    public var shared: [Entry] = []
    /// Topics only side A raised, in order of first mention.
    public var onlyA: [Entry] = []
    /// Topics only side B raised, in order of first mention.
    public var onlyB: [Entry] = []

    /// Compares two sides' statements. `participants` are the sides' own names (group members,
    /// speakers): they are who is talking, not what is talked about, so they are not topics.
    public static func compare(_ a: [Statement], _ b: [Statement], participants: Set<String> = [],
                               extractor: TopicExtractor = TopicExtractor()) -> TopicDiff {
        let folded = Set(participants.map(foldName))
        let ta = collect(a, extractor, participants: folded), tb = collect(b, extractor, participants: folded)
        var shared: [Entry] = [], onlyA: [Entry] = [], onlyB: [Entry] = []
        for key in ta.order {
            let x = ta.topics[key]!
            if let y = tb.topics[key] {
                shared.append(Entry(key: key, display: x.display, isEntity: x.isEntity || y.isEntity, a: x.citations, b: y.citations))
            } else {
                onlyA.append(Entry(key: key, display: x.display, isEntity: x.isEntity, a: x.citations, b: []))
            }
        }
        for key in tb.order where ta.topics[key] == nil {
            let y = tb.topics[key]!
            onlyB.append(Entry(key: key, display: y.display, isEntity: y.isEntity, a: [], b: y.citations))
        }
        // Participants, not topics: entities raised in more than half of all statements.
        let total = a.count + b.count
        if total >= 4 {
            let ubiquitous = { (e: Entry) -> Bool in
                e.isEntity && 2 * (Set(e.a.map(\.statement)).count + Set(e.b.map(\.statement)).count) > total
            }
            shared.removeAll(where: ubiquitous)
            onlyA.removeAll(where: ubiquitous)
            onlyB.removeAll(where: ubiquitous)
        }
        shared = prune(shared, against: shared, sideA: true, sideB: true)
        onlyA = prune(onlyA, against: onlyA + shared, sideA: true, sideB: false)
        onlyB = prune(onlyB, against: onlyB + shared, sideA: false, sideB: true)
        func firstPos(_ e: Entry, _ useA: Bool) -> (Int, Int) {
            let c = (useA ? e.a : e.b).first!
            return (c.statement, c.clause.start)
        }
        shared.sort {
            let n0 = Set($0.a.map(\.statement)).count + Set($0.b.map(\.statement)).count
            let n1 = Set($1.a.map(\.statement)).count + Set($1.b.map(\.statement)).count
            if n0 != n1 { return n0 > n1 }
            let p0 = firstPos($0, true), p1 = firstPos($1, true)
            return p0 != p1 ? p0 < p1 : $0.key < $1.key
        }
        onlyA.sort { let p0 = firstPos($0, true), p1 = firstPos($1, true); return p0 != p1 ? p0 < p1 : $0.key < $1.key }
        onlyB.sort { let p0 = firstPos($0, false), p1 = firstPos($1, false); return p0 != p1 ? p0 < p1 : $0.key < $1.key }
        // after sorting, so which phrase folds where does not depend on hashing order
        onlyA = fold(onlyA, into: &shared, &onlyA, sideA: true)
        onlyB = fold(onlyB, into: &shared, &onlyB, sideA: false)
        return TopicDiff(shared: shared, onlyA: onlyA, onlyB: onlyB)
    }

    private struct Collected {
        var display: String
        var isEntity: Bool
        var citations: [Citation]
    }

    private static func collect(_ side: [Statement], _ ex: TopicExtractor, participants: Set<String>) -> (topics: [String: Collected], order: [String]) {
        var topics: [String: Collected] = [:]
        var order: [String] = []
        for (i, s) in side.enumerated() {
            let all = ex.topics(in: s.document, range: s.content, mentions: s.mentions)
            // a participant's name, and every part of it, is not a topic
            let named = all.filter { t in
                if participants.contains(foldName(t.surface)) { return true }
                // the key holds a participant's name as a run of words ("rmt union", "network rail")
                let words = t.key.split(separator: " ").map { foldName(String($0)) }
                for i in words.indices {
                    var run = ""
                    for j in i..<words.count {
                        run += words[j]
                        if participants.contains(run) { return true }
                    }
                }
                return false
            }.map(\.range)
            for t in all where !named.contains(where: { $0.contains(t.range) }) {
                let c = Citation(statement: i, clause: t.clause, surface: t.surface, range: t.range)
                if topics[t.key] == nil {
                    let display = t.isEntity ? s.mentions.first { $0.canonical.fastLowercased() == t.key }?.canonical ?? t.surface : displayForm(t.surface)
                    topics[t.key] = Collected(display: display, isEntity: t.isEntity, citations: [])
                    order.append(t.key)
                }
                if !topics[t.key]!.citations.contains(where: { $0.statement == i && $0.clause == c.clause }) {
                    topics[t.key]!.citations.append(c)
                }
                if t.isEntity { topics[t.key]!.isEntity = true }
            }
        }
        return (topics, order)
    }

    static func foldName(_ s: String) -> String { NameFold.fold(s) }

    static func displayForm(_ s: String) -> String {
        var words = s.split(separator: " ")
        while let f = words.first, ["the", "a", "an", "our", "its", "their", "his", "her"].contains(f.fastLowercased()) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Drops a topic when a longer topic in `against` contains its words and cites all its statements.
    private static func prune(_ entries: [Entry], against: [Entry], sideA: Bool, sideB: Bool) -> [Entry] {
        entries.filter { e in
            if e.isEntity { return true }
            let words = e.key.split(separator: " ")
            return !against.contains { o in
                guard o.key != e.key else { return false }
                let ow = o.key.split(separator: " ")
                guard ow.count > words.count, containsRun(ow, words) else { return false }
                let aOK = !sideA || Set(e.a.map(\.statement)).isSubset(of: Set(o.a.map(\.statement)))
                let bOK = !sideB || Set(e.b.map(\.statement)).isSubset(of: Set(o.b.map(\.statement)))
                return aOK && bOK
            }
        }
    }

    /// Folds a phrase into a shorter topic it is built on, when every statement citing the phrase on
    /// that side also cites the topic: "occupied Crimea" and "Iran’s nuclear programme" under the
    /// entity, "summit meeting" under a shared "meeting", "national interests" under "interests".
    private static func fold(_ phrases: [Entry], into shared: inout [Entry], _ own: inout [Entry], sideA: Bool) -> [Entry] {
        var folded = Set<String>()
        for p in phrases where !p.isEntity {
            let words = p.key.split(separator: " ")
            let stmts = Set((sideA ? p.a : p.b).map(\.statement))
            func hosts(_ e: Entry) -> Bool {
                guard e.key != p.key, !folded.contains(e.key) else { return false }
                let ew = e.key.split(separator: " ")
                guard ew.count < words.count else { return false }
                let built = e.isEntity ? containsRun(words, ew) : Array(words.suffix(ew.count)) == ew
                return built && stmts.isSubset(of: Set((sideA ? e.a : e.b).map(\.statement)))
            }
            if let i = shared.firstIndex(where: hosts) {
                shared[i].forms.append(p.display)
            } else if let i = own.firstIndex(where: { $0.isEntity && hosts($0) }) ?? own.firstIndex(where: hosts) {
                own[i].forms.append(p.display)
            } else {
                continue
            }
            folded.insert(p.key)
        }
        return own.filter { !folded.contains($0.key) }
    }

    private static func containsRun(_ hay: [Substring], _ needle: [Substring]) -> Bool {
        guard needle.count <= hay.count else { return false }
        for s in 0...(hay.count - needle.count) where Array(hay[s..<(s + needle.count)]) == needle { return true }
        return false
    }
}
