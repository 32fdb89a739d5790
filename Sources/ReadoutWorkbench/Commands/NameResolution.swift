import ReadoutEngine

/// How a name typed in a command finds what it names: one set of rules for every command that
/// takes a speaker, an entity or a group (`quotes who=`, `mentions`, `explain`, `note on=`,
/// `diff`, `keyness`), so that a name never means one thing here and another there.
///
/// - A group is found by its name as written, else by its folded name (`whitehouse` = `White
///   House`); two groups that fold alike are an error, never the first in dictionary order.
/// - An entity is found by its canonical name or an alias. A full name written as it is (`Tony
///   Blair`) is that entity. A name that several people go by (`Blair`: Tony Blair, Cherie Blair,
///   and `Blair` alone where an article never gives the full name) is an error listing them:
///   better asked than given to the wrong person.
struct NameResolver {
    let analysis: CorpusAnalysis
    let groups: [String: [String]]

    /// The group `name` names (its name as defined and its members), nil when none does.
    func group(_ name: String, column: Int? = nil) throws(ReadoutError) -> (name: String, members: [String])? {
        if let members = groups[name] { return (name, members) }
        let f = NameFold.fold(name)
        let folded = groups.keys.filter { NameFold.fold($0) == f }.sorted()
        guard folded.count <= 1 else {
            throw ReadoutError("'\(name)' matches \(folded.count) groups", hint: "say which: " + NameResolver.list(folded), column: column)
        }
        return folded.first.map { ($0, groups[$0]!) }
    }

    /// The entity `name` names, nil when no entity goes by it; an error when it names several
    /// people and none is written in full.
    func entity(_ name: String, column: Int? = nil) throws(ReadoutError) -> Int? {
        var ids = analysis.entityIDs(alias: name)
        var exact = ids.filter { CorpusAnalysis.aliasKey(analysis.entities[$0].name) == CorpusAnalysis.aliasKey(name) }
        if ids.isEmpty {
            // written another way (`whitehouse`, `JenPsaki`): names and aliases compared folded
            let f = NameFold.fold(name)
            guard !f.isEmpty else { return nil }
            let es = analysis.entities
            ids = es.indices.filter { i in NameFold.fold(es[i].name) == f || es[i].aliases.contains { NameFold.fold($0) == f } }
                .sorted { es[$0].mentions.count != es[$1].mentions.count ? es[$0].mentions.count > es[$1].mentions.count : $0 < $1 }
            exact = ids.filter { NameFold.fold(es[$0].name) == f }
        }
        guard let first = ids.first else { return nil }
        // a name of several words written as an entity's own name is that entity
        if exact.count == 1, analysis.entities[exact[0]].name.contains(" ") { return exact[0] }
        let people = ids.filter { analysis.entities[$0].label == .person }
        if people.count > 1 {
            func described(_ i: Int) -> String {
                let n = analysis.entities[i].mentions.count
                return "'\(analysis.entities[i].name)' (\(n) mention\(n == 1 ? "" : "s"))"
            }
            // the name alone, as an entity of its own, is where articles gave no fuller name
            let alone = people.filter { exact.contains($0) }
            let fuller = people.filter { !exact.contains($0) }
            var hint = "say which: " + NameResolver.list(fuller.map(described), quoted: false)
            if let a = alone.first { hint += "; \(described(a)) alone is where an article gives no fuller name" }
            throw ReadoutError("'\(name)' names \(people.count) people", hint: hint, column: column)
        }
        return exact.first ?? first
    }

    /// `a`, `b` or `c` (at most five, then how many more).
    static func list(_ names: [String], quoted: Bool = true) -> String {
        let shown = names.prefix(5).map { quoted ? "'\($0)'" : $0 }
        var s = shown.count > 1 ? shown.dropLast().joined(separator: ", ") + " or " + shown.last! : shown.first ?? ""
        if names.count > 5 { s += " (\(names.count - 5) more)" }
        return s
    }
}

extension Workbench {
    /// The resolver over the current analysis and groups.
    var names: NameResolver {
        NameResolver(analysis: workspace.analysis, groups: Dictionary(uniqueKeysWithValues: workspace.groups.map { ($0.key, $0.value) }))
    }

    /// The entity a word names, or an error: several people by that name, or none (with the closest names).
    public func entity(_ w: Word) throws(ReadoutError) -> Entity {
        let a = try workspace.analyzed()
        if let id = try names.entity(w.text, column: w.column) { return a.entities[id] }
        if a.entities.isEmpty {
            throw ReadoutError("no entity '\(w.text)': no entities yet", hint: "load some articles first, e.g. 'load seeds/'", column: w.column)
        }
        var names = a.entities.map(\.name)
        names += a.entities.flatMap(\.aliases)
        throw ReadoutError.unknown("entity", w.text, candidates: Array(Set(names)).sorted(), column: w.column)
    }

    /// What a `diff` or `keyness` side names: a group, a speaker or source (their quotes), else a
    /// document (by id or a unique id prefix). Each step's error stands: an ambiguous name or
    /// document prefix is reported, not passed over for the next kind of thing.
    /// `members`: a group's members, as defined (empty for other sides).
    func side(_ w: Word, doc: Int?) throws(ReadoutError) -> (name: String, kind: String, quotes: [Quote], document: Int?, members: [String]) {
        let a = try workspace.analyzed()
        let m = speakerMatcher
        let group = try m.resolver.group(w.text, column: w.column)
        var qs = a.quotes.filter(try m.predicate(w.text, column: w.column))
        if let d = doc { qs = qs.filter { $0.doc == d } }
        if let g = group { return (g.name, "group", qs, nil, g.members) }
        if !qs.isEmpty { return (w.text, "speaker", qs, nil, []) }
        do {
            let rec = try document(w)
            return (rec.id, "document", [], workspace.index(of: rec.id), [])
        } catch let error where !workspace.documents.isEmpty && error.message.hasPrefix("unknown document") {
            var known = m.knownNames()
            known += workspace.documents.keys
            throw ReadoutError.unknown("speaker, source, group or document", w.text, candidates: known, column: w.column, listAll: known.count <= 12)
        }
    }
}
