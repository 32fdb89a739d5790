import Dispatch

/// The quote stage of the analysis: speaker and source resolution of each document's extracted
/// quotes against the merged entities (extraction runs beside entity recognition, see `Analyzer`).
public enum QuoteStage {
    /// Fills `analysis.quotes` from each document's extracted quotes (in document order). Each
    /// document's quotes resolve against the merged entities independently of the others, so
    /// many documents resolve on every core; the result does not depend on it.
    static func resolveAll(_ analysis: inout CorpusAnalysis, _ found: [[FoundQuote]], parallel: Bool? = nil) {
        let resolver = SpeakerResolver(analysis)
        let perDoc = ParallelMap.map(found.indices, parallel: parallel, threshold: EntityStage.parallelThreshold) {
            resolve($0, found[$0], resolver)
        }
        var quotes: [Quote] = []
        quotes.reserveCapacity(perDoc.reduce(0) { $0 + $1.count })
        for qs in perDoc { quotes += qs }
        analysis.quotes = quotes
    }

    /// Resolves one document's quotes in text order; ids `q1, q2, …`.
    static func resolve(_ d: Int, _ found: [FoundQuote], _ resolver: SpeakerResolver) -> [Quote] {
        let doc = resolver.analysis.documents[d].document
        let quoted = found.filter { $0.kind == .direct }.map(\.content)
        var out: [Quote] = found.enumerated().map { i, f in
            Quote(id: "q\(i + 1)", doc: d, kind: f.kind, content: f.content, span: f.span, cue: f.cue, cueRange: f.cueRange,
                  speakerRange: f.speakerRange, evidence: f.evidence)
        }
        for (i, f) in found.enumerated() where f.inherit == nil {
            if let r = f.speakerRange {
                let res = resolver.resolve(doc: d, range: r, words: f.speakerWords, quoted: quoted)
                out[i].speaker = res.name
                out[i].source = res.source
                out[i].evidence += res.steps
            }
            if let rr = f.reporterRange {
                let words = doc.string(rr).fastLowercased().split(separator: " ").map(String.init)
                let res = resolver.resolve(doc: d, range: rr, words: words, quoted: quoted)
                out[i].reportedBy = res.name ?? doc.string(rr)
                out[i].evidence.append(Evidence(rule: "reported-by", detail: "‘\(doc.string(rr))’ → \(res.name ?? "unresolved")"))
            }
        }
        // continuations and speakerless quotations take their neighbour's speaker (chains followed)
        for (i, f) in found.enumerated() where f.inherit != nil {
            var j = f.inherit!
            var hops = 0
            while let k = found[j].inherit, hops < found.count { j = k; hops += 1 }
            out[i].speaker = out[j].speaker
            out[i].source = out[j].source
            out[i].reportedBy = out[j].reportedBy
            if out[i].speakerRange == nil { out[i].speakerRange = out[j].speakerRange }
            out[i].evidence.append(Evidence(rule: "inherited", detail: "speaker of \(out[f.inherit!].id): \(out[j].speaker ?? out[j].speakerRange.map { doc.string($0) } ?? "unresolved")"))
        }
        return out
    }
}
