import Foundation

/// One word's keyness: how over-represented it is on one side of a comparison.
public struct KeywordScore: Hashable, Sendable {
    /// The word (lower-cased).
    public var word: String
    /// Occurrences in side A and side B.
    public var a: Int, b: Int
    /// Log-likelihood G² (Dunning 1993; Rayson & Garside 2000), always ≥ 0.
    public var ll: Double
    /// Log ratio (Hardie 2014): log₂ of the ratio of relative frequencies, a zero count taken as 0.5.
    /// Positive when the word is relatively more frequent in A.
    public var logRatio: Double
    /// True when the word is relatively more frequent in A than in B.
    public var overInA: Bool
}

/// Keywords of one sub-corpus against another.
public enum Keyness {
    /// Word counts of a sub-corpus: term id → occurrences, and its size in word tokens.
    public struct Counts: Sendable {
        public var terms: [Int32: Int] = [:]
        public var size = 0
        public init() {}

        /// Counts the word tokens of `doc` in `index`, only those inside `ranges` when given.
        public mutating func add(doc: Int, index: CorpusIndex, ranges: [TextRange]? = nil) {
            let toks = index.documents[doc].tokens
            let tt = index.tokenTerms[doc]
            if let rs = ranges {
                for r in rs {
                    var k = index.documents[doc].tokenIndex(atOrAfter: r.start)
                    while k < toks.count, toks[k].range.end <= r.end {
                        if toks[k].kind == .word { terms[tt[k], default: 0] += 1; size += 1 }
                        k += 1
                    }
                }
            } else {
                for k in toks.indices where toks[k].kind == .word { terms[tt[k], default: 0] += 1; size += 1 }
            }
        }
    }

    /// The LL statistic for a word seen `a` times in `sizeA` tokens and `b` times in `sizeB`:
    /// Eᵢ = sizeᵢ · (a + b) / (sizeA + sizeB); G² = 2 · Σ Oᵢ · ln(Oᵢ / Eᵢ), with 0 · ln 0 = 0.
    public static func logLikelihood(a: Int, sizeA: Int, b: Int, sizeB: Int) -> Double {
        let total = Double(sizeA + sizeB)
        guard total > 0 else { return 0 }
        let ea = Double(sizeA) * Double(a + b) / total
        let eb = Double(sizeB) * Double(a + b) / total
        var g = 0.0
        if a > 0 { g += Double(a) * log(Double(a) / ea) }
        if b > 0 { g += Double(b) * log(Double(b) / eb) }
        return 2 * g
    }

    /// Every word of A or B scored, strongest first (ties alphabetically); stop words left out
    /// unless `stopWords`.
    public static func compare(_ a: Counts, _ b: Counts, index: CorpusIndex, stopWords: Bool) -> [KeywordScore] {
        guard a.size > 0, b.size > 0 else { return [] }
        var out: [KeywordScore] = []
        var ids = Set(a.terms.keys)
        ids.formUnion(b.terms.keys)
        for id in ids where stopWords || !index.isStop[Int(id)] {
            let x = a.terms[id] ?? 0, y = b.terms[id] ?? 0
            let ll = logLikelihood(a: x, sizeA: a.size, b: y, sizeB: b.size)
            let ra = max(Double(x), 0.5) / Double(a.size), rb = max(Double(y), 0.5) / Double(b.size)
            out.append(KeywordScore(word: index.terms[Int(id)], a: x, b: y, ll: ll, logRatio: log2(ra / rb),
                                    overInA: Double(x) / Double(a.size) > Double(y) / Double(b.size)))
        }
        return out.sorted { $0.ll != $1.ll ? $0.ll > $1.ll : $0.word < $1.word }
    }

    /// Significance stars for G² with one degree of freedom: `***` p < 0.001 (10.83),
    /// `**` p < 0.01 (6.63), `*` p < 0.05 (3.84), else empty.
    public static func stars(_ ll: Double) -> String {
        ll >= 10.83 ? "***" : ll >= 6.63 ? "**" : ll >= 3.84 ? "*" : ""
    }
}
