import ReadoutEngine

/// Matches quotes to a `who=` name or group, and resolves `diff` sides.
///
/// Names compare case- and space-insensitively with a leading "the" dropped ("whitehouse" =
/// "the White House"). What a name names is decided by `NameResolver`, as for every command: a
/// group matches when any member does; a name matches the quotes of the entity it names (an
/// error when it names several people), the quotes of a source (the body spoken for) or a
/// speaker kept as written by that name, and unresolved quotes whose speaker is written so.
public struct SpeakerMatcher {
    let resolver: NameResolver
    var analysis: CorpusAnalysis { resolver.analysis }

    init(_ resolver: NameResolver) {
        self.resolver = resolver
    }

    /// Folds a name for comparison (see `NameFold`).
    public static func fold(_ s: String) -> String { NameFold.fold(s) }

    /// The group a name refers to, if any (see `NameResolver.group`).
    func group(_ name: String, column: Int? = nil) throws(ReadoutError) -> (String, [String])? {
        try resolver.group(name, column: column).map { ($0.name, $0.members) }
    }

    /// Whether a quote matches `name` (a speaker, source, entity or group), as a test with
    /// everything that depends only on the name (its group, its folded form, the entity it names)
    /// worked out once, so filtering every quote of a large corpus stays fast. A group's members
    /// are resolved when it is used; one that names several people is an error naming the group.
    func predicate(_ name: String, column: Int? = nil, depth: Int = 0) throws(ReadoutError) -> (Quote) -> Bool {
        if depth < 4, let (g, members) = try group(name, column: column) {
            var tests: [(Quote) -> Bool] = []
            for member in members {
                do {
                    tests.append(try predicate(member, column: column, depth: depth + 1))
                } catch {
                    throw ReadoutError("group '\(g)': \(error.message)", hint: error.hint.map { $0 + ", in 'alias \(g) = …'" }, column: column)
                }
            }
            return { q in tests.contains { $0(q) } }
        }
        let f = SpeakerMatcher.fold(name)
        guard !f.isEmpty else { return { _ in false } }
        let analysis = self.analysis
        // the entity the name names (a full name, a surname one person goes by, an acronym)
        let named = try resolver.entity(name, column: column).map { analysis.entities[$0].name }
        return { q in
            if let n = named, q.speaker == n { return true }
            if let s = q.source, SpeakerMatcher.fold(s) == f { return true }
            guard let s = q.speaker else {
                // unresolved: the speaker as written is all there is
                return q.speakerRange.map { SpeakerMatcher.fold(analysis.documents[q.doc].document.string($0)) == f } ?? false
            }
            // a speaker kept as written (`The bank`), or named so, that is no entity of that name
            return named == nil && SpeakerMatcher.fold(s) == f
        }
    }

    /// Every speaker, source and group name, for suggestions and completion.
    func knownNames() -> [String] {
        var names = Set<String>()
        for q in analysis.quotes {
            if let s = q.speaker { names.insert(s) }
            if let s = q.source { names.insert(s) }
        }
        names.formUnion(resolver.groups.keys)
        return names.sorted()
    }
}

extension Workbench {
    /// The matcher over the current analysis and groups.
    var speakerMatcher: SpeakerMatcher {
        SpeakerMatcher(names)
    }

    /// The quotes a `who=` value selects, or an error: a name several people go by, or one
    /// nobody does (with the closest speakers and groups).
    func quotes(who w: Word) throws(ReadoutError) -> [Quote] {
        let m = speakerMatcher
        let found = workspace.analysis.quotes.filter(try m.predicate(w.text, column: w.column))
        if found.isEmpty, try m.group(w.text) == nil, try m.resolver.entity(w.text) == nil {
            throw ReadoutError.unknown("speaker or group", w.text, candidates: m.knownNames(), column: w.column, listAll: m.knownNames().count <= 12)
        }
        return found
    }
}
