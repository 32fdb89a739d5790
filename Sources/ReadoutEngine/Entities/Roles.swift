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

    /// Gives a role to each person mention without one that an apposition describes. Returns the
    /// steps of work it took (mentions looked at), for tests: mentions are in text order, so those
    /// inside an apposition are found by binary search, and a long document costs work in
    /// proportion to its mentions, not to their square.
    @discardableResult
    func attach(_ raw: inout [RawMention]) -> Int {
        var work = 0
        var starts: [Int] = [] // each mention's first token, made when first needed
        assert(zip(raw, raw.dropFirst()).allSatisfy { $0.tokens.lowerBound <= $1.tokens.lowerBound }, "mentions in text order")
        /// Indices of the mentions wholly inside tokens `from..<q`, in text order.
        func mentions(inside from: Int, _ q: Int) -> [Int] {
            if starts.isEmpty { starts = raw.map(\.tokens.lowerBound) }
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                work += 1
                if starts[mid] < from { lo = mid + 1 } else { hi = mid }
            }
            var out: [Int] = []
            var k = lo
            while k < starts.count, starts[k] < q {
                work += 1
                if raw[k].tokens.upperBound <= q { out.append(k) }
                k += 1
            }
            return out
        }
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
            let inside = mentions(inside: from, q)
            // a bare role must close before the word limit, name no one else and hold no verb
            // (not `Wilkinson, coach Andy Robinson has given …`)
            if roleFirst {
                guard q < limit, !inside.contains(where: { raw[$0].label == .person }),
                      !(from..<q).contains(where: { Appositions.clauseWords.contains(t.lower($0)) }) else { continue }
            }
            // the body: an organisation before a place (`chief economist at Lehman Brothers in Tokyo`)
            let bodyMention = inside.first(where: { raw[$0].label == .org }) ?? inside.first(where: { raw[$0].label == .gpe })
            let body = bodyMention.map { raw[$0].canonical ?? t.text(raw[$0].tokens) }
            let role = t.text(from..<q)
            raw[idx].role = RoleFact(role: role, body: body, evidence: Evidence(rule: "apposition", detail: "‘, \(t.text(p..<q)),’ after the name"))
        }
        return work
    }
}
