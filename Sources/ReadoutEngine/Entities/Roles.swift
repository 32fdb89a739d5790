/// Roles from appositions after a person's name: `Jen Psaki, the White House press secretary, said`.
struct Appositions {
    let t: TokenText
    let lex: Lexicon

    static let speechVerbs: WordSet = ["said", "says", "told", "added", "explained", "insisted", "argued", "warned",
                                           "claimed", "stated", "admitted", "noted", "replied", "announced", "confirmed"]
    static let determiners: WordSet = ["the", "a", "an", "its", "his", "her", "their"]

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
            guard Appositions.determiners.contains(t.lower(p)) || TitleRules.modifiers.contains(t.lower(p)) || t.isCap(p),
                  !["who", "which", "that", "and", "but"].contains(t.lower(p)) else { continue }
            let from = Appositions.determiners.contains(t.lower(p)) ? p + 1 : p
            guard from < q else { continue }
            var body: String? = nil
            for m in raw where m.tokens.lowerBound >= from && m.tokens.upperBound <= q
                && (m.label == .org || m.label == .gpe) && body == nil {
                body = m.canonical ?? t.text(m.tokens)
            }
            let role = t.text(from..<q)
            raw[idx].role = RoleFact(role: role, body: body, evidence: Evidence(rule: "apposition", detail: "‘, \(t.text(p..<q)),’ after the name"))
        }
    }
}
