import Foundation
import ReadoutEngine

extension CommandSpec {
    static let save = CommandSpec(
        name: "save", summary: "save the session (articles, groups, notes, history) to a file",
        usage: "save[!] [FILE]",
        example: "save biden-putin",
        positionals: 0...1, positionalCompletion: .files, allowsForce: true
    ) { wb, inv throws(ReadoutError) in
        try SessionStore.save(wb, name: inv.positional(0), force: inv.force)
    }

    static let open = CommandSpec(
        name: "open", summary: "open a saved session, replacing the workspace (warns once about unsaved changes)",
        usage: "open[!] FILE",
        example: "open biden-putin",
        positionals: 1...1, positionalCompletion: .files, allowsForce: true
    ) { wb, inv throws(ReadoutError) in
        try SessionStore.open(wb, name: inv.positionals[0].text, force: inv.force)
    }

    static let new = CommandSpec(
        name: "new", summary: "start an empty session with no file (warns once about unsaved changes)",
        usage: "new[!]", example: "new", allowsForce: true
    ) { wb, inv throws(ReadoutError) in
        try SessionStore.new(wb, force: inv.force)
    }

    static let note = CommandSpec(
        name: "note", summary: "add a note to the session, optionally about a document, entity, group or quote",
        usage: "note TEXT... [on=DOC|ENTITY|GROUP|QUOTE_ID]",
        keys: [KeySpec("on", "what the note is about: a document id, an entity, a group or a quote id", .documents)],
        example: "note \"Check the Kremlin readout against the White House one\" on=000",
        positionals: 1...Int.max
    ) { wb, inv throws(ReadoutError) in
        let text = inv.positionals.map(\.text).joined(separator: " ")
        if let problem = WorkspaceRules.noteTextProblem(text) {
            throw ReadoutError(problem, hint: "usage: note TEXT [on=DOC]", column: inv.positionals[0].column)
        }
        let on = try inv.options["on"].map { w throws(ReadoutError) in try wb.noteTarget(w) }
        wb.workspace.notes.append(Note(text: text, on: on, at: Int(Date().timeIntervalSince1970)))
        let n = wb.workspace.notes.count
        return .message("note \(n) added" + (on.map { " on \($0)" } ?? ""),
                        [.init("note", .int(n)), .init("on", .str(on))], mutates: true)
    }

    static let notes = CommandSpec(
        name: "notes", summary: "list the session's notes, or those about one document, entity, group or quote",
        usage: "notes [on=DOC|ENTITY|GROUP|QUOTE_ID]",
        keys: [KeySpec("on", "only notes about this", .documents)],
        example: "notes on=000"
    ) { wb, inv throws(ReadoutError) in
        var filter: String?
        if let w = inv.options["on"] {
            filter = ((try? wb.noteTarget(w)) ?? w.text).lowercased()
        }
        var rows: [[Value]] = []
        var json: [Value] = []
        for (i, n) in wb.workspace.notes.enumerated() where filter == nil || n.on?.lowercased() == filter {
            rows.append([.int(i + 1), .str(n.on), .string(n.text)])
            json.append(.obj(["n": .int(i + 1), "on": .str(n.on), "at": .int(n.at), "text": .string(n.text)]))
        }
        return .table(Table([Column("n"), Column("on"), Column("text", flexible: true)], rows: rows), json: .array(json))
    }
}

extension Workbench {
    /// What a note's `on=` names, in canonical form: a document id (exact), a group, a quote id
    /// (`q3` or `DOC:q3`, stored as `DOC:q3` so it stays unambiguous as documents are added),
    /// an entity (by name or alias, stored as its canonical name), or a unique document id prefix.
    func noteTarget(_ w: Word) throws(ReadoutError) -> String {
        let lower = w.text.lowercased()
        if let r = workspace.documents[w.text] ?? workspace.documents[lower] { return r.id }
        if let g = try names.group(w.text, column: w.column) { return g.name }
        guard !workspace.documents.isEmpty else {
            throw ReadoutError("nothing named '\(w.text)' to attach the note to: the workspace is empty",
                               hint: "a note without on= is about the whole session", column: w.column)
        }
        if let q = try quote(w, required: false) { return workspace.record(at: q.doc).id + ":" + q.id }
        let entityError: ReadoutError
        do { return try entity(w).name } catch { entityError = error }
        if let r = try? document(w) { return r.id }
        if entityError.message.hasPrefix("'\(w.text)' names ") { throw entityError }
        let a = try workspace.analyzed()
        let candidates = Array(workspace.documents.keys) + Array(workspace.groups.keys) + a.entities.map(\.name)
        throw ReadoutError.unknown("document, entity, group or quote", w.text, candidates: candidates, column: w.column)
    }
}
