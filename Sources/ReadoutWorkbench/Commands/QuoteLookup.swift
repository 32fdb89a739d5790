import ReadoutEngine

extension Workbench {
    /// The quote a word names (`q3`, or `DOC:q3` with several documents); nil when it isn't
    /// shaped like a quote id and `required` is false.
    func quote(_ w: Word, required: Bool) throws(ReadoutError) -> Quote? {
        let text = w.text
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let local = parts.last ?? text
        guard local.hasPrefix("q"), Int(local.dropFirst()) != nil else {
            if required { throw ReadoutError("'\(text)' is not a quote id", hint: "quote ids look like q3 or DOC:q3; see 'quotes'", column: w.column) }
            return nil
        }
        let a = try workspace.analyzed()
        var docIndex: Int?
        if parts.count == 2 {
            docIndex = workspace.index(of: try document(Word(parts[0], column: w.column)).id)
        } else if workspace.documents.count == 1 {
            docIndex = 0
        }
        if let d = docIndex, let q = a.quotes.first(where: { $0.doc == d && $0.id == local }) { return q }
        if docIndex == nil && workspace.documents.isEmpty {
            throw ReadoutError("no documents are loaded, so there is no quote '\(text)'", hint: "load articles first, e.g. load seeds/", column: w.column)
        }
        if docIndex == nil {
            throw ReadoutError("'\(text)' is ambiguous with several documents", hint: "write DOC:\(local), e.g. as 'quotes' lists them", column: w.column)
        }
        throw ReadoutError.unknown("quote", text, candidates: a.quotes.filter { $0.doc == docIndex }.map(\.id), column: w.column)
    }

    /// Explains a quote: cue, speaker evidence and the resolution chain.
    func explainQuote(_ q: Quote) -> CommandOutput {
        let d = workspace.analysis.documents[q.doc].document
        var text = "\(QuoteIDs.qualified(q, in: self)) - \(q.kind.rawValue) quote in \(workspace.record(at: q.doc).id)\n"
        text += "text:    \(d.string(q.content))\n"
        text += "cue:     \(q.cue)\n"
        let how = q.speakerMethod.map { " (\($0.rawValue))" } ?? ""
        if let r = q.speakerRange { text += "speaker: \(d.string(r)) -> \(q.speaker ?? "unresolved")\(q.speaker == nil ? "" : how)\n" } else { text += "speaker: \(q.speaker ?? "unresolved")\(q.speaker == nil ? "" : how)\n" }
        text += "source:  \(q.source ?? "unknown")\n"
        if let rb = q.reportedBy { text += "reported by: \(rb)\n" }
        let evidence = workspace.analysis.evidence(of: q)
        let steps = evidence.enumerated().map { [Value.int($0.offset + 1), .string($0.element.rule), .string($0.element.detail)] }
        let json = Value.obj(["id": .string(QuoteIDs.qualified(q, in: self)), "kind": .string(q.kind.rawValue), "text": .string(d.string(q.content)),
                              "cue": .string(q.cue), "speaker_text": q.speakerRange.map { .string(d.string($0)) }, "speaker": .str(q.speaker),
                              "speaker_method": .str(q.speakerMethod?.rawValue), "source": .str(q.source), "reported_by": .str(q.reportedBy),
                              "evidence": .array(evidence.map { .obj(["rule": .string($0.rule), "detail": .string($0.detail)]) })])
        return CommandOutput(blocks: [.text(text), .heading("Resolution chain"),
                                      .table(Table([Column("step"), Column("rule"), Column("detail", flexible: true)], rows: steps))],
                             json: json)
    }
}
