import Foundation

/// Look-ups the quote layer and the workbench commands use to find entities.
extension CorpusAnalysis {
    /// Normalises a name for `aliasIndex`: trimmed, lower-cased, a leading `the ` dropped.
    public static func aliasKey(_ name: String) -> String {
        // Entity names are already trimmed; only typed names pay for Foundation's trimming.
        // (a name that starts and ends with an ASCII letter or digit cannot need trimming)
        let u = name.utf8
        let plainEnds = u.first.map { $0 < 0x80 && $0 > 0x20 } == true && u.last.map { $0 < 0x80 && $0 > 0x20 } == true
        let untrimmed = !plainEnds && (name.first.map { $0.isWhitespace } == true || name.last.map { $0.isWhitespace } == true)
        var s = (untrimmed ? name.trimmingCharacters(in: .whitespacesAndNewlines) : name).fastLowercased()
        if s.hasPrefix("the ") { s.removeFirst(4) }
        return s
    }

    /// Builds the alias index of `entities`: every name and alias → entity ids, most mentioned first.
    public static func buildAliasIndex(_ entities: [Entity]) -> [String: [Int]] {
        aliasIndex(of: entities).dictionary
    }

    /// The alias index of `entities` (see `buildAliasIndex`).
    static func aliasIndex(of entities: [Entity]) -> AliasIndex {
        var index = AliasIndex()
        index.reserve(entities.count * 2)
        for e in entities {
            index.add(aliasKey(e.name), e.id)
            for a in e.aliases { index.add(aliasKey(a), e.id) }
        }
        index.sortLists { entities[$0].mentions.count != entities[$1].mentions.count
            ? entities[$0].mentions.count > entities[$1].mentions.count : $0 < $1 }
        return index
    }

    /// Ids of the entities known by `alias` (`US`, `the Kremlin`, `President Biden`), most mentioned first.
    public func entityIDs(alias: String) -> [Int] {
        aliasStore.index[CorpusAnalysis.aliasKey(alias)] ?? []
    }

    /// The entity known by `name` or an alias; the most mentioned one when several are.
    public func entity(named name: String) -> Entity? {
        entityIDs(alias: name).first.map { entities[$0] }
    }

    /// The entity mentioned at `range` in document `doc`: the mention equal to the range, else the
    /// longest mention inside it (`Psaki` in `Jen Psaki told`), else one overlapping it
    /// (`Biden` for `President Biden`). Nil when no mention touches the range.
    public func entityID(doc: Int, range: TextRange) -> Int? {
        guard documents.indices.contains(doc) else { return nil }
        let da = documents[doc]
        let ms = da.mentions
        // first mention ending after range.start
        var lo = 0, hi = ms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if ms[mid].range.end <= range.start { lo = mid + 1 } else { hi = mid }
        }
        var inside: (Int, Int)? = nil   // (length, mention)
        var overlapping: Int? = nil
        var i = lo
        while i < ms.count, ms[i].range.start < range.end {
            let r = ms[i].range
            if r == range { return da.mentionEntity[i] }
            if range.contains(r) {
                if inside == nil || r.length > inside!.0 { inside = (r.length, i) }
            } else if overlapping == nil && r.overlaps(range) {
                overlapping = i
            }
            i += 1
        }
        if let (_, m) = inside { return da.mentionEntity[m] }
        if let m = overlapping { return da.mentionEntity[m] }
        return nil
    }
}
