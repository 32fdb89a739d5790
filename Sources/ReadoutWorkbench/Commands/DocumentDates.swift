import Foundation

/// `set date=`: the publication dates the timeline resolves relative dates against (`yesterday`,
/// `last Tuesday`), for one document, for every document still without one, or from a table.
extension Workbench {
    /// Applies `date=` (with `doc=` when given) and says what changed. The value is a date
    /// (`YYYY-MM-DD`) or the path of a table of document ids and dates (tab- or comma-separated,
    /// one document a line, an optional `id,date` header, `#` comments). A table is checked
    /// whole before any date is set: a bad line is an error naming the file and line, and
    /// nothing changes.
    func applyDate(_ date: Word, doc: Word?) throws(ReadoutError) -> String {
        if let doc {
            guard DateParsing.isISODate(date.text) else {
                throw ReadoutError("'date=' needs YYYY-MM-DD with 'doc=', not '\(date.text)'", hint: "e.g. set date=2021-04-13 doc=seed", column: date.column)
            }
            let id = try document(doc).id
            workspace.update(id) { $0.date = date.text }
            return "dated '\(id)' \(date.text)"
        }
        guard !workspace.documents.isEmpty else {
            throw ReadoutError("no documents to date: the workspace is empty", hint: "load some articles first, e.g. 'load seeds/'", column: date.column)
        }
        if DateParsing.isISODate(date.text) {
            // every document without a date; a date already set (by metadata or by name) stays
            let undated = workspace.documents.values.filter { $0.date == nil }.map(\.id).sorted()
            for id in undated { workspace.update(id) { $0.date = date.text } }
            let kept = workspace.documents.count - undated.count
            return "dated \(undated.count) document\(undated.count == 1 ? "" : "s") \(date.text)"
                + (kept == 0 ? "" : "; \(kept) already dated kept theirs (give doc= to change one)")
        }
        if date.text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) && date.text.contains("-") {
            throw ReadoutError("'\(date.text)' is no calendar date", hint: "write YYYY-MM-DD, e.g. 2005-03-01", column: date.column)
        }
        let path = Paths.expandTilde(date.text)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReadoutError("'date=' needs YYYY-MM-DD or a file of ids and dates, not '\(date.text)'",
                               hint: "e.g. set date=2005-03-01 (every undated document), or set date=dates.tsv (lines of ID<TAB>YYYY-MM-DD)",
                               column: date.column)
        }
        let dates = try readDateTable(path)
        for (id, d) in dates { workspace.update(id) { $0.date = d } }
        return "dated \(dates.count) document\(dates.count == 1 ? "" : "s") from '\(date.text)'"
    }

    /// The (document id, date) pairs of a date table, every line checked.
    private func readDateTable(_ path: String) throws(ReadoutError) -> [(String, String)] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadoutError("cannot read the date table", hint: "check the path and its permissions", file: path)
        }
        guard data.count <= maxFileBytes else {
            throw ReadoutError("the date table is larger than maxsize", hint: "raise it with set maxsize=MB", file: path)
        }
        var out: [(String, String)] = []
        var seen: [String: Int] = [:]
        for (n, raw) in PathBytes.decode(data).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: line.contains("\t") ? "\t" : ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if out.isEmpty && fields.first?.lowercased() == "id" { continue } // a header, before any date
            guard fields.count == 2 else {
                throw ReadoutError("expected a document id and a date", hint: "write ID<TAB>YYYY-MM-DD (or ID,YYYY-MM-DD)", file: path, line: n + 1)
            }
            guard DateParsing.isISODate(fields[1]) else {
                throw ReadoutError("'\(fields[1])' is no date", hint: "write YYYY-MM-DD, e.g. 2005-03-01", file: path, line: n + 1)
            }
            let id: String
            do {
                id = try document(Word(fields[0], column: 1)).id
            } catch {
                throw ReadoutError(error.message, hint: error.hint, file: path, line: n + 1)
            }
            if let first = seen[id] {
                throw ReadoutError("'\(id)' is dated twice", hint: "line \(first) dates it too; keep one", file: path, line: n + 1)
            }
            seen[id] = n + 1
            out.append((id, fields[1]))
        }
        guard !out.isEmpty else { throw ReadoutError("the date table lists no documents", hint: "write ID<TAB>YYYY-MM-DD lines", file: path) }
        return out
    }
}

enum DateParsing {
    /// True for a real calendar date written `YYYY-MM-DD` (not 2005-02-30).
    static func isISODate(_ s: String) -> Bool {
        let p = s.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), y > 0, (1...12).contains(m) else { return false }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}
