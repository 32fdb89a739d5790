import Dispatch

/// The quote stage of the analysis: speaker and source resolution of each document's extracted
/// quotes against the merged entities (extraction runs beside entity recognition, see `Analyzer`).
public enum QuoteStage {
    /// Fills `analysis.quotes` from each document's extracted quotes (in document order). Each
    /// document's quotes resolve against the merged entities independently of the others, so
    /// many documents resolve on every core; the result does not depend on it.
    static func resolveAll(_ analysis: inout CorpusAnalysis, _ found: consuming [[FoundQuote]], parallel: Bool? = nil) {
        let resolver = SpeakerResolver(analysis)
        let counts = found.map(\.count)
        // each document's found quotes are let go once resolved, and its quotes go straight to
        // their place in the corpus's list (one quote per found one)
        let pending = TakeOnce(consume found)
        analysis.quotes = ParallelMap.concatenate(counts, parallel: parallel, threshold: EntityStage.parallelThreshold) {
            resolve($0, pending.take($0), resolver).quotes
        }
    }

    /// The quote whose speaker quote `j` takes, following continuations back (at most 64 links);
    /// `j` itself when it names its own; nil when the chain ends without one.
    static func inheritedFrom(_ j: Int, _ found: [FoundQuote]) -> Int? {
        var k = j, links = 0
        while let n = found[k].inherit {
            guard n != k, links < 64 else { return nil }
            k = n
            links += 1
        }
        return found[k].speakerRange == nil ? nil : k
    }

    /// Resolves one document's quotes in text order; ids `q1, q2, …`. With `evidence`, also each
    /// quote's resolution chain, step by step (a corpus keeps none; `explain` asks for one document's).
    static func resolve(_ d: Int, _ found: [FoundQuote], _ resolver: SpeakerResolver,
                        evidence wanted: Bool = false) -> (quotes: [Quote], evidence: [[Evidence]]) {
        let doc = resolver.analysis.documents[d].document
        let quoted = RangeCover(found.filter { $0.kind == .direct }.map(\.content))
        var out: [Quote] = found.enumerated().map { i, f in
            Quote(id: "q\(i + 1)", doc: d, kind: f.kind, content: f.content, span: f.span, cue: f.cue, cueRange: f.cueRange,
                  speakerRange: f.speakerRange)
        }
        var steps: [[Evidence]] = wanted ? found.map(\.evidence) : []
        var resolvedTo = [Int?](repeating: nil, count: found.count) // each quote's speaker entity
        for (i, f) in found.enumerated() where f.inherit == nil {
            if Cancellation.isRequested { break } // (the caller throws the rest away)
            if let r = f.speakerRange {
                // the last quote before whose speaker stands in the pronoun's sentence or the one before,
                // or that fills the sentence before as a quotation taking its speaker from an earlier
                // one (`…, Prof Lovenduski said. "We expected …" But she said …`): then that earlier one
                let recentQuote = f.pronounContext.flatMap { c in
                    (max(0, i - 64)..<i).last { j in
                        if let r = found[j].speakerRange { return c.previous.start <= r.start && r.end <= c.sentence.end }
                        return found[j].inherit != nil && found[j].span.end > c.previous.start && found[j].span.start < c.sentence.end
                    }.flatMap { j in inheritedFrom(j, found).flatMap { $0 < i ? $0 : nil } }
                }
                let recent = recentQuote.flatMap { resolvedTo[$0] }
                var res = resolver.resolve(doc: d, range: r, words: f.speakerWords, quoted: quoted, pronounContext: f.pronounContext,
                                           recentSpeaker: recent, content: f.content)
                // the speaker of quote `j` (the sentence before), as written there, for this pronoun
                func quotedBefore(_ j: Int, entity: Int?, _ what: String) -> SpeakerResolver.Resolution {
                    let name = out[j].speaker ?? ""
                    return SpeakerResolver.Resolution(name: name, entity: entity, source: out[j].source,
                                                      steps: [Evidence(rule: "pronoun", detail: "‘\(f.speakerWords[0])’ → the \(what) quoted in the sentence before (\(name))")],
                                                      method: .pronoun)
                }
                // `The MP for Sittingbourne said …. He added …`: a person quoted just before under a
                // description, not a name, is still who `he` or `she` is
                if let j = recentQuote, recent == nil, out[j].speakerMethod == .description, out[j].speaker != nil,
                   f.speakerWords == ["he"] || f.speakerWords == ["she"], resolver.isPersonDescription(found[j].speakerWords) {
                    res = quotedBefore(j, entity: nil, "person")
                }
                // `Republicans said …. They also said …`: a group quoted just before is who `they` is
                if res.name == nil, f.speakerWords == ["they"], let j = recentQuote, let name = out[j].speaker,
                   let last = name.split(separator: " ").last?.fastLowercased(), last.hasSuffix("s"), !last.hasSuffix("ss") {
                    res = quotedBefore(j, entity: resolvedTo[j], "group")
                }
                // `The British Chambers of Commerce welcomed …. "…," it said`: a body quoted in the sentence
                // before under a name no entity holds is who `it` is, not a body named further back
                if f.speakerWords == ["it"], let j = recentQuote, resolvedTo[j] == nil, out[j].speakerMethod == .description,
                   let name = out[j].speaker, let first = name.split(separator: " ").first(where: { $0 != "The" && $0 != "the" }),
                   first.first?.isUppercase == true, !resolver.isPersonDescription(found[j].speakerWords) {
                    res = quotedBefore(j, entity: nil, "body")
                }
                resolvedTo[i] = res.entity
                out[i].speaker = res.name
                out[i].source = res.source
                out[i].speakerMethod = res.name == nil ? .unresolved : res.method
                if wanted { steps[i] += res.steps }
            }
            if let rr = f.reporterRange {
                let words = doc.string(rr).fastLowercased().split(separator: " ").map(String.init)
                let res = resolver.resolve(doc: d, range: rr, words: words, quoted: quoted)
                out[i].reportedBy = res.name ?? doc.string(rr)
                if wanted { steps[i].append(Evidence(rule: "reported-by", detail: "‘\(doc.string(rr))’ → \(res.name ?? "unresolved")")) }
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
            out[i].speakerMethod = out[j].speaker == nil ? (out[j].speakerMethod == nil ? nil : .unresolved) : .continuation
            if out[i].speakerRange == nil { out[i].speakerRange = out[j].speakerRange }
            if wanted {
                steps[i].append(Evidence(rule: "inherited", detail: "speaker of \(out[f.inherit!].id): \(out[j].speaker ?? out[j].speakerRange.map { doc.string($0) } ?? "unresolved")"))
            }
        }
        return (out, steps)
    }
}

extension CorpusAnalysis {
    /// The resolution chain of each quote of document `doc`, step by step, in the order of its quotes.
    ///
    /// A corpus keeps no chains; this extracts and resolves the one document's quotes again, which
    /// gives the same quotes (extraction depends on the document alone, resolution on the merged
    /// entities, which are the same).
    public func quoteEvidence(doc: Int) -> [[Evidence]] {
        let found = DocumentQuotes().extract(documents[doc].document.tokenized())
        let again = QuoteStage.resolve(doc, found, SpeakerResolver(self), evidence: true)
        let kept = quotes.filter { $0.doc == doc }
        guard again.quotes == kept else { return kept.map { _ in [] } }
        return again.evidence
    }

    /// The resolution chain of `quote`, step by step (see `quoteEvidence(doc:)`).
    public func evidence(of quote: Quote) -> [Evidence] {
        let kept = quotes.filter { $0.doc == quote.doc }
        guard let i = kept.firstIndex(of: quote) else { return [] }
        return quoteEvidence(doc: quote.doc)[i]
    }
}
