import ReadoutEngine
import Foundation

extension Workbench {
    /// Candidates for the word at `cursor` in `line` (a character offset): whole replacement words.
    ///
    /// Command names first; then the command's `key=` names, and what its positionals or the
    /// key being typed complete to (document ids, entity names, file paths, fixed values).
    public func completions(line: String, cursor: Int) -> [String] {
        let chars = Array(line)
        let upto = String(chars.prefix(max(0, min(cursor, chars.count))))
        // the current statement: after the last unquoted ';'
        var inQuote: Character?
        var stmtStart = upto.startIndex
        for i in upto.indices {
            let c = upto[i]
            if let q = inQuote { if c == q { inQuote = nil } } else if c == "\"" || c == "'" { inQuote = c } else if c == ";" {
                stmtStart = upto.index(after: i)
            }
        }
        let stmt = String(upto[stmtStart...])
        let words = stmt.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let current = stmt.last == " " || stmt.isEmpty ? "" : (words.last ?? "")
        let before = current.isEmpty ? words : Array(words.dropLast())
        if before.isEmpty {
            return Registry.names.filter { $0.hasPrefix(current) }.sorted()
        }
        let name = before[0].hasSuffix("!") ? String(before[0].dropLast()) : before[0]
        guard let spec = Registry.spec(name) else { return [] }
        if let eq = current.firstIndex(of: "=") {
            let key = String(current[..<eq])
            let partial = String(current[current.index(after: eq)...])
            guard let ks = spec.keys.first(where: { $0.name == key }) else { return [] }
            return candidates(ks.completion, partial).map { key + "=" + $0 }
        }
        var out = candidates(spec.positionalCompletion, current)
        let given = Set(before.compactMap { w in w.firstIndex(of: "=").map { String(w[..<$0]) } })
        out += spec.keys.filter { !given.contains($0.name) && ($0.name + "=").hasPrefix(current) }.map { $0.name + "=" }
        return out
    }

    private func candidates(_ kind: CompletionKind, _ partial: String) -> [String] {
        let opened = partial.hasPrefix("\"")
        let p = opened ? String(partial.dropFirst()) : partial
        func matching(_ all: [String]) -> [String] {
            let lp = p.lowercased()
            return Workbench.quotedForCompletion(all.filter { $0.lowercased().hasPrefix(lp) }, opened: opened)
        }
        switch kind {
        case .none: return []
        case .commands: return matching(Registry.all.map(\.name))
        case .documents: return matching(Array(workspace.documents.keys))
        case .values(let v): return matching(v)
        case .files:
            let quoted = partial.hasPrefix("\"")
            return Workbench.fileCandidates(p).map { c in
                quoted || c.contains(" ") ? "\"" + c + (c.hasSuffix("/") ? "" : "\"") : c
            }
        case .entities, .speakers, .quotes: return matching(completionNames(kind))
        }
    }

    /// Candidates as they are inserted: quoted when the user opened a quote, when one candidate
    /// holds a space, or when what several share (and Tab inserts) holds one; otherwise bare, so
    /// that Tab on `who=J` lists `Jen Psaki` and `Joseph Biden` instead of inserting a lone `"`.
    static func quotedForCompletion(_ names: [String], opened: Bool) -> [String] {
        func quote(_ s: String) -> String { "\"" + s + "\"" }
        if opened { return names.map(quote) }
        if names.count == 1 { return names[0].contains(" ") ? [quote(names[0])] : names }
        guard var shared = names.first else { return [] }
        for n in names.dropFirst() {
            shared = String(zip(shared, n).prefix { $0 == $1 }.map(\.0))
        }
        return shared.contains(" ") ? names.map { $0.contains(" ") ? quote($0) : $0 } : names
    }

    /// Names for entity-like completions (the analysis runs on first use).
    func completionNames(_ kind: CompletionKind) -> [String] {
        guard !workspace.documents.isEmpty else { return [] }
        let a = workspace.analysis
        switch kind {
        case .entities:
            // names and aliases that name one entity (not `Blair`, which several people go by)
            var seen = Set<String>()
            let resolver = self.names
            return (a.entities.map(\.name) + a.entities.flatMap(\.aliases))
                .filter { seen.insert($0).inserted && (try? resolver.entity($0)) != nil }
        case .speakers:
            var names = Set(a.quotes.compactMap(\.speaker))
            names.formUnion(a.quotes.compactMap(\.source))
            // the other names a speaker goes by (`Psaki`), those that name that speaker alone
            let resolver = self.names
            for s in names {
                guard let id = a.entityIDs(alias: s).first(where: { a.entities[$0].name == s }) else { continue }
                for alias in a.entities[id].aliases where !names.contains(alias) {
                    if (try? resolver.entity(alias)) == id { names.insert(alias) }
                }
            }
            names.formUnion(workspace.groups.keys)
            return names.sorted()
        case .quotes:
            return a.quotes.map { QuoteIDs.qualified($0, in: self) }
        default:
            return []
        }
    }

    static func fileCandidates(_ partial: String) -> [String] {
        let expanded = Paths.expandTilde(partial)
        let dir: String, prefix: String, shownDir: String
        if let slash = partial.lastIndex(of: "/") {
            shownDir = String(partial[...slash])
            dir = Paths.expandTilde(shownDir)
            prefix = String(partial[partial.index(after: slash)...])
        } else {
            shownDir = ""
            dir = "."
            prefix = expanded
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var out: [String] = []
        for e in entries.sorted() where e.hasPrefix(prefix) && (!e.hasPrefix(".") || prefix.hasPrefix(".")) {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Paths.join(dir, e), isDirectory: &isDir)
            out.append(shownDir + e + (isDir.boolValue ? "/" : ""))
        }
        return out
    }
}

/// Quote ids as users see them: `q3` with one document, `DOC:q3` with several.
public enum QuoteIDs {
    static func qualified(_ q: ReadoutEngine.Quote, in wb: Workbench) -> String {
        wb.workspace.documents.count <= 1 ? q.id : wb.workspace.record(at: q.doc).id + ":" + q.id
    }

    /// `qualified(_:in:)` as a function of the quote alone, for rows made later or on other cores.
    static func qualifier(in wb: Workbench) -> @Sendable (ReadoutEngine.Quote) -> String {
        let n = wb.workspace.documents.count
        guard n > 1 else { return { $0.id } }
        let ids = (0..<n).map { wb.workspace.record(at: $0).id }
        return { ids[$0.doc] + ":" + $0.id }
    }
}
