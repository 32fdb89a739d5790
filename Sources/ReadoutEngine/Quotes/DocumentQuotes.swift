/// A quotation or reported statement of one document with byte ranges, ready for speaker resolution.
struct FoundQuote: Sendable {
    var kind: QuoteKind
    var content: TextRange
    var span: TextRange
    var cue: String
    var cueRange: TextRange?
    var speakerRange: TextRange?
    /// The speaker as written, lower-cased, word by word (for descriptions and pronouns).
    var speakerWords: [String]
    var reporterRange: TextRange?
    /// For a speaker that is a lone pronoun: its sentence up to the pronoun, and the sentence
    /// before (where the pronoun's subject antecedent is looked for).
    var pronounContext: (sentence: TextRange, previous: TextRange)?
    /// Index (in this document's list) of the quote whose speaker this one takes.
    var inherit: Int?
    var evidence: [Evidence]
}

/// Extracts one document's quotations and reported statements, in text order.
struct DocumentQuotes {
    /// Sentences back that a speakerless quotation may look for the quote whose speaker it takes.
    static let inheritSentences = 2

    /// The document's quotes; without `evidence`, each quote's steps so far are left out (the
    /// analysis keeps none, and `CorpusAnalysis.quoteEvidence(doc:)` extracts again with them).
    func extract(_ doc: Document, evidence: Bool = true) -> [FoundQuote] {
        // a stop requested (Ctrl-C) skips the passes not begun; the caller throws the result away
        guard !doc.tokens.isEmpty, !Cancellation.isRequested else { return [] }
        let t = QuoteText(doc)
        guard !Cancellation.isRequested else { return [] }
        let segments = QuoteMarks.segments(t)
        let direct = DirectQuotes(t).extract(segments)
        let reported = ReportedSpeech(t, embedded: direct.embedded).extract(consumed: direct.consumed, direct: direct.quotes)
        var raw = (direct.quotes + reported).sorted { a, b in
            a.span.lowerBound != b.span.lowerBound ? a.span.lowerBound < b.span.lowerBound : a.content.lowerBound < b.content.lowerBound
        }
        // speakerless direct quotations: a continuation takes the speaker of the quotation it continues,
        // one continued by an attributed quotation takes that one's, else the nearest quote just before
        var keep = [Bool](repeating: true, count: raw.count)
        for i in raw.indices where raw[i].needsSpeaker {
            if raw[i].continues, i > 0, raw[i - 1].kind == .direct, keep[i - 1] {
                raw[i].inherit = i - 1
            } else if i + 1 < raw.count, raw[i + 1].continues, !raw[i + 1].needsSpeaker {
                raw[i].inherit = i + 1
                raw[i].evidence.append(Evidence(rule: "continued", detail: "the quotation continuing it names the speaker"))
            } else if i > 0, keep[i - 1],
                      Int(t.sentenceOf[raw[i - 1].span.upperBound - 1]) >= Int(t.sentenceOf[raw[i].content.lowerBound]) - DocumentQuotes.inheritSentences {
                raw[i].inherit = i - 1
            } else {
                keep[i] = false
            }
        }
        // renumber after dropping unattributable quotations
        var newIndex = [Int?](repeating: nil, count: raw.count)
        var n = 0
        for i in raw.indices where keep[i] { newIndex[i] = n; n += 1 }
        var out: [FoundQuote] = []
        out.reserveCapacity(n)
        for i in raw.indices where keep[i] {
            let q = raw[i]
            let inherit = q.inherit.flatMap { newIndex[$0] } // targets are always kept (see above)
            out.append(FoundQuote(kind: q.kind, content: t.range(q.content), span: t.range(q.span),
                                  cue: q.cue.map { t.text($0).fastLowercased() } ?? "", cueRange: q.cue.map { t.range($0) },
                                  speakerRange: q.speaker.map { t.range($0) },
                                  speakerWords: q.speaker.map { r in r.filter { t.tokens[$0].kind == .word }.map { t.lower($0) } } ?? [],
                                  reporterRange: q.reporter.map { t.range($0) },
                                  pronounContext: q.speaker.flatMap { pronounContext(t, $0, span: q.span) },
                                  inherit: inherit, evidence: evidence ? q.evidence : []))
        }
        return out
    }

    /// The sentence up to a lone pronoun speaker at `r`, and the sentence before it; nil for any
    /// other speaker, or a pronoun in a document's first sentence. A quotation of several sentences
    /// that the pronoun closes (`"… Frankfurt. This has special importance …," he said`) counts as
    /// the pronoun's sentence from where it opens: the sentence before is the one before the quotation.
    func pronounContext(_ t: QuoteText, _ r: Range<Int>, span: Range<Int>) -> (sentence: TextRange, previous: TextRange)? {
        guard r.count == 1, t.tokens[r.lowerBound].kind == .word, t.lowerIn(SpeakerPhrase.pronouns, r.lowerBound) else { return nil }
        let s = min(Int(t.sentenceOf[r.lowerBound]), Int(t.sentenceOf[span.lowerBound]))
        guard s > 0 else { return nil }
        let sentence = t.doc.sentences[s], previous = t.doc.sentences[s - 1]
        return (TextRange(t.tokens[sentence.tokens.lowerBound].range.start, t.tokens[r.lowerBound].range.start),
                t.range(previous.tokens))
    }
}
