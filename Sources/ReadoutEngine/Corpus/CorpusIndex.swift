import Synchronization

/// An occurrence of something searched for: a document and a byte range in it.
public struct Hit: Hashable, Sendable, Comparable {
    /// Index of the document in the corpus.
    public var doc: Int
    /// Where the match lies (UTF-8 offsets).
    public var range: TextRange

    public init(doc: Int, range: TextRange) {
        self.doc = doc
        self.range = range
    }

    public static func < (a: Hit, b: Hit) -> Bool { a.doc != b.doc ? a.doc < b.doc : a.range < b.range }
}

/// A lower-cased token → postings index over a corpus, built once per analysis.
///
/// Every token gets a term id (its text lower-cased, curly apostrophes straightened); the index
/// keeps, per document, the term id of every token and, per term, where it occurs, so `kwic`,
/// `freq` and `collocates` look terms up instead of rescanning the text.
public final class CorpusIndex: Sendable {
    /// What kind of token a term is.
    public enum TermKind: UInt8, Sendable {
        /// Letters (`word` tokens): counted as words.
        case word
        /// Digits.
        case number
        /// Punctuation, quotes, symbols, clitics.
        case other
    }

    /// The documents indexed, in corpus order.
    public let documents: [Document]
    /// Term id → the term (lower-cased).
    public let terms: [String]
    /// Term id → its kind.
    public let kinds: [TermKind]
    /// Term id → how often it occurs in the corpus.
    public let frequency: [Int]
    /// Term id → whether it is a stop word.
    public let isStop: [Bool]
    /// Term id → whether it ever occurs in lower case in the text (false for names: `Biden`).
    public let occursLowercase: [Bool]
    /// Term id → id of its lemma in `lemmas` (names are their own lemma).
    public let lemmaOf: [Int32]
    /// Lemma id → lemma.
    public let lemmas: [String]
    /// Per document, per token: the token's term id.
    public let tokenTerms: [[Int32]]
    /// Per document, per token: the index of the sentence holding it.
    public let tokenSentence: [[Int32]]
    /// Number of word tokens in the corpus.
    public let wordCount: Int
    /// Number of word tokens per document.
    public let documentWordCounts: [Int]

    private let ids: [String: Int32]
    private let postingStart: [Int]
    private let postingDoc: [Int32]
    private let postingToken: [Int32]
    private let phraseCache = Mutex<[PhraseCacheKey: [(NGram, Int)]]>([:])

    /// Indexes `documents`.
    public init(documents: [Document], lemmatizer: Lemmatizer = .shared) {
        self.documents = documents
        // loaded documents are tokenised on first use: all of them on every core first, not one by one below
        _ = ParallelMap.map(documents.indices) { documents[$0].tokens.count }
        var ids: [String: Int32] = [:]
        var terms: [String] = []
        var kinds: [TermKind] = []
        var freq: [Int] = []
        var lower: [Bool] = []
        var tokenTerms: [[Int32]] = []
        var tokenSentence: [[Int32]] = []
        var docWords: [Int] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        for d in documents {
            var tt = [Int32](repeating: 0, count: d.tokens.count)
            var ts = [Int32](repeating: 0, count: d.tokens.count)
            for (si, s) in d.sentences.enumerated() { for k in s.tokens { ts[k] = Int32(si) } }
            var words = 0
            d.bytes.withUnsafeBufferPointer { b in
                for (k, t) in d.tokens.enumerated() {
                    let r = t.range
                    let key = CorpusIndex.key(b, r, &buffer)
                    let id: Int32
                    if let existing = ids[key] {
                        id = existing
                    } else {
                        id = Int32(terms.count)
                        ids[key] = id
                        terms.append(key)
                        kinds.append(t.kind == .word ? .word : t.kind == .number ? .number : .other)
                        freq.append(0)
                        lower.append(false)
                    }
                    tt[k] = id
                    freq[Int(id)] += 1
                    if t.kind == .word {
                        words += 1
                        if !lower[Int(id)] && t.flags & (Token.capitalized | Token.allCaps) == 0 { lower[Int(id)] = true }
                    }
                }
            }
            tokenTerms.append(tt)
            tokenSentence.append(ts)
            docWords.append(words)
        }
        // postings: counting sort by term
        var start = [Int](repeating: 0, count: terms.count + 1)
        for (t, f) in freq.enumerated() { start[t + 1] = start[t] + f }
        var fill = start
        var pDoc = [Int32](repeating: 0, count: start[terms.count])
        var pTok = [Int32](repeating: 0, count: start[terms.count])
        for (di, tt) in tokenTerms.enumerated() {
            for (k, id) in tt.enumerated() {
                let p = fill[Int(id)]
                pDoc[p] = Int32(di)
                pTok[p] = Int32(k)
                fill[Int(id)] = p + 1
            }
        }
        // stop words and lemmas, once per term
        var stop = [Bool](repeating: false, count: terms.count)
        var lemmaOf = [Int32](repeating: 0, count: terms.count)
        var lemmaIDs: [String: Int32] = [:]
        var lemmas: [String] = []
        for (i, t) in terms.enumerated() {
            stop[i] = kinds[i] == .word && StopWords.english.contains(t)
            let l = kinds[i] == .word && lower[i] ? lemmatizer.lemma(t) : t
            if let id = lemmaIDs[l] { lemmaOf[i] = id } else {
                lemmaOf[i] = Int32(lemmas.count)
                lemmaIDs[l] = Int32(lemmas.count)
                lemmas.append(l)
            }
        }
        self.ids = ids
        self.terms = terms
        self.kinds = kinds
        self.frequency = freq
        self.occursLowercase = lower
        self.isStop = stop
        self.lemmaOf = lemmaOf
        self.lemmas = lemmas
        self.tokenTerms = tokenTerms
        self.tokenSentence = tokenSentence
        self.documentWordCounts = docWords
        self.wordCount = docWords.reduce(0, +)
        self.postingStart = start
        self.postingDoc = pDoc
        self.postingToken = pTok
    }

    /// The index key of the bytes in `r`: lower-cased, curly apostrophes made straight.
    static func key(_ b: UnsafeBufferPointer<UInt8>, _ r: TextRange, _ buffer: inout [UInt8]) -> String {
        let n = r.length
        var ascii = true
        if buffer.count < n { buffer = [UInt8](repeating: 0, count: n) }
        for i in 0..<n {
            let c = b[r.start + i]
            if c >= 0x80 { ascii = false; break }
            buffer[i] = c >= 0x41 && c <= 0x5A ? c | 0x20 : c
        }
        if ascii { return String(decoding: buffer[0..<n], as: UTF8.self) }
        return normalize(String(decoding: UnsafeBufferPointer(rebasing: b[r.start..<r.end]), as: UTF8.self))
    }

    /// A word as the index keys it: lower-cased, curly apostrophes made straight.
    public static func normalize(_ s: String) -> String {
        let l = s.fastLowercased()
        return l.contains("\u{2019}") || l.contains("\u{2018}")
            ? l.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2018}", with: "'") : l
    }

    /// The id of a term (normalised first), if it occurs.
    public func term(_ s: String) -> Int32? { ids[CorpusIndex.normalize(s)] }

    /// Number of distinct terms.
    public var termCount: Int { terms.count }

    /// The occurrences of term `id` as (document, token index) pairs, in corpus order.
    public func postings(_ id: Int32) -> [(doc: Int, token: Int)] {
        let i = Int(id)
        return (postingStart[i]..<postingStart[i + 1]).map { (Int(postingDoc[$0]), Int(postingToken[$0])) }
    }

    /// How many occurrences term `id` has (optionally in one document).
    public func count(_ id: Int32, doc: Int? = nil) -> Int {
        let i = Int(id)
        guard let d = doc else { return frequency[i] }
        let lo = lowerBound(i, Int32(d)), hi = lowerBound(i, Int32(d + 1))
        return hi - lo
    }

    /// Number of documents term `id` occurs in.
    public func documentFrequency(_ id: Int32) -> Int {
        let i = Int(id)
        var n = 0
        var last: Int32 = -1
        for p in postingStart[i]..<postingStart[i + 1] where postingDoc[p] != last {
            n += 1
            last = postingDoc[p]
        }
        return n
    }

    /// The postings of term `id` in document `doc`, as token indices.
    public func tokens(of id: Int32, in doc: Int) -> [Int] {
        let i = Int(id)
        return (lowerBound(i, Int32(doc))..<lowerBound(i, Int32(doc + 1))).map { Int(postingToken[$0]) }
    }

    private func lowerBound(_ term: Int, _ doc: Int32) -> Int {
        var lo = postingStart[term], hi = postingStart[term + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if postingDoc[mid] < doc { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Ids of the terms starting with `prefix` (normalised), for `negotiat*`.
    public func terms(withPrefix prefix: String) -> [Int32] {
        let p = CorpusIndex.normalize(prefix)
        return terms.indices.filter { terms[$0].hasPrefix(p) }.map { Int32($0) }
    }

    /// Token runs matching `words` in order (each compared lower-cased), optionally in one document.
    /// With `caseSensitive`, the text must also equal `words` exactly.
    public func find(_ words: [String], doc: Int? = nil, caseSensitive: Bool = false) -> [Hit] {
        guard !words.isEmpty else { return [] }
        var ids: [Int32] = []
        for w in words {
            guard let id = term(w) else { return [] }
            ids.append(id)
        }
        let rarest = ids.indices.min { frequency[Int(ids[$0])] < frequency[Int(ids[$1])] }!
        let candidates: [(doc: Int, token: Int)] = doc.map { d in tokens(of: ids[rarest], in: d).map { (d, $0) } } ?? postings(ids[rarest])
        var hits: [Hit] = []
        for (d, k) in candidates {
            let s = k - rarest
            let tt = tokenTerms[d]
            guard s >= 0, s + ids.count <= tt.count else { continue }
            var ok = true
            for (j, id) in ids.enumerated() where tt[s + j] != id { ok = false; break }
            if !ok { continue }
            let toks = documents[d].tokens
            if caseSensitive {
                for (j, w) in words.enumerated() where documents[d].string(toks[s + j].range) != w { ok = false; break }
                if !ok { continue }
            }
            hits.append(Hit(doc: d, range: TextRange(toks[s].range.start, toks[s + ids.count - 1].range.end)))
        }
        return hits
    }

    /// Hits for every occurrence of term `id` (optionally in one document).
    public func hits(of id: Int32, doc: Int? = nil) -> [Hit] {
        let ps: [(doc: Int, token: Int)] = doc.map { d in tokens(of: id, in: d).map { (d, $0) } } ?? postings(id)
        return ps.map { Hit(doc: $0.doc, range: documents[$0.doc].tokens[$0.token].range) }
    }

    /// The token span `first..<end` that a hit covers in its document.
    public func tokenSpan(_ h: Hit) -> Range<Int> {
        let d = documents[h.doc]
        let s = d.tokenIndex(atOrAfter: h.range.start)
        var e = s
        while e < d.tokens.count, d.tokens[e].range.start < h.range.end { e += 1 }
        return s..<max(s, e)
    }

    // MARK: - Phrase counts (cached)

    /// Two or three term ids forming a phrase (`c` is -1 for two-word phrases).
    public struct NGram: Hashable, Sendable {
        public var a: Int32, b: Int32, c: Int32
    }

    private struct PhraseCacheKey: Hashable, Sendable {
        var doc: Int
        var stop: Bool
    }

    /// Counts of two- and three-word phrases: runs of adjacent word tokens inside a sentence, with
    /// no punctuation between them, where (with `stopWords` false) every word is a content word or
    /// a capitalised word not opening its sentence (`White House`, `summit meeting`). With
    /// `stopWords` true every word counts. Cached per document and setting.
    public func phraseCounts(doc: Int? = nil, stopWords: Bool = false) -> [(NGram, Int)] {
        let key = PhraseCacheKey(doc: doc ?? -1, stop: stopWords)
        if let c = phraseCache.withLock({ $0[key] }) { return c }
        var counts: [NGram: Int] = [:]
        for d in doc.map({ [$0] }) ?? Array(documents.indices) {
            let toks = documents[d].tokens
            let tt = tokenTerms[d]
            let ts = tokenSentence[d]
            var run: [Int32] = []
            func flush() {
                if run.count >= 2 {
                    for i in 0..<(run.count - 1) {
                        counts[NGram(a: run[i], b: run[i + 1], c: -1), default: 0] += 1
                        if i + 2 < run.count { counts[NGram(a: run[i], b: run[i + 1], c: run[i + 2]), default: 0] += 1 }
                    }
                }
                run.removeAll(keepingCapacity: true)
            }
            for k in toks.indices {
                let t = toks[k]
                let id = tt[k]
                let qualifies = t.kind == .word && (stopWords || !isStop[Int(id)]
                    || (t.flags & (Token.capitalized | Token.allCaps) != 0 && !t.has(Token.sentenceStart)))
                if !qualifies || (k > 0 && ts[k] != ts[k - 1]) { flush() }
                if qualifies { run.append(id) }
            }
            flush()
        }
        let result = counts.map { ($0.key, $0.value) }
        phraseCache.withLock { $0[key] = result }
        return result
    }

    /// The text of a phrase.
    public func text(_ g: NGram) -> String {
        terms[Int(g.a)] + " " + terms[Int(g.b)] + (g.c >= 0 ? " " + terms[Int(g.c)] : "")
    }
}
