/// What `freq` counts.
public enum FrequencyUnit: String, CaseIterable, Sendable {
    /// Word tokens, lower-cased.
    case words
    /// Lemmas of word tokens (see `Lemmatizer`).
    case lemmas
    /// Entities by canonical name, every alias counted.
    case entities
    /// Two- and three-word noun-phrase-like n-grams (see `CorpusIndex.phraseCounts`).
    case phrases
}

/// One row of a frequency list.
public struct FrequencyRow: Hashable, Sendable {
    /// The word, lemma, entity name or phrase.
    public var item: String
    /// Occurrences.
    public var count: Int
    /// Documents it occurs in.
    public var documents: Int
    /// For entities, the entity type.
    public var label: EntityLabel?

    public init(item: String, count: Int, documents: Int, label: EntityLabel? = nil) {
        self.item = item
        self.count = count
        self.documents = documents
        self.label = label
    }
}

/// Frequency lists over an index (and, for entities, an analysis).
public enum Frequencies {
    /// The `top` most frequent items, most frequent first (ties alphabetically).
    /// `stopWords` true keeps stop words; `doc` limits counting to one document.
    public static func list(_ unit: FrequencyUnit, index: CorpusIndex, analysis: CorpusAnalysis, top: Int,
                            stopWords: Bool, doc: Int? = nil) -> [FrequencyRow] {
        switch unit {
        case .words: return words(index, top: top, stopWords: stopWords, doc: doc)
        case .lemmas: return lemmas(index, top: top, stopWords: stopWords, doc: doc)
        case .entities: return entities(analysis, top: top, doc: doc)
        case .phrases: return phrases(index, top: top, stopWords: stopWords, doc: doc)
        }
    }

    /// Term counts in scope, indexed by term id.
    static func termCounts(_ index: CorpusIndex, doc: Int?) -> [Int] {
        guard let d = doc else { return index.frequency }
        var c = [Int](repeating: 0, count: index.termCount)
        for id in index.tokenTerms[d] { c[Int(id)] += 1 }
        return c
    }

    static func ranked<K>(_ items: [(K, Int, String)], top: Int) -> [(K, Int, String)] {
        // partial selection would do; the lists are small enough (tens of thousands) to sort
        let sorted = items.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }
        return Array(sorted.prefix(top))
    }

    static func words(_ index: CorpusIndex, top: Int, stopWords: Bool, doc: Int?) -> [FrequencyRow] {
        let counts = termCounts(index, doc: doc)
        var items: [(Int32, Int, String)] = []
        for i in counts.indices where counts[i] > 0 && index.kinds[i] == .word && (stopWords || !index.isStop[i]) {
            items.append((Int32(i), counts[i], index.terms[i]))
        }
        return ranked(items, top: top).map { id, n, s in
            FrequencyRow(item: s, count: n, documents: doc == nil ? index.documentFrequency(id) : 1)
        }
    }

    static func lemmas(_ index: CorpusIndex, top: Int, stopWords: Bool, doc: Int?) -> [FrequencyRow] {
        let counts = termCounts(index, doc: doc)
        var byLemma = [Int](repeating: 0, count: index.lemmas.count)
        var members = [[Int32]](repeating: [], count: index.lemmas.count)
        for i in counts.indices where counts[i] > 0 && index.kinds[i] == .word && (stopWords || !index.isStop[i]) {
            let l = Int(index.lemmaOf[i])
            byLemma[l] += counts[i]
            members[l].append(Int32(i))
        }
        var items: [(Int, Int, String)] = []
        for l in byLemma.indices where byLemma[l] > 0 { items.append((l, byLemma[l], index.lemmas[l])) }
        return ranked(items, top: top).map { l, n, s in
            var docs = Set<Int>()
            if doc == nil { for t in members[l] { for p in index.postings(t) { docs.insert(p.doc) } } }
            return FrequencyRow(item: s, count: n, documents: doc == nil ? docs.count : 1)
        }
    }

    static func entities(_ a: CorpusAnalysis, top: Int, doc: Int?) -> [FrequencyRow] {
        var items: [(Int, Int, String)] = []
        for e in a.entities {
            let n = doc.map { d in e.mentions.reduce(0) { $0 + ($1.doc == d ? 1 : 0) } } ?? e.mentions.count
            if n > 0 { items.append((e.id, n, e.name)) }
        }
        return ranked(items, top: top).map { id, n, s in
            FrequencyRow(item: s, count: n, documents: doc == nil ? Set(a.entities[id].mentions.map(\.doc)).count : 1,
                         label: a.entities[id].label)
        }
    }

    static func phrases(_ index: CorpusIndex, top: Int, stopWords: Bool, doc: Int?) -> [FrequencyRow] {
        let counts = index.phraseCounts(doc: doc, stopWords: stopWords)
        guard top > 0, !counts.isEmpty else { return [] }
        // only phrases at least as frequent as the top-th need their text built and sorted
        let threshold = Frequencies.threshold(counts.map(\.1), top: top)
        // rank by count, then longer phrases first, then alphabetically
        let sorted = counts.filter { $0.1 >= threshold }.map { ($0.0, $0.1, index.text($0.0)) }.sorted {
            if $0.1 != $1.1 { return $0.1 > $1.1 }
            if ($0.0.c >= 0) != ($1.0.c >= 0) { return $0.0.c >= 0 }
            return $0.2 < $1.2
        }
        return sorted.prefix(top).map { g, n, s in
            FrequencyRow(item: s, count: n, documents: doc == nil ? phraseDocuments(index, g) : 1)
        }
    }

    /// The largest count `c` such that at least `top` of `counts` are ≥ `c` (the smallest count when
    /// there are fewer): a histogram walk, linear in the number of counts.
    static func threshold(_ counts: [Int], top: Int) -> Int {
        let cap = 4096
        var hist = [Int](repeating: 0, count: cap + 1)
        for c in counts { hist[min(c, cap)] += 1 }
        var seen = 0
        var c = cap
        while c > 0 {
            seen += hist[c]
            if seen >= top { return c }
            c -= 1
        }
        return 0
    }

    /// Documents holding phrase `g` (looked up through the postings of its words).
    static func phraseDocuments(_ index: CorpusIndex, _ g: CorpusIndex.NGram) -> Int {
        let words = [g.a, g.b, g.c].filter { $0 >= 0 }.map { index.terms[Int($0)] }
        return Set(index.find(words).map(\.doc)).count
    }
}
