import ReadoutEngine

extension CommandSpec {
    static let diff = CommandSpec(
        name: "diff", summary: "how two sides' accounts differ: topics both raised, and what each raised alone",
        usage: "diff A B [doc=D] | diff DOC1 DOC2 text",
        keys: [KeySpec("doc", "only statements in this document", .documents)],
        example: "diff whitehouse kremlin",
        positionals: 2...3, positionalCompletion: .speakers
    ) { wb, inv throws(ReadoutError) in
        if inv.positionals.count == 3 {
            guard inv.positionals[2].text == "text" else {
                throw ReadoutError("unexpected '\(inv.positionals[2].text)'", hint: "the third word can only be 'text' (diff DOC1 DOC2 text)",
                                   column: inv.positionals[2].column)
            }
            return try wb.textDiff(inv.positionals[0], inv.positionals[1])
        }
        return try wb.topicDiff(inv)
    }
}

/// One side of a diff: its name, kind, and statements.
struct DiffSide {
    var name: String
    var kind: String
    var quotes: [Quote]
    /// For a group: its members, as defined (who is talking, not a topic).
    var members: [String] = []
    /// For document sides without quotes: sentences as statements (ranges in that document).
    var sentences: [(doc: Int, range: TextRange, id: String)]
}

/// A diff run this session, kept for `report`.
public struct DiffRecord: Sendable {
    /// The command as typed.
    public var command: String
    /// The two sides' names.
    public var a: String
    public var b: String
    /// Topic names in each column.
    public var shared: [String]
    public var onlyA: [String]
    public var onlyB: [String]
}

extension Workbench {
    /// Resolves a diff side: a group, a speaker or source, else a document (see `side`).
    func diffSide(_ w: Word, doc: Int?) throws(ReadoutError) -> DiffSide {
        let a = try workspace.analyzed()
        let s = try side(w, doc: doc)
        guard let i = s.document else { return DiffSide(name: s.name, kind: s.kind, quotes: s.quotes, members: s.members, sentences: []) }
        let dq = a.quotes.filter { $0.doc == i }
        if !dq.isEmpty { return DiffSide(name: s.name, kind: "document", quotes: dq, sentences: []) }
        let d = a.documents[i].document
        return DiffSide(name: s.name, kind: "document", quotes: [],
                        sentences: d.sentences.enumerated().map { (i, $0.element.range, "s\($0.offset + 1)") })
    }

    func topicDiff(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let a = try workspace.analyzed()
        let doc = try docOption(inv)
        let sa = try diffSide(inv.positionals[0], doc: doc)
        let sb = try diffSide(inv.positionals[1], doc: doc)
        let named = { (d: Int) -> [TopicExtractor.NamedMention] in
            let da = a.documents[d]
            return da.mentions.enumerated().map { i, m in
                TopicExtractor.NamedMention(range: m.range, label: m.label, canonical: a.entities[da.mentionEntity[i]].name)
            }
        }
        var mentionCache: [Int: [TopicExtractor.NamedMention]] = [:]
        func mentions(_ d: Int) -> [TopicExtractor.NamedMention] {
            if let c = mentionCache[d] { return c }
            let m = named(d)
            mentionCache[d] = m
            return m
        }
        struct Cited { var id: String; var speaker: String?; var doc: Int; var content: TextRange }
        func statements(_ s: DiffSide) -> ([TopicDiff.Statement], [Cited]) {
            if !s.quotes.isEmpty {
                return (s.quotes.map { TopicDiff.Statement(document: a.documents[$0.doc].document, content: $0.content, mentions: mentions($0.doc)) },
                        s.quotes.map { Cited(id: QuoteIDs.qualified($0, in: self), speaker: $0.speaker ?? speakerText($0), doc: $0.doc, content: $0.content) })
            }
            return (s.sentences.map { TopicDiff.Statement(document: a.documents[$0.doc].document, content: $0.range, mentions: mentions($0.doc)) },
                    s.sentences.map { Cited(id: workspace.record(at: $0.doc).id + ":" + $0.id, speaker: nil, doc: $0.doc, content: $0.range) })
        }
        let (stA, citedA) = statements(sa)
        let (stB, citedB) = statements(sb)
        // who is talking is not what is talked about: the sides' names, group members, speakers and sources
        var participants: Set<String> = [sa.name, sb.name]
        for side in [sa, sb] {
            participants.formUnion(side.members)
            for q in side.quotes {
                if let s = q.speaker { participants.insert(s) }
                if let s = q.source { participants.insert(s) }
                if let t = speakerText(q) { participants.insert(t) }
            }
        }
        let result = TopicDiff.compare(stA, stB, participants: participants)

        func statementJSON(_ c: Cited, clause: TextRange?) -> Value {
            let d = a.documents[c.doc].document
            return .obj(["id": .string(c.id), "speaker": .str(c.speaker), "doc": .string(workspace.record(at: c.doc).id),
                         "text": .string(d.string(c.content)), "clause": clause.map { .string(d.string($0)) }])
        }
        func cites(_ cs: [TopicDiff.Citation], _ cited: [Cited]) -> [Value] {
            cs.map { statementJSON(cited[$0.statement], clause: $0.clause) }
        }
        func cell(_ cs: [TopicDiff.Citation], _ cited: [Cited]) -> String {
            cs.map { c in "\(cited[c.statement].id): " + snippet(a.documents[cited[c.statement].doc].document, c) }.joined(separator: "\n")
        }
        func topicName(_ e: TopicDiff.Entry) -> String { e.forms.isEmpty ? e.display : e.display + " (" + e.forms.joined(separator: "; ") + ")" }
        let sideJSON = { (s: DiffSide, n: Int) -> Value in .obj(["name": .string(s.name), "kind": .string(s.kind), "statements": .int(n)]) }
        let json = Value.obj([
            "a": sideJSON(sa, stA.count), "b": sideJSON(sb, stB.count),
            "shared": .array(result.shared.map { .obj(["topic": .string($0.display), "forms": .array($0.forms.map { .string($0) }),
                                                       "a": .array(cites($0.a, citedA)), "b": .array(cites($0.b, citedB))]) }),
            "only_a": .array(result.onlyA.map { .obj(["topic": .string($0.display), "forms": .array($0.forms.map { .string($0) }),
                                                      "statements": .array(cites($0.a, citedA))]) }),
            "only_b": .array(result.onlyB.map { .obj(["topic": .string($0.display), "forms": .array($0.forms.map { .string($0) }),
                                                      "statements": .array(cites($0.b, citedB))]) }),
        ])
        var blocks: [CommandOutput.Block] = [
            .text("\(sa.name) (\(stA.count) statement\(stA.count == 1 ? "" : "s")) vs \(sb.name) (\(stB.count) statement\(stB.count == 1 ? "" : "s"))"),
            .heading("Shared: raised by both (\(result.shared.count))"),
            .table(Table([Column("topic", flexible: true), Column(sa.name, key: "a", flexible: true), Column(sb.name, key: "b", flexible: true)],
                         rows: result.shared.map { [.string(topicName($0)), .string(cell($0.a, citedA)), .string(cell($0.b, citedB))] })),
            .heading("Only in \(sa.name) (\(result.onlyA.count))"),
            .table(Table([Column("topic", flexible: true), Column("statements", flexible: true)], rows: result.onlyA.map { [.string(topicName($0)), .string(cell($0.a, citedA))] })),
            .heading("Only in \(sb.name) (\(result.onlyB.count))"),
            .table(Table([Column("topic", flexible: true), Column("statements", flexible: true)], rows: result.onlyB.map { [.string(topicName($0)), .string(cell($0.b, citedB))] })),
        ]
        if stA.isEmpty || stB.isEmpty {
            blocks.insert(.text("note: \(stA.isEmpty ? sa.name : sb.name) has no statements\(doc == nil ? "" : " in that document")"), at: 1)
        }
        diffLog.append(DiffRecord(command: inv.source, a: sa.name, b: sb.name, shared: result.shared.map(\.display),
                                  onlyA: result.onlyA.map(\.display), onlyB: result.onlyB.map(\.display)))
        var output = CommandOutput(blocks: blocks, json: json)
        // CSV: the three sections in one table, a `section` column saying which (as JSON's keys)
        output.csv = Table([Column("section"), Column("topic"), Column(sa.name, key: "a"), Column(sb.name, key: "b")],
                           rows: result.shared.map { [.string("shared"), .string(topicName($0)), .string(cell($0.a, citedA)), .string(cell($0.b, citedB))] }
                               + result.onlyA.map { [.string("only_a"), .string(topicName($0)), .string(cell($0.a, citedA)), .string("")] }
                               + result.onlyB.map { [.string("only_b"), .string(topicName($0)), .string(""), .string(cell($0.b, citedB))] })
        return output
    }

    /// The clause around a topic, cut to about 30 characters each side of it.
    func snippet(_ d: Document, _ c: TopicDiff.Citation) -> String {
        let left = d.string(TextRange(c.clause.start, max(c.clause.start, c.range.start)))
        let right = d.string(TextRange(min(c.clause.end, c.range.end), c.clause.end))
        let l = left.count > 30 ? "…" + String(left.suffix(30)).drop(while: { $0 != " " }) : left
        let r = right.count > 30 ? String(String(right.prefix(30)).reversed().drop(while: { $0 != " " }).reversed()) + "…" : right
        return (l + d.string(c.range) + r).trimmingCharacters(in: " ")
    }

    func textDiff(_ w1: Word, _ w2: Word) throws(ReadoutError) -> CommandOutput {
        let r1 = try document(w1), r2 = try document(w2)
        let runs = WordDiff.diff(WordDiff.words(r1.document), WordDiff.words(r2.document))
        var text = "--- \(r1.id)\n+++ \(r2.id)\n"
        var added = 0, removed = 0
        var body = ""
        for r in runs {
            var s = r.words.map { $0 == "¶" ? "\n" : $0 }.joined()
            if body.isEmpty || body.hasSuffix("\n") { s = String(s.drop(while: { $0 == " " })) }
            let lead = String(s.prefix(while: { $0 == " " }))
            let rest = String(s.dropFirst(lead.count))
            switch r.op {
            case .equal: body += s
            case .delete: body += lead + "[-" + rest + "-]"; removed += r.words.filter { $0 != "¶" }.count
            case .insert: body += lead + "{+" + rest + "+}"; added += r.words.filter { $0 != "¶" }.count
            }
        }
        text += body
        text += "\n\(removed) word\(removed == 1 ? "" : "s") removed, \(added) added\n"
        let json = Value.obj(["a": .string(r1.id), "b": .string(r2.id), "removed": .int(removed), "added": .int(added),
                              "runs": .array(runs.map { .obj(["op": .string($0.op.rawValue), "text": .string($0.words.map { $0 == "¶" ? "\n" : $0 }.joined())]) })])
        return CommandOutput(blocks: [.text(text)], json: json)
    }
}
