import ReadoutEngine

extension CommandSpec {
    static let report = CommandSpec(
        name: "report", summary: "a Markdown brief of the session for an editor: documents, entities, sources, diffs, notes",
        usage: "report [FILE.md] [entities=N]",
        keys: [KeySpec("entities", "how many key entities to list (default 12)")],
        example: "report brief.md", positionals: 0...1, positionalCompletion: .files
    ) { wb, inv throws(ReadoutError) in
        let md = try wb.reportMarkdown(entityLimit: try inv.int("entities", default: 12, range: 1...1000))
        guard let file = inv.positionals.first else {
            return CommandOutput(blocks: [.text(md)], json: .obj(["markdown": .string(md)]))
        }
        let path = Paths.expandTilde(file.text)
        do throws(ReadoutError) {
            try AtomicFile.write(Array(md.utf8), to: path)
        } catch {
            var e = error
            e.column = file.column
            throw e
        }
        return .message("wrote the report to \(file.text) (\(md.utf8.count) bytes)",
                         [Value.Field("path", .string(file.text)), Value.Field("bytes", .int(md.utf8.count))])
    }
}

extension Workbench {
    /// The session brief as Markdown.
    func reportMarkdown(entityLimit: Int) throws(ReadoutError) -> String {
        let recs = workspace.documents.values
        guard !recs.isEmpty else {
            throw ReadoutError("nothing to report: the workspace is empty", hint: "load some articles first, e.g. 'load seeds/'")
        }
        let a = try workspace.analyzed()
        let words = recs.reduce(0) { $0 + $1.words }
        let named = a.entities.filter { !$0.label.isValue }
        let speakers = Set(a.quotes.compactMap { $0.speaker ?? $0.source })
        var md = "# Readout brief\n\n"
        md += "\(recs.count) document\(recs.count == 1 ? "" : "s"), \(words) words; \(named.count) named entities; "
        md += "\(a.quotes.count) quote\(a.quotes.count == 1 ? "" : "s") from \(speakers.count) speaker\(speakers.count == 1 ? "" : "s") or source\(speakers.count == 1 ? "" : "s").\n"

        md += "\n## Documents\n\n"
        md += Markdown.table(["id", "title", "date", "words"], recs.map { [$0.id, $0.title, $0.date ?? "unknown", String($0.words)] })

        md += "\n## Key entities\n\n"
        let key = named.sorted { $0.mentions.count != $1.mentions.count ? $0.mentions.count > $1.mentions.count : $0.id < $1.id }
            .prefix(entityLimit)
        if key.isEmpty {
            md += "No named entities were found.\n"
        } else {
            md += Markdown.table(["entity", "type", "role", "mentions", "documents", "also written"], key.map { e in
                [e.name, e.label.rawValue, e.role ?? "", String(e.mentions.count), String(Set(e.mentions.map(\.doc)).count),
                 e.aliases.filter { $0 != e.name }.prefix(3).joined(separator: "; ")]
            })
        }

        md += "\n## Sources and share of voice\n\n"
        if a.quotes.isEmpty {
            md += "No quotations or reported statements were found.\n"
        } else {
            struct Voice { var quotes = 0; var words = 0; var direct = 0; var source: String? }
            var voices: [String: Voice] = [:]
            var totalWords = 0
            for q in a.quotes {
                let who = q.speaker ?? q.source ?? "(unattributed)"
                let n = a.documents[q.doc].document.string(q.content).split(whereSeparator: \.isWhitespace).count
                voices[who, default: Voice()].quotes += 1
                voices[who]!.words += n
                if q.kind == .direct { voices[who]!.direct += 1 }
                if voices[who]!.source == nil, q.speaker != nil { voices[who]!.source = q.source }
                totalWords += n
            }
            let ordered = voices.sorted { $0.value.words != $1.value.words ? $0.value.words > $1.value.words : $0.key < $1.key }
            md += "Share of voice is each speaker's share of all quoted words.\n\n"
            md += Markdown.table(["speaker", "speaks for", "quotes", "direct", "words quoted", "share of voice"], ordered.map { k, v in
                [k, v.source ?? "", String(v.quotes), String(v.direct), String(v.words),
                 totalWords == 0 ? "0%" : String(Int((Double(v.words) * 100 / Double(totalWords)).rounded())) + "%"]
            })
        }

        md += "\n## Timeline\n\n"
        let dated = timelineEntries(Array(0..<recs.count)).filter { $0.resolved != nil }
            .sorted { $0.resolved! < $1.resolved! }
        if dated.isEmpty {
            md += "No dates could be placed in time" + (recs.contains { $0.date == nil } ? " (set article dates with `set date=YYYY-MM-DD doc=D`)" : "") + ".\n"
        } else {
            md += Markdown.table(["date", "as written", "document", "sentence"], dated.map { e in
                [e.resolved!.text, e.mention.text, recs[e.doc].id, e.sentence]
            })
        }

        md += "\n## Diffs\n\n"
        if diffLog.isEmpty {
            md += "No diff was run in this session.\n"
        } else {
            // at most 15 topics a line, so the brief stays readable; `diff` itself lists them all
            func list(_ xs: [String]) -> String {
                if xs.isEmpty { return "nothing" }
                let shown = xs.prefix(15).map(Markdown.inline).joined(separator: ", ")
                return xs.count > 15 ? shown + " and \(xs.count - 15) more" : shown
            }
            for d in diffLog {
                md += "### \(Markdown.inline(d.a)) and \(Markdown.inline(d.b))\n\n"
                md += "`\(Markdown.inline(d.command))`\n\n"
                md += "- Both raised: \(list(d.shared))\n"
                md += "- Only \(Markdown.inline(d.a)): \(list(d.onlyA))\n"
                md += "- Only \(Markdown.inline(d.b)): \(list(d.onlyB))\n\n"
            }
        }

        md += (diffLog.isEmpty ? "\n" : "") + "## Notes\n\n"
        if workspace.notes.isEmpty {
            md += "No notes.\n"
        } else {
            md += workspace.notes.map { n in "- " + Markdown.inline(n.text) + (n.on.map { " _(on \(Markdown.inline($0)))_" } ?? "") }
                .joined(separator: "\n") + "\n"
        }
        return md
    }
}

/// Markdown building blocks for `report`.
enum Markdown {
    /// Text for one line: line breaks as spaces.
    static func inline(_ s: String) -> String {
        String(s.map { $0.isNewline ? " " : $0 })
    }

    /// A pipe table; `|` in cells escaped.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map { inline($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        return row(header) + "|" + header.map { _ in " --- |" }.joined() + "\n" + rows.map(row).joined()
    }
}
