/// Roles from appositions after a person's name: `Jen Psaki, the White House press secretary, said`.
struct Appositions {
    let t: TokenText
    let lex: Lexicon

    static let speechVerbs: WordSet = ["said", "says", "told", "added", "explained", "insisted", "argued", "warned",
                                           "claimed", "stated", "admitted", "noted", "replied", "announced", "confirmed"]
    static let determiners: WordSet = ["the", "a", "an", "its", "his", "her", "their"]
    /// Words of a clause, not of a role (`coach Andy Robinson has given …`).
    static let clauseWords: WordSet = ["has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would",
                                       "can", "could", "said", "says", "told", "who", "which", "that"]

    /// Gives a role to each person mention without one that an apposition describes.
    func attach(_ raw: inout [RawMention]) {
        for idx in raw.indices where raw[idx].label == .person && raw[idx].role == nil {
            let end = raw[idx].tokens.upperBound
            guard end + 2 < t.count, t.words[end] == ",", end + 1 < t.sentenceEnd[end] else { continue }
            let p = end + 1
            var q = p
            let limit = min(t.sentenceEnd[end], p + 9)
            var hasRole = false
            while q < limit, t.tokens[q].kind == .word || t.tokens[q].kind == .clitic {
                let lw = t.lower(q)
                if lex.lists.roleNouns.contains(lw) || lex.lists.titles[lw] == .role { hasRole = true }
                q += 1
            }
            // the apposition closes with a comma or the sentence end, and is not a clause (`Psaki, who ...`)
            guard hasRole, q > p, q >= limit || t.words[q] == "," || t.tokens[q].kind == .terminal else { continue }
            // it opens with a determiner, a modifier (`former`), a capital, or the role itself
            // (`Graham Cluley, spokesman for anti-virus firm Sophos,`)
            let opener = t.lower(p)
            let roleFirst = !t.isCap(p) && (lex.lists.roleNouns.contains(opener) || lex.lists.titles[opener] == .role)
            guard Appositions.determiners.contains(opener) || TitleRules.modifiers.contains(opener) || t.isCap(p) || roleFirst,
                  !["who", "which", "that", "and", "but"].contains(opener) else { continue }
            let from = Appositions.determiners.contains(opener) ? p + 1 : p
            guard from < q else { continue }
            let inside = { (m: RawMention) in m.tokens.lowerBound >= from && m.tokens.upperBound <= q }
            // a bare role must close before the word limit, name no one else and hold no verb
            // (not `Wilkinson, coach Andy Robinson has given …`)
            if roleFirst {
                guard q < limit, !raw.contains(where: { $0.label == .person && inside($0) }),
                      !(from..<q).contains(where: { Appositions.clauseWords.contains(t.lower($0)) }) else { continue }
            }
            // the body: an organisation before a place (`chief economist at Lehman Brothers in Tokyo`)
            let bodyMention = raw.first(where: { $0.label == .org && inside($0) }) ?? raw.first(where: { $0.label == .gpe && inside($0) })
            let body = bodyMention.map { $0.canonical ?? t.text($0.tokens) }
            let role = t.text(from..<q)
            raw[idx].role = RoleFact(role: role, body: body, evidence: Evidence(rule: "apposition", detail: "‘, \(t.text(p..<q)),’ after the name"))
        }
    }
}
