import ReadoutEngine

extension CommandSpec {
    static let entities = CommandSpec(
        name: "entities", summary: "people, organisations, places and more, with aliases merged and roles",
        usage: "entities [type=T] [doc=D] [min=N] [sort=count|name|first] [top=N] [numbers=on]",
        keys: [KeySpec("type", "only this type: PERSON, ORG, GPE, LOC, NORP, FAC, DATE, MONEY, PERCENT, LAW, EVENT…",
                       .values(EntityLabel.allCases.map(\.rawValue))),
               KeySpec("doc", "only mentions in this document", .documents),
               KeySpec("min", "only entities mentioned at least N times"),
               KeySpec("sort", "order: most mentioned, by name, or by first mention", .values(["count", "name", "first"])),
               KeySpec("top", "show only the first N"),
               KeySpec("numbers", "also list plain numbers (CARDINAL, ORDINAL), hidden unless asked for", .values(["on", "off"]))],
        example: "entities type=PERSON sort=first"
    ) { wb, inv throws(ReadoutError) in
        try wb.entitiesCommand(inv)
    }

    static let mentions = CommandSpec(
        name: "mentions", summary: "every mention of an entity in context, alias-aware; with no NAME, every mention of every entity",
        usage: "mentions [NAME] [doc=D] [type=T] [width=N]",
        keys: [KeySpec("doc", "only this document", .documents),
               KeySpec("type", "with no NAME: only mentions of this type", .values(EntityLabel.allCases.map(\.rawValue))),
               KeySpec("width", "characters of context each side")],
        example: "mentions Biden", positionals: 0...1, positionalCompletion: .entities
    ) { wb, inv throws(ReadoutError) in
        try wb.mentionsCommand(inv)
    }

    static let explain = CommandSpec(
        name: "explain", summary: "why something is an entity or a quote: rules, gazetteer entries, merge steps, cues",
        usage: "explain NAME|QUOTE_ID", example: "explain Psaki",
        positionals: 1...1, positionalCompletion: .entities
    ) { wb, inv throws(ReadoutError) in
        try wb.explainCommand(inv)
    }
}

extension Workbench {
    func entitiesCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let a = try workspace.analyzed()
        let type = inv.string("type").map { EntityLabel(rawValue: $0)! }
        let docIndex = try docOption(inv)
        let minCount = try inv.int("min", default: 1)
        // rows refer to entities by index: copying each entity into its row retained all its arrays
        struct Row { var index: Int; var count: Int; var docs: [Int]; var first: MentionRef }
        var rows: [Row] = []
        let plainNumbers: Set<EntityLabel> = [.cardinal, .ordinal]
        let showNumbers = type != nil || inv.choice("numbers", default: "off") == "on"
        // documents already counted for the current entity (cleared after each): a search of its
        // document list per mention grew with the square of the documents an entity is in
        var seen = [Bool](repeating: false, count: a.documents.count)
        // entities are read in place (`a.entities[index]`): binding each to a constant retained all its strings and arrays
        for index in a.entities.indices {
            let label = a.entities[index].label
            guard (type == nil || label == type) && (showNumbers || !plainNumbers.contains(label)) else { continue }
            let ms = docIndex.map { d in a.entities[index].mentions.filter { $0.doc == d } } ?? a.entities[index].mentions
            guard ms.count >= minCount, let first = ms.first else { continue }
            var docs: [Int] = []
            for m in ms where !seen[m.doc] {
                seen[m.doc] = true
                docs.append(m.doc)
            }
            for d in docs { seen[d] = false }
            rows.append(Row(index: index, count: ms.count, docs: docs, first: first))
        }
        let entities = a.entities
        switch inv.choice("sort", default: "count") {
        case "name":
            let names = entities.map { $0.name.lowercased() }
            rows.sort { names[$0.index] != names[$1.index] ? names[$0.index] < names[$1.index] : entities[$0.index].id < entities[$1.index].id }
        case "first": rows.sort { ($0.first.doc, $0.first.mention) < ($1.first.doc, $1.first.mention) }
        default: rows.sort { $0.count != $1.count ? $0.count > $1.count : ($0.first.doc, $0.first.mention) < ($1.first.doc, $1.first.mention) }
        }
        if inv.options["top"] != nil { rows = Array(rows.prefix(try inv.int("top", default: 20, range: 1...1_000_000))) }
        let docID = { (i: Int) in self.workspace.record(at: i).id }
        let table = Table([Column("name"), Column("type"), Column("mentions"), Column("docs"),
                           Column("aliases", flexible: true), Column("role", flexible: true)],
                          rows: rows.map { r in
                              let name = entities[r.index].name
                              return [.string(name), .string(entities[r.index].label.rawValue), .int(r.count), .int(r.docs.count),
                                      .string(entities[r.index].aliases.filter { $0 != name }.joined(separator: "; ")),
                                      .str(entities[r.index].role)]
                          })
        guard format.isJSON else { return .table(table) } // the JSON form is built only when printed
        let json = Value.array(rows.map { r in
            .obj(["name": .string(entities[r.index].name), "type": .string(entities[r.index].label.rawValue), "count": .int(r.count),
                  "aliases": .array(entities[r.index].aliases.map { .string($0) }), "docs": .array(r.docs.map { .string(docID($0)) }),
                  "role": entities[r.index].role.map { .string($0) }, "body": entities[r.index].body.map { .string($0) }])
        })
        return .table(table, json: json)
    }

    func mentionsCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        guard let name = inv.positionals.first else { return try allMentions(inv) }
        if let t = inv.options["type"] {
            throw ReadoutError("'type=' goes with 'mentions' alone, not with a name", hint: "mentions type=\(t.text), or mentions \(Lexer.quote(name.text))", column: t.column)
        }
        let e = try entity(name)
        let a = try workspace.analyzed()
        let width = try inv.int("width", default: 40, range: 5...500)
        let docIndex = try docOption(inv)
        var rows: [[Value]] = []
        var json: [Value] = []
        var positions = ScalarPositions(a.documents.map(\.document))
        for (n, ref) in e.mentions.enumerated() where docIndex == nil || ref.doc == docIndex {
            if n & 1023 == 1023 { try Interrupt.check() }
            let da = a.documents[ref.doc]
            let m = da.mentions[ref.mention]
            let ctx = Concordance.context(da.document, m.range, width: width)
            let para = (da.document.paragraphIndex(containing: m.range.start) ?? 0) + 1
            let id = workspace.record(at: ref.doc).id
            rows.append([.string(id), .int(para), .string(ctx.left), .string(ctx.keyword), .string(ctx.right)])
            let offsets = positions.offsets(ref.doc, m.range)
            json.append(.obj(["doc": .string(id), "para": .int(para), "left": .string(ctx.left), "mention": .string(ctx.keyword),
                              "right": .string(ctx.right), "start": .int(offsets.start), "end": .int(offsets.end), "rule": .string(m.rule)]))
        }
        let t = Table([Column("doc"), Column("para"), Column("left", flexible: true, alignRight: true), Column("mention"),
                       Column("right", flexible: true, wraps: false)], rows: rows)
        return CommandOutput(blocks: [.heading("\(e.name) (\(e.label.rawValue)), \(rows.count) mention\(rows.count == 1 ? "" : "s")"), .table(t)],
                             json: .array(json))
    }

    /// Every mention of every entity, in document and text order: for export to annotation tools
    /// and for scoring real spans (JSON `start`/`end` are Unicode scalar offsets, as quotes give).
    private func allMentions(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let a = try workspace.analyzed()
        let docIndex = try docOption(inv)
        let type = inv.string("type").map { EntityLabel(rawValue: $0)! }
        var rows: [[Value]] = []
        var json: [Value] = []
        var positions = ScalarPositions(a.documents.map(\.document))
        let wantJSON = format.isJSON
        for d in a.documents.indices where docIndex == nil || d == docIndex {
            try Interrupt.check()
            let da = a.documents[d]
            let id = workspace.record(at: d).id
            for (i, m) in da.mentions.enumerated() where type == nil || m.label == type {
                let text = da.document.string(m.range)
                let entity = a.entities[da.mentionEntity[i]].name
                rows.append([.string(id), .string(text), .string(m.label.rawValue), .string(entity)])
                guard wantJSON else { continue }
                let offsets = positions.offsets(d, m.range)
                json.append(.obj(["doc": .string(id), "start": .int(offsets.start), "end": .int(offsets.end), "text": .string(text),
                                  "type": .string(m.label.rawValue), "entity": .string(entity), "rule": .string(m.rule)]))
            }
        }
        let t = Table([Column("doc"), Column("mention", flexible: true), Column("type"), Column("entity", flexible: true)], rows: rows)
        return .table(t, json: wantJSON ? .array(json) : nil)
    }

    func explainCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let w = inv.positionals[0]
        if let q = try quote(w, required: false) { return explainQuote(q) }
        let e = try entity(w)
        let a = try workspace.analyzed()
        var text = "\(e.name) - \(e.label.rawValue)"
        if let r = e.role { text += ", \(r)" }
        if let b = e.body { text += " (speaks for \(b))" }
        text += "\n\(e.mentions.count) mention\(e.mentions.count == 1 ? "" : "s") in \(Set(e.mentions.map(\.doc)).count) document(s)\n"
        var aliasRows: [[Value]] = []
        var seen: [String: (count: Int, first: MentionRef)] = [:]
        var order: [String] = []
        for ref in e.mentions {
            let da = a.documents[ref.doc]
            let s = da.document.string(da.mentions[ref.mention].range)
            if seen[s] == nil { order.append(s); seen[s] = (0, ref) }
            seen[s]!.count += 1
        }
        // each surface form's first mention says why it is one; its document is recognised again for the detail
        var evidenceOfDoc: [Int: [Evidence]] = [:]
        for s in order {
            let (n, ref) = seen[s]!
            if evidenceOfDoc[ref.doc] == nil { evidenceOfDoc[ref.doc] = a.mentionEvidence(doc: ref.doc) }
            let ev = evidenceOfDoc[ref.doc]![ref.mention]
            aliasRows.append([.string(s), .int(n), .string(ev.rule), .string(ev.detail), .string(workspace.record(at: ref.doc).id)])
        }
        let steps = e.evidence.enumerated().map { [Value.int($0.offset + 1), .string($0.element.rule), .string($0.element.detail)] }
        let json = Value.obj(["name": .string(e.name), "type": .string(e.label.rawValue), "role": .str(e.role), "body": .str(e.body),
                              "aliases": .array(aliasRows.map { .obj(["surface": $0[0], "count": $0[1], "rule": $0[2], "detail": $0[3], "first_doc": $0[4]]) }),
                              "evidence": .array(e.evidence.map { .obj(["rule": .string($0.rule), "detail": .string($0.detail)]) })])
        return CommandOutput(blocks: [.text(text), .heading("Surface forms and why each is a mention"),
                                      .table(Table([Column("surface"), Column("count"), Column("rule"), Column("detail", flexible: true), Column("first doc")], rows: aliasRows)),
                                      .heading("Recognition and merge steps"),
                                      .table(Table([Column("step"), Column("rule"), Column("detail", flexible: true)], rows: steps))],
                             json: json)
    }
}

