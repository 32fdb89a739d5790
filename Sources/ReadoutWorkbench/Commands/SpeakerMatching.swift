import ReadoutEngine

/// Matches quotes to a `who=` name or group, and resolves `diff` sides.
///
/// Names compare case- and space-insensitively with a leading "the" dropped ("whitehouse" =
/// "the White House"). A quote matches a name when its speaker, an alias of the speaker's entity,
/// the speaker as written, or its source matches; a group matches when any member does.
public struct SpeakerMatcher {
    let analysis: CorpusAnalysis
    let groups: [String: [String]]

    init(analysis: CorpusAnalysis, groups: [String: [String]]) {
        self.analysis = analysis
        self.groups = groups
    }

    /// Folds a name for comparison (see `NameFold`).
    public static func fold(_ s: String) -> String { NameFold.fold(s) }

    /// The group a name refers to, if any (folded comparison).
    func group(_ name: String) -> (String, [String])? {
        let f = SpeakerMatcher.fold(name)
        return groups.first { SpeakerMatcher.fold($0.key) == f }.map { ($0.key, $0.value) }
    }

    /// Whether a quote matches `name` (a speaker, source, entity alias or group), as a test with
    /// everything that depends only on the name (its group, its folded form, the entity it names)
    /// worked out once, so filtering every quote of a large corpus stays fast.
    func predicate(_ name: String, depth: Int = 0) -> (Quote) -> Bool {
        if depth < 4, let (_, members) = group(name) {
            let tests = members.map { predicate($0, depth: depth + 1) }
            return { q in tests.contains { $0(q) } }
        }
        let f = SpeakerMatcher.fold(name)
        guard !f.isEmpty else { return { _ in false } }
        let analysis = self.analysis
        // a name that resolves to an entity (a surname, an acronym) matches that entity's quotes
        let named = analysis.entity(named: name)?.name
        let aliasCache = AliasFoldCache()
        return { q in
            if let s = q.speaker, SpeakerMatcher.fold(s) == f { return true }
            if let s = q.source, SpeakerMatcher.fold(s) == f { return true }
            if let r = q.speakerRange, SpeakerMatcher.fold(analysis.documents[q.doc].document.string(r)) == f { return true }
            if let s = q.speaker {
                if let known = aliasCache.known[s] {
                    if known { return true }
                } else {
                    var hit = false
                    if let e = analysis.entity(named: s), e.name == s {
                        hit = e.aliases.contains(where: { SpeakerMatcher.fold($0) == f })
                    }
                    aliasCache.known[s] = hit
                    if hit { return true }
                }
            }
            if let n = named, let s = q.speaker, n == s { return true }
            return false
        }
    }

    /// Every speaker, source and group name, for suggestions and completion.
    func knownNames() -> [String] {
        var names = Set<String>()
        for q in analysis.quotes {
            if let s = q.speaker { names.insert(s) }
            if let s = q.source { names.insert(s) }
        }
        names.formUnion(groups.keys)
        return names.sorted()
    }
}

extension Workbench {
    /// The matcher over the current analysis and groups.
    var speakerMatcher: SpeakerMatcher {
        SpeakerMatcher(analysis: workspace.analysis, groups: Dictionary(uniqueKeysWithValues: workspace.groups.map { ($0.key, $0.value) }))
    }

    /// The quotes a `who=` value selects, or an error listing the closest speakers and groups.
    func quotes(who w: Word) throws(ReadoutError) -> [Quote] {
        let m = speakerMatcher
        let found = workspace.analysis.quotes.filter(m.predicate(w.text))
        if found.isEmpty && m.group(w.text) == nil && workspace.analysis.entity(named: w.text) == nil {
            throw ReadoutError.unknown("speaker or group", w.text, candidates: m.knownNames(), column: w.column, listAll: m.knownNames().count <= 12)
        }
        return found
    }
}

/// Per speaker name: whether that speaker's entity has an alias folding to the name sought.
private final class AliasFoldCache {
    var known: [String: Bool] = [:]
}
