/// Clues the speaker resolver reads beyond a single name: people and bodies named together, whom a
/// question goes to, the parties a role names, the body an article is about, and documents that speak.
extension SpeakerResolver {
    /// Words that open the second of people named together (`Mr Smith and his wife`).
    static let companions: Set<String> = ["his", "her", "their", "the", "other", "fellow", "several", "some", "a", "two", "three"]

    /// The phrase at `range` as written when a person named in it (`first`) is joined by `and` to
    /// whoever follows: a group of speakers; nil when no `and` follows the person, or the `and` is
    /// part of a name (`John Smith of Marks and Spencer`).
    func together(_ doc: Document, _ range: TextRange, after first: TextRange, names: [TextRange]) -> Resolution? {
        let b = doc.bytes
        var i = first.end
        // ` and ` after the person's name, with words after it
        while i + 5 < range.end {
            if b[i] == 0x20, b[i + 1] == 0x61, b[i + 2] == 0x6E, b[i + 3] == 0x64, b[i + 4] == 0x20 {
                if names.contains(where: { $0.start < i && i < $0.end }) { return nil }
                // right after a name (`Mr Blair wins the election and fulfils his …` is a clause), and a
                // name or a determiner after it (`Princes William and Harry`, `Mr Smith and his wife`)
                guard names.contains(where: { $0.end == i }) || i == first.end else { return nil }
                let next = doc.string(TextRange(i + 5, min(range.end, i + 5 + 12))).split(separator: " ").first.map(String.init) ?? ""
                guard next.first?.isUppercase ?? false || SpeakerResolver.companions.contains(next) else { return nil }
                let text = doc.string(range)
                return Resolution.written(text, "named together speak together, kept as written", rule: "group")
            }
            i += 1
        }
        return nil
    }

    /// The person mention right after `asked` (or `questioned`, `pressed`) that follows mention `m`
    /// (`Hannity asked Trump how high …`): who answers next.
    func answerer(_ d: Int, after m: Int) -> Int? {
        let da = analysis.documents[d]
        guard m + 1 < da.mentions.count, da.mentions[m + 1].label == .person else { return nil }
        let (w, s) = SpeakerResolver.wordBefore(da.mentions[m + 1].range.start, in: da.document)
        guard ["asked", "questioned", "pressed", "quizzed"].contains(w),
              da.document.string(TextRange(da.mentions[m].range.end, s)).trimmingSpaces.isEmpty else { return nil }
        return m + 1
    }

    /// Political parties by the words that name them (lower case, one or two words), each to one
    /// key: `Tory` and `Conservative` are one party, `Lib Dem` and `Liberal Democrat` another.
    static let partyWords: [String: String] = [
        "labour": "labour", "tory": "conservative", "tories": "conservative", "conservative": "conservative",
        "conservatives": "conservative", "lib dem": "libdem", "lib dems": "libdem", "liberal democrat": "libdem",
        "liberal democrats": "libdem", "snp": "snp", "plaid": "plaid", "ukip": "ukip", "sinn fein": "sinnfein",
        "dup": "dup", "democrat": "democratic", "democrats": "democratic", "democratic": "democratic",
        "republican": "republican", "republicans": "republican", "gop": "republican"]

    /// The parties lower-case `words` name (`the Tory leader` → conservative).
    static func parties(in words: [String]) -> Set<String> {
        var out = Set<String>()
        for (i, w) in words.enumerated() {
            if let p = partyWords[w] { out.insert(p) }
            if i + 1 < words.count, let p = partyWords[w + " " + words[i + 1]] { out.insert(p) }
        }
        return out
    }

    /// The organisation document `d` names most often (the first of equals), if any: worked out
    /// once per document when the resolver is made (a per-quote count made one long document's
    /// descriptions quadratic).
    func mainOrganisation(_ d: Int) -> Int? { mainOrganisations[d] }

    /// `mainOrganisation` of every document of `analysis`, in one pass over its ORG mentions.
    static func mainOrganisations(_ analysis: CorpusAnalysis) -> [Int?] {
        var counts = [Int32](repeating: 0, count: analysis.entities.count)
        return analysis.documents.map { da in
            var best: (entity: Int, count: Int32)? = nil
            var touched: [Int] = []
            for (i, m) in da.mentions.enumerated() where m.label == .org {
                let e = da.mentionEntity[i]
                guard e >= 0, e < counts.count else { continue }
                if counts[e] == 0 { touched.append(e) }
                counts[e] += 1
                if best == nil || counts[e] > best!.count { best = (e, counts[e]) }
            }
            for e in touched { counts[e] = 0 }
            return best?.entity
        }
    }

    /// Heads of documents that state findings (`the study`, `a report`): `it` after them is the document.
    static let documentHeads: Set<String> = ["study", "report", "survey", "poll", "review", "inquiry", "audit", "analysis",
                                             "assessment", "paper", "document", "memo", "letter", "statement", "research"]

    /// The document a sentence opens with, as written up to its head (`A study`, `The report by the
    /// committee` → `The report`), when its subject is one; nil otherwise.
    func describedDocument(_ d: Int, _ sentence: TextRange) -> Resolution? {
        let doc = analysis.documents[d].document
        let head = doc.string(TextRange(sentence.start, min(sentence.end, sentence.start + 60)))
        let raw = head.split(separator: " ").prefix(4).map(String.init)
        let words = raw.map { $0.fastLowercased() }
        guard let first = words.first, ["the", "a", "an", "its", "their", "this"].contains(first),
              let h = words.indices.dropFirst().first(where: { SpeakerResolver.documentHeads.contains(words[$0].filter(\.isLetter)) }),
              h <= 2, raw[1...h].allSatisfy({ $0.first?.isLowercase ?? false }) else { return nil }
        let text = raw[...h].joined(separator: " ").filter { $0 != "," }
        return Resolution.written(text, "a document, kept as written")
    }
}
