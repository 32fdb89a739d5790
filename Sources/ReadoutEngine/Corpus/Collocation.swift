import Foundation

/// Association measures for collocations.
public enum AssociationMeasure: String, CaseIterable, Sendable {
    /// Pointwise mutual information (Church & Hanks 1990).
    case mi
    /// Log-likelihood G² (Dunning 1993).
    case ll
    /// t-score (Church et al. 1991, as in Evert 2005).
    case t
}

/// The 2×2 contingency table of a node and a collocate, and the scores computed from it.
///
/// Notation follows Evert (2005), *The Statistics of Word Cooccurrences*, for surface
/// (window-based) co-occurrence: the windows around the node's occurrences form a sub-corpus of
/// `r1` token positions; `o11` of them hold the collocate; the collocate occurs `c1` times in the
/// whole corpus of `n` tokens. Then
///
///     O11 = o11            O12 = r1 − o11
///     O21 = c1 − o11       O22 = n − r1 − O21
///     Eij = Ri · Cj / N    (R2 = N − R1, C2 = N − C1)
///
/// - MI (Church & Hanks 1990): log₂(O11 / E11)
/// - t-score: (O11 − E11) / √O11
/// - log-likelihood (Dunning 1993): G² = 2 · Σ Oij · ln(Oij / Eij), with 0 · ln 0 = 0; given a
///   minus sign when O11 < E11 (the pair repel), so sorting by it puts attraction first.
public struct AssociationScores: Hashable, Sendable {
    /// Co-occurrences: collocate tokens inside the node's windows.
    public var o11: Int
    /// Token positions inside the node's windows.
    public var r1: Int
    /// The collocate's frequency in the corpus.
    public var c1: Int
    /// Tokens in the corpus.
    public var n: Int

    public init(o11: Int, r1: Int, c1: Int, n: Int) {
        self.o11 = o11
        self.r1 = r1
        self.c1 = c1
        self.n = n
    }

    /// Expected co-occurrences under independence, R1 · C1 / N.
    public var e11: Double { Double(r1) * Double(c1) / Double(n) }

    /// Pointwise mutual information, log₂(O11 / E11).
    public var mi: Double { log2(Double(o11) / e11) }

    /// t-score, (O11 − E11) / √O11.
    public var t: Double { (Double(o11) - e11) / Double(o11).squareRoot() }

    /// Signed log-likelihood G² over the four cells.
    public var ll: Double {
        let N = Double(n)
        let R1 = Double(r1), R2 = N - R1, C1 = Double(c1), C2 = N - C1
        let o = [Double(o11), Double(r1 - o11), Double(c1 - o11), Double(n - r1 - c1 + o11)]
        let e = [R1 * C1 / N, R1 * C2 / N, R2 * C1 / N, R2 * C2 / N]
        var g = 0.0
        for i in 0..<4 where o[i] > 0 { g += o[i] * log(o[i] / e[i]) }
        g *= 2
        return Double(o11) < e11 ? -g : g
    }

    /// The score for `m`.
    public func score(_ m: AssociationMeasure) -> Double {
        switch m {
        case .mi: return mi
        case .ll: return ll
        case .t: return t
        }
    }
}

/// One collocate of a node.
public struct Collocate: Hashable, Sendable {
    /// The collocate (lower-cased).
    public var word: String
    /// Term id in the index.
    public var term: Int32
    /// Its contingency table and scores.
    public var scores: AssociationScores
    /// Occurrences to the left and to the right of the node.
    public var left: Int, right: Int
}

/// Window-based collocation over a `CorpusIndex`.
public enum Collocation {
    /// Collocates of the node occurrences `nodes` within `window` word tokens either side, inside
    /// the node's sentence. Overlapping windows count each position once; the node's own tokens
    /// are not window positions. Only word tokens count, as positions and as collocates.
    /// `doc` restricts the reference corpus (N, C1) to one document (nodes should be in it too).
    public static func collocates(of nodes: [Hit], index: CorpusIndex, window: Int, doc: Int? = nil) -> [Collocate] {
        guard window > 0 else { return [] }
        var byDoc: [Int: [Hit]] = [:]
        for h in nodes where doc == nil || h.doc == doc { byDoc[h.doc, default: []].append(h) }
        var observed: [Int32: (Int, Int)] = [:]
        var r1 = 0
        for d in byDoc.keys.sorted() {
            let toks = index.documents[d].tokens
            let tt = index.tokenTerms[d]
            let ts = index.tokenSentence[d]
            // 0 = free, 1 = node, 2 = counted window position
            var state = [UInt8](repeating: 0, count: toks.count)
            var spans: [Range<Int>] = []
            for h in byDoc[d]! {
                let span = index.tokenSpan(h)
                guard !span.isEmpty else { continue }
                spans.append(span)
                for k in span { state[k] = 1 }
            }
            for span in spans {
                let sentence = ts[span.lowerBound]
                // left
                var k = span.lowerBound - 1, seen = 0
                while k >= 0, seen < window, ts[k] == sentence {
                    if toks[k].kind == .word {
                        seen += 1
                        if state[k] == 0 {
                            state[k] = 2
                            r1 += 1
                            observed[tt[k], default: (0, 0)].0 += 1
                        }
                    }
                    k -= 1
                }
                k = span.upperBound; seen = 0
                while k < toks.count, seen < window, ts[k] == sentence {
                    if toks[k].kind == .word {
                        seen += 1
                        if state[k] == 0 {
                            state[k] = 2
                            r1 += 1
                            observed[tt[k], default: (0, 0)].1 += 1
                        }
                    }
                    k += 1
                }
            }
        }
        let n = doc.map { index.documentWordCounts[$0] } ?? index.wordCount
        return observed.map { id, lr in
            let c1 = index.count(id, doc: doc)
            return Collocate(word: index.terms[Int(id)], term: id,
                             scores: AssociationScores(o11: lr.0 + lr.1, r1: r1, c1: c1, n: n), left: lr.0, right: lr.1)
        }
    }

    /// Collocates with at least `min` co-occurrences, best first by `measure` (ties: more
    /// co-occurrences, then alphabetically).
    public static func ranked(_ cs: [Collocate], by measure: AssociationMeasure, min: Int) -> [Collocate] {
        cs.filter { $0.scores.o11 >= min }.sorted {
            let a = $0.scores.score(measure), b = $1.scores.score(measure)
            if a != b { return a > b }
            if $0.scores.o11 != $1.scores.o11 { return $0.scores.o11 > $1.scores.o11 }
            return $0.word < $1.word
        }
    }
}
