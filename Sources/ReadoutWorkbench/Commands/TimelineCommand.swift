import ReadoutEngine

extension CommandSpec {
    static let timeline = CommandSpec(
        name: "timeline",
        summary: "dates mentioned in the text, resolved against the article date, in order, with their sentence",
        usage: "timeline [doc=D] [sort=date|text]",
        keys: [KeySpec("doc", "only this document", .documents),
               KeySpec("sort", "date: resolved dates in time order, then unresolved ones; text: as written", .values(["date", "text"]))],
        example: "set date=2021-04-16 doc=000; timeline"
    ) { wb, inv throws(ReadoutError) in
        try wb.timelineCommand(inv)
    }
}

/// One dated statement for `timeline` and `report`.
struct TimelineEntry {
    var doc: Int
    var mention: DateMention
    var resolved: ResolvedDate?
    /// Why it resolved as it did, or why not.
    var basis: String
    var paragraph: Int
    var sentence: String
}

extension Workbench {
    /// The dates of documents `docs`, found by the date finder and the entity layer, resolved.
    ///
    /// Conventions (see `DateExpression.resolve`): weekdays and months without a year are the most
    /// recent on or before the article date; `last`/`next` are strictly before/after it.
    func timelineEntries(_ docs: [Int]) -> [TimelineEntry] {
        let a = workspace.analysis
        var out: [TimelineEntry] = []
        for d in docs {
            let rec = workspace.record(at: d)
            let doc = rec.document
            let anchor = rec.date.flatMap { CivilDate(iso: $0) }
            let entityDates = a.documents.indices.contains(d)
                ? a.documents[d].mentions.filter { $0.label == .date }.map(\.range) : []
            for m in DateFinder.merge(DateFinder.find(in: doc), entityRanges: entityDates, in: doc) {
                let resolved = m.expression?.resolve(anchor: anchor)
                let basis: String
                if let e = m.expression {
                    if resolved == nil {
                        basis = "needs the article date (set date=YYYY-MM-DD doc=\(rec.id))"
                    } else if e.resolve(anchor: nil) != nil {
                        basis = "as written"
                    } else {
                        basis = "from article date \(anchor!.iso)"
                    }
                } else {
                    basis = "unresolved: a period or duration, not a point in time"
                }
                let si = doc.sentenceIndex(containing: m.range.start)
                let sentence = si.map { Concordance.flatten(doc.string(doc.sentences[$0].range)) } ?? ""
                out.append(TimelineEntry(doc: d, mention: m, resolved: resolved, basis: basis,
                                         paragraph: (doc.paragraphIndex(containing: m.range.start) ?? 0) + 1, sentence: sentence))
            }
        }
        return out
    }

    func timelineCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let docs = try docOption(inv).map { [$0] } ?? Array(0..<workspace.documents.count)
        var entries = timelineEntries(docs)
        if inv.choice("sort", default: "date") == "date" {
            let resolved = entries.enumerated().filter { $0.element.resolved != nil }
                .sorted { ($0.element.resolved!, $0.offset) < ($1.element.resolved!, $1.offset) }.map(\.element)
            entries = resolved + entries.filter { $0.resolved == nil }
        }
        func found(_ m: DateMention) -> String { m.byFinder && m.byEntities ? "both" : m.byFinder ? "finder" : "entities" }
        let rows: [[Value]] = entries.map { e in
            [.string(e.resolved?.text ?? "?"), .string(e.mention.text), .string(e.basis), .string(workspace.record(at: e.doc).id),
             .int(e.paragraph), .string(e.sentence)]
        }
        let json = Value.array(entries.map { e in
            .obj(["date": .str(e.resolved?.text), "granularity": .str(e.resolved?.granularity.rawValue), "text": .string(e.mention.text),
                  "resolved": .bool(e.resolved != nil), "basis": .string(e.basis), "found_by": .string(found(e.mention)),
                  "doc": .string(workspace.record(at: e.doc).id), "para": .int(e.paragraph), "sentence": .string(e.sentence)])
        })
        let table = Table([Column("date"), Column("as written", key: "text"), Column("basis", flexible: true), Column("doc"),
                           Column("para"), Column("sentence", flexible: true)], rows: rows)
        let unresolved = entries.filter { $0.resolved == nil }.count
        return CommandOutput(blocks: [.heading("\(entries.count) date\(entries.count == 1 ? "" : "s"), \(unresolved) unresolved"), .table(table)],
                             json: json)
    }
}
