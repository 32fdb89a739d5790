import Foundation
import ReadoutEngine

extension CommandSpec {
    static let load = CommandSpec(
        name: "load", summary: "load articles from files, folders (recursively) and globs",
        usage: "load PATH...", keys: [],
        example: "load seeds/ ../corpus/*.html",
        positionals: 1...Int.max, positionalCompletion: .files
    ) { wb, inv throws(ReadoutError) in
        try wb.load(inv.positionals.map(\.text))
    }

    static let docs = CommandSpec(
        name: "docs", summary: "list the loaded documents: id, title, words, path",
        usage: "docs", example: "docs"
    ) { wb, _ throws(ReadoutError) in
        let t = Table([Column("id"), Column("title", flexible: true), Column("words"), Column("path", flexible: true)],
                      rows: wb.workspace.documents.values.map { [.string($0.id), .string($0.title), .int($0.words), .string($0.path)] })
        let json = Value.array(wb.workspace.documents.values.map {
            .obj(["id": .string($0.id), "title": .string($0.title), "words": .int($0.words), "path": .string($0.path),
                  "encoding": .string($0.encoding.rawValue), "hash": .string($0.hash), "date": .str($0.date)])
        })
        return .table(t, json: json)
    }

    static let show = CommandSpec(
        name: "show", summary: "print a document with paragraph numbers",
        usage: "show DOC [para=N]", keys: [KeySpec("para", "print only paragraph N (1-based)")],
        example: "show 000_4fd503e8c5c9a19c para=2",
        positionals: 1...1, positionalCompletion: .documents
    ) { wb, inv throws(ReadoutError) in
        let rec = try wb.document(inv.positionals[0])
        let paras = rec.document.paragraphs
        let only: Int? = inv.options["para"] == nil ? nil : try inv.int("para", default: 1, range: 1...max(1, paras.count))
        var rows: [[Value]] = []
        for (i, p) in paras.enumerated() where only == nil || only == i + 1 {
            rows.append([.int(i + 1), .string(rec.document.string(p.range))])
        }
        var text = "\(rec.id): \(rec.title)\n"
        for r in rows { text += "[\(r[0].cellText)] \(r[1].cellText)\n" }
        let json = Value.obj(["id": .string(rec.id), "title": .string(rec.title),
                              "paragraphs": .array(rows.map { .obj(["para": $0[0], "text": $0[1]]) })])
        return CommandOutput(blocks: [.text(text)], json: json)
    }

    static let drop = CommandSpec(
        name: "drop", summary: "remove documents from the workspace",
        usage: "drop DOC...", example: "drop business-001",
        positionals: 1...Int.max, positionalCompletion: .documents
    ) { wb, inv throws(ReadoutError) in
        var ids: [String] = []
        for w in inv.positionals { ids.append(try wb.document(w).id) }
        var notes = 0
        for id in ids {
            wb.workspace.remove(id)
            notes += wb.workspace.removeNotes(aboutDocument: id)
        }
        return .message("dropped \(ids.count) document\(ids.count == 1 ? "" : "s")" + notesDropped(notes, documents: ids.count),
                        [Value.Field("dropped", .array(ids.map { .string($0) })), Value.Field("notes_dropped", .int(notes))], mutates: true)
    }

    static let clear = CommandSpec(
        name: "clear", summary: "remove every document and the notes about them, keeping groups and other notes (warns once about unsaved changes)",
        usage: "clear", example: "clear"
    ) { wb, inv throws(ReadoutError) in
        let ids = Array(wb.workspace.documents.keys)
        // with nothing to remove, nothing is lost
        if !ids.isEmpty { try wb.confirmDiscard("clear", force: inv.force) }
        wb.workspace.removeAllDocuments()
        let notes = ids.reduce(0) { $0 + wb.workspace.removeNotes(aboutDocument: $1) }
        return .message("cleared \(ids.count) document\(ids.count == 1 ? "" : "s")" + notesDropped(notes, documents: ids.count),
                        [Value.Field("cleared", .int(ids.count)), Value.Field("notes_dropped", .int(notes))], mutates: true)
    }

    /// ` and the 2 notes about them`, for the notes that went with the dropped documents.
    private static func notesDropped(_ n: Int, documents: Int) -> String {
        n == 0 ? "" : " and the \(n == 1 ? "note" : "\(n) notes") about \(documents == 1 ? "it" : "them")"
    }
}

extension Workbench {
    /// The document a word names: exact id, unique prefix, or an error with suggestions.
    public func document(_ w: Word) throws(ReadoutError) -> DocumentRecord {
        let docs = workspace.documents
        if let r = docs[w.text] { return r }
        let lower = w.text.lowercased()
        if let r = docs[lower] { return r }
        let prefixed = docs.keys.filter { $0.hasPrefix(lower) }
        if prefixed.count == 1 { return docs[prefixed[0]]! }
        if prefixed.count > 1 {
            throw ReadoutError("'\(w.text)' matches \(prefixed.count) documents", hint: "be more specific: " + prefixed.prefix(4).joined(separator: ", "), column: w.column)
        }
        if docs.isEmpty { throw ReadoutError("no document '\(w.text)': the workspace is empty", hint: "load some articles first, e.g. 'load seeds/'", column: w.column) }
        throw ReadoutError.unknown("document", w.text, candidates: Array(docs.keys), column: w.column, listAll: docs.count <= 8)
    }

    /// The document index (analysis order) that `doc=` names, if given.
    func docOption(_ inv: Invocation) throws(ReadoutError) -> Int? {
        guard let w = inv.options["doc"] else { return nil }
        return workspace.index(of: try document(w).id)
    }

    /// Loads paths, reporting per-file problems as warnings/errors; fails only if nothing loaded and something was wrong.
    func load(_ paths: [String]) throws(ReadoutError) -> CommandOutput {
        let started = Date()
        let showProgress = options.progress
        let err = options.err
        let lastDraw = ProgressThrottle()
        var loader = Loader(maxBytes: maxFileBytes)
        if showProgress {
            loader.progress = { done, total in
                guard Date().timeIntervalSince(started) > 1, lastDraw.shouldDraw(done == total) else { return }
                err("\r\u{1B}[Kloading \(done)/\(total) files…")
            }
        }
        var report = try loader.load(paths, existingIDs: Set(workspace.documents.keys), now: Int(started.timeIntervalSince1970))
        if showProgress && Date().timeIntervalSince(started) > 1 { err("\r\u{1B}[K") }
        for w in report.warnings { warn(w) }
        // The same file again is skipped; a different file with the same text loads (corpora hold
        // duplicates) and is counted in one line.
        // One load never yields two paths to the same file, so real paths matter only when
        // documents were loaded before.
        let checkPaths = !workspace.documents.isEmpty
        var knownPaths: [String: String] = [:]
        var knownHashes: [String: String] = [:]
        for r in workspace.documents.values {
            knownPaths[PathExpander.realpath(r.path) ?? r.path] = r.id
            knownHashes[r.hash] = r.id
        }
        var skipped: Set<Int> = []
        var sameText: [(String, String)] = []
        for (i, r) in report.records.enumerated() {
            if checkPaths {
                let real = PathExpander.realpath(r.path) ?? r.path
                if let id = knownPaths[real] {
                    warn("'\(r.path)' is already loaded as '\(id)'; skipped")
                    skipped.insert(i)
                    continue
                }
                knownPaths[real] = r.id
            }
            if let id = knownHashes[r.hash] { sameText.append((r.id, id)) } else { knownHashes[r.hash] = r.id }
        }
        if let (first, other) = sameText.first {
            warn("\(sameText.count) document\(sameText.count == 1 ? " has" : "s have") the same text as another (e.g. '\(first)' = '\(other)')")
        }
        if !skipped.isEmpty {
            report.records = report.records.indices.filter { !skipped.contains($0) }.map { report.records[$0] }
        }
        workspace.add(report.records)
        let words = report.records.reduce(0) { $0 + $1.words }
        let n = report.records.count
        if let firstError = report.errors.first {
            for e in report.errors.dropFirst() { self.report(e) }
            if n == 0 { throw firstError }
            self.report(firstError)
        }
        let msg = "loaded \(n) document\(n == 1 ? "" : "s") (\(words) words)"
            + (report.errors.isEmpty ? "" : ", \(report.errors.count) failed")
        var out = CommandOutput.message(msg, [Value.Field("loaded", .int(n)), Value.Field("words", .int(words)),
                                              Value.Field("ids", .array(report.records.map { .string($0.id) })),
                                              Value.Field("warnings", .int(report.warnings.count)),
                                              Value.Field("errors", .int(report.errors.count)),
                                              Value.Field("failed", .array(report.errors.map { Workbench.errorJSON($0, file: $0.file, line: $0.line) }))],
                                        mutates: n > 0)
        out.partialFailure = !report.errors.isEmpty
        return out
    }
}

/// Limits progress redraws to a few per second.
final class ProgressThrottle: @unchecked Sendable {
    private var last = Date.distantPast
    private let lock = NSLock()
    func shouldDraw(_ force: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        if force || now.timeIntervalSince(last) > 0.1 { last = now; return true }
        return false
    }
}
