import ReadoutEngine

extension CommandSpec {
    static let quotes = CommandSpec(
        name: "quotes", summary: "who said what: direct, reported and mixed quotes with speaker and source",
        usage: "quotes [who=NAME|GROUP] [kind=direct|indirect|mixed|reported] [doc=D] [about=TEXT]",
        keys: [KeySpec("who", "a speaker, a source (the body spoken for) or a group from 'alias'", .speakers),
               // `sources` counts indirect and mixed quotes as "reported"; the word means the same here
               KeySpec("kind", "only this kind", .values(QuoteKind.allCases.map(\.rawValue)),
                       synonyms: [("reported", [QuoteKind.indirect.rawValue, QuoteKind.mixed.rawValue])]),
               KeySpec("doc", "only this document", .documents),
               KeySpec("about", "only quotes whose words mention this entity (by any of its names) or hold these words", .entities)],
        example: "quotes who=Psaki kind=direct"
    ) { wb, inv throws(ReadoutError) in
        try wb.quotesCommand(inv)
    }

    static let sources = CommandSpec(
        name: "sources", summary: "share of voice: each speaker's source, direct and reported counts, quoted words",
        usage: "sources [doc=D]", keys: [KeySpec("doc", "only this document", .documents)],
        example: "sources"
    ) { wb, inv throws(ReadoutError) in
        try wb.sourcesCommand(inv)
    }

    static let alias = CommandSpec(
        name: "alias", summary: "define a group of speakers and sources, e.g. one side of a story",
        usage: "alias NAME = MEMBER...", example: "alias whitehouse = \"White House\" Psaki \"US side\"",
        positionals: 1...Int.max, positionalCompletion: .speakers
    ) { wb, inv throws(ReadoutError) in
        try wb.aliasCommand(inv)
    }

    static let aliases = CommandSpec(
        name: "aliases", summary: "list the groups defined with 'alias'", usage: "aliases", example: "aliases"
    ) { wb, _ throws(ReadoutError) in
        let rows = wb.workspace.groups.map { [Value.string($0.key), .string($0.value.map { Lexer.quote($0) }.joined(separator: " "))] }
        let json = Value.array(wb.workspace.groups.map { .obj(["name": .string($0.key), "members": .array($0.value.map { .string($0) })]) })
        return .table(Table([Column("group"), Column("members", flexible: true)], rows: rows), json: json)
    }

    static let unalias = CommandSpec(
        name: "unalias", summary: "remove a group", usage: "unalias NAME", example: "unalias whitehouse",
        positionals: 1...1, positionalCompletion: .speakers
    ) { wb, inv throws(ReadoutError) in
        let w = inv.positionals[0]
        guard wb.workspace.groups.removeValue(forKey: w.text) != nil else {
            throw ReadoutError.unknown("group", w.text, candidates: Array(wb.workspace.groups.keys), column: w.column, listAll: true)
        }
        return .message("removed group '\(w.text)'", mutates: true)
    }
}

extension Workbench {
    func quotesCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let a = try workspace.analyzed()
        var qs = a.quotes
        if let w = inv.options["who"] { qs = try quotes(who: w) }
        if let kinds = inv.values("kind") { qs = qs.filter { kinds.contains($0.kind.rawValue) } }
        if let d = try docOption(inv) { qs = qs.filter { $0.doc == d } }
        if let w = inv.options["about"] {
            qs = try quotes(qs, about: w, in: a)
        }
        // rows made as they are printed, a block at a time: a whole corpus's quotes are many
        let qualified = QuoteIDs.qualifier(in: self)
        let documents = a.documents, shown = qs
        // long speaker and source names wrap, so the quote's text keeps most of a narrow table
        let columns = [Column("id"), Column("speaker", flexible: true), Column("source", flexible: true), Column("kind"), Column("cue"),
                       Column("text", flexible: true, share: 3)]
        let table = Table(columns, count: qs.count) { range in
            shown[range].map { q in
                [.string(qualified(q)), .str(q.speaker ?? Workbench.speakerText(q, in: documents)), .str(q.source),
                 .string(q.kind.rawValue), .string(q.cue), .string(documents[q.doc].document.string(q.content))]
            }
        }
        var json: Value? = nil // built only when printed
        if format.isJSON {
            var positions = ScalarPositions(documents.map(\.document))
            json = Value.array(qs.map { quoteJSON($0, &positions) })
        }
        return .table(table, json: json)
    }

    /// The quotes among `qs` about `w`: those whose words hold a mention of the entity `w` names
    /// (by any of its names: `about=Biden` finds `the president`'s quotes only where the entity
    /// layer saw Biden), or the words of `w` themselves as whole words (case-insensitive when
    /// typed in lower case). An alias is never a substring test: `US` does not match `Russia`,
    /// nor a lower-case `us`.
    func quotes(_ qs: [Quote], about w: Word, in a: CorpusAnalysis) throws(ReadoutError) -> [Quote] {
        let entity = try names.entity(w.text, column: w.column)
        let needle = w.text.trimmingCharacters(in: .whitespaces)
        let options: String.CompareOptions = needle == needle.lowercased() ? [.caseInsensitive] : []
        func wordIn(_ t: String) -> Bool {
            var from = t.startIndex
            while let r = t.range(of: needle, options: options, range: from..<t.endIndex) {
                let before = r.lowerBound == t.startIndex ? nil : t[t.index(before: r.lowerBound)]
                let after = r.upperBound == t.endIndex ? nil : t[r.upperBound]
                if !(before?.isLetter ?? false || before?.isNumber ?? false) && !(after?.isLetter ?? false || after?.isNumber ?? false) { return true }
                from = t.index(after: r.lowerBound)
            }
            return false
        }
        return qs.filter { q in
            if let e = entity, case let da = a.documents[q.doc], da.mentions(in: q.content).contains(where: { da.mentionEntity[$0] == e }) {
                return true
            }
            return !needle.isEmpty && wordIn(a.documents[q.doc].document.string(q.content))
        }
    }

    /// The speaker as written, for quotes whose speaker is unresolved.
    func speakerText(_ q: Quote) -> String? {
        Workbench.speakerText(q, in: workspace.analysis.documents)
    }

    /// The speaker of `q` as written in its document among `documents` (for rows made away from the workbench).
    static func speakerText(_ q: Quote, in documents: [DocumentAnalysis]) -> String? {
        q.speakerRange.map { documents[q.doc].document.string($0) }
    }

    /// A quote as JSON, with stable field names; `positions` gives its scalar offsets.
    func quoteJSON(_ q: Quote, _ positions: inout ScalarPositions) -> Value {
        let d = workspace.analysis.documents[q.doc].document
        let offsets = positions.offsets(q.doc, q.content)
        return .obj(["id": .string(QuoteIDs.qualified(q, in: self)), "doc": .string(workspace.record(at: q.doc).id),
                     "speaker": .str(q.speaker), "speaker_text": .str(speakerText(q)),
                     "speaker_method": .str(q.speakerMethod?.rawValue), "source": .str(q.source),
                     "kind": .string(q.kind.rawValue), "cue": .string(q.cue), "text": .string(d.string(q.content)),
                     "reported_by": q.reportedBy.map { .string($0) },
                     "start": .int(offsets.start), "end": .int(offsets.end)])
    }

    func sourcesCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let a = try workspace.analyzed()
        var qs = a.quotes
        if let d = try docOption(inv) { qs = qs.filter { $0.doc == d } }
        struct Tally { var source: String?; var direct = 0; var reported = 0; var words = 0; var first: Int }
        var tallies: [String: Tally] = [:]
        var order: [String] = []
        var total = 0
        for (i, q) in qs.enumerated() {
            let name = q.speaker ?? speakerText(q) ?? "(unknown)"
            if tallies[name] == nil { tallies[name] = Tally(source: q.source, first: i); order.append(name) }
            let words = a.documents[q.doc].document.string(q.content).split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            if q.kind == .direct { tallies[name]!.direct += 1 } else { tallies[name]!.reported += 1 }
            tallies[name]!.words += words
            total += words
        }
        order.sort { tallies[$0]!.words != tallies[$1]!.words ? tallies[$0]!.words > tallies[$1]!.words : tallies[$0]!.first < tallies[$1]!.first }
        func share(_ w: Int) -> Double { total == 0 ? 0 : (Double(w) * 1000 / Double(total)).rounded() / 10 }
        let rows: [[Value]] = order.map { n in
            let t = tallies[n]!
            return [.string(n), .str(t.source), .int(t.direct), .int(t.reported), .int(t.words), .string(String(format1(share(t.words))) + "%")]
        }
        let json = Value.array(order.map { n in
            let t = tallies[n]!
            return .obj(["speaker": .string(n), "source": .str(t.source), "direct": .int(t.direct), "reported": .int(t.reported),
                         "words": .int(t.words), "share": .double(share(t.words))])
        })
        return .table(Table([Column("speaker"), Column("source"), Column("direct"), Column("reported"), Column("words"), Column("share")], rows: rows),
                      json: json)
    }

    func aliasCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let p = inv.positionals
        let name = p[0].text
        if let problem = WorkspaceRules.groupNameProblem(name) {
            throw ReadoutError(problem, hint: WorkspaceRules.groupExample, column: p[0].column)
        }
        if p.count == 1 {
            guard let members = workspace.groups[name] else {
                throw ReadoutError.unknown("group", name, candidates: Array(workspace.groups.keys), column: p[0].column, listAll: true)
            }
            return .message("\(name) = " + members.map { Lexer.quote($0) }.joined(separator: " "))
        }
        guard p[1].text == "=", !p[1].quoted else {
            throw ReadoutError("expected '=' after the group name", hint: "usage: alias NAME = MEMBER...", column: p[1].column)
        }
        let members = p.dropFirst(2).map(\.text)
        if let problem = WorkspaceRules.groupMembersProblem(members) {
            throw ReadoutError(problem, hint: "usage: alias NAME = MEMBER...", column: p[1].column)
        }
        workspace.groups[name] = members
        return .message("\(name) = " + members.map { Lexer.quote($0) }.joined(separator: " "), mutates: true)
    }
}

func format1(_ d: Double) -> String {
    let r = (d * 10).rounded() / 10
    return r == r.rounded() ? String(Int(r)) + ".0" : String(r)
}
