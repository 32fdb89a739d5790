/// Types a run of capitalised name words that no gazetteer entry covers.
struct NameClassifier {
    let t: TokenText
    let lex: Lexicon

    enum Outcome {
        /// A typed mention over `tokens`.
        case typed(EntityLabel, Range<Int>, Evidence)
        /// A person's name.
        case person(Range<Int>, Evidence)
        /// A lone word that is a name only if the document names someone with it (`Biden` after `Joseph Biden`).
        case weak(Int)
        /// Not an entity.
        case none
    }

    func rules(_ i: Int) -> NameRules { lex.lists.rules[t.words[i]] ?? [] }

    /// The type a suffix word gives, checked in order of specificity.
    func suffixType(_ i: Int) -> (EntityLabel, String)? {
        let r = rules(i)
        if r.contains(.lawSuffix) { return (.law, "law-suffix") }
        if r.contains(.eventSuffix) { return (.event, "event-suffix") }
        if r.contains(.orgSuffix) { return (.org, "org-suffix") }
        if r.contains(.facSuffix) { return (.fac, "fac-suffix") }
        if r.contains(.locSuffix) { return (.loc, "loc-suffix") }
        return nil
    }

    /// The type a head word gives to `X of Y` (`Ministry of Defence`, `Treaty of Rome`).
    func headType(_ i: Int) -> (EntityLabel, String)? {
        let r = rules(i)
        if r.contains(.lawHead) { return (.law, "law-head") }
        if r.contains(.eventHead) { return (.event, "event-head") }
        if r.contains(.orgHead) { return (.org, "org-head") }
        if r.contains(.locHead) { return (.loc, "loc-head") }
        return nil
    }

    func isCommon(_ i: Int) -> Bool { lex.lists.commonWords.contains(t.lower(i)) }

    /// A token that can be part of a person's name: capitalised, not all capitals unless an initial.
    func isNameWord(_ i: Int) -> Bool {
        let tok = t.tokens[i]
        guard tok.kind == .word else { return false }
        if lex.lists.notNames.contains(t.words[i]) { return false }
        if tok.has(Token.allCaps) { return t.bare(i).count == 1 }
        return tok.has(Token.capitalized) || lex.lists.rules[t.words[i]]?.contains(.particle) == true
    }

    /// Nouns that, right after a name, make it a product (`the Cell processor`, `Xbox console`).
    static let productNouns: WordSet = ["processor", "processors", "chip", "chips", "console", "consoles", "phone",
                                            "phones", "handset", "handsets", "computer", "computers", "software",
                                            "browser", "player", "players", "device", "devices", "camera", "laptop",
                                            "laptops", "console's", "operating", "format", "platform", "gadget"]
    /// Determiners that do not stand before a person's name (`the Cell`, `a Walkman`).
    static let determiners: WordSet = ["the", "a", "an"]

    /// For a name-shaped run that is unlikely to be a person, its type: a product noun after it
    /// gives PRODUCT; a determiner before it, digits or an inner capital (`PodShow`) give ORG.
    func notAPerson(_ r: Range<Int>) -> Outcome? {
        let after = r.upperBound
        if after < t.count, t.tokens[after].kind == .word, NameClassifier.productNouns.contains(t.words[after]) {
            return .typed(.product, r, Evidence(rule: "product-noun", detail: "followed by ‘\(t.words[after])’"))
        }
        if r.lowerBound > t.sentenceStart[r.lowerBound], NameClassifier.determiners.contains(t.lower(r.lowerBound - 1)) {
            return .typed(.org, r, Evidence(rule: "determiner-name", detail: "‘\(t.words[r.lowerBound - 1])’ before a name that is no known person"))
        }
        if let odd = r.first(where: { hasInnerCapitalOrDigit(t.words[$0]) }) {
            return .typed(.org, r, Evidence(rule: "brand-shape", detail: "‘\(t.words[odd])’ has an inner capital or a digit"))
        }
        return nil
    }

    /// `PodShow`, `eBay`, `MP3`: a capital after a lower-case letter, or a digit.
    func hasInnerCapitalOrDigit(_ w: String) -> Bool {
        var prevLower = false
        var innerCapital = false
        for c in w.utf8 {
            if c >= 0x30 && c <= 0x39 { return true }
            let upper = c >= 0x41 && c <= 0x5A
            if upper && prevLower { innerCapital = true }
            prevLower = c >= 0x61 && c <= 0x7A
        }
        // `McCall`, `DeLay`: an inner capital after a surname prefix does not count
        return innerCapital && !NameClassifier.surnamePrefixes.contains { w.hasPrefix($0) }
    }

    /// True when the sentence holding token `i` is set in capitals: most of its words are (and
    /// there are two or more, or a number beside the one: a dateline). Only the tokens within
    /// `capitalsWindow` of `i` are counted, so a long run of capitals without a sentence break
    /// costs time in proportion to its length (a headline or dateline is far shorter).
    func inCapitalsLine(_ i: Int) -> Bool {
        var words = 0, capitals = 0, numbers = 0
        let w = NameClassifier.capitalsWindow
        for j in max(t.sentenceStart[i], i - w)..<min(t.sentenceEnd[i], i + w) {
            switch t.tokens[j].kind {
            case .word:
                words += 1
                if t.tokens[j].has(Token.allCaps) { capitals += 1 }
            case .number: numbers += 1
            default: break
            }
        }
        return (words >= 2 || numbers > 0) && capitals * 5 >= words * 3
    }

    /// Tokens each side of a word in capitals that `inCapitalsLine` looks at.
    static let capitalsWindow = 40

    /// Surname prefixes after which a capital is part of the name's shape.
    static let surnamePrefixes = ["Mc", "Mac", "Di", "De", "Da", "Le", "La", "Van", "Von", "Fitz"]

    /// Types name segment `r`.
    func classify(_ r: Range<Int>) -> Outcome {
        let n = r.count
        let first = r.lowerBound, last = r.upperBound - 1
        if n >= 2, let (label, rule) = suffixType(last) {
            return .typed(label, r, Evidence(rule: rule, detail: "ends in ‘\(t.words[last])’ (name-rules.tsv)"))
        }
        if n == 1 {
            let w = t.words[first]
            if lex.lists.notNames.contains(w) { return .none }
            let b = t.bare(first)
            if t.tokens[first].has(Token.allCaps), b.count >= 2, b.count <= 6,
               b.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) }) {
                // a word of a headline or dateline set in capitals (`SOCCER - CELTIC WIN`, `LONDON
                // 1996-08-30`) is read as written in lower case: a listed place or body is that, a
                // common word is none; a lone word in capitals in running text stays an acronym
                if b.count >= 3, inCapitalsLine(first) {
                    let lower = b.lowercased()
                    let titled = lower.prefix(1).uppercased() + lower.dropFirst()
                    if let g = lex.lists.gazetteer[titled] {
                        return .typed(g.label, r, Evidence(rule: "capitals-gazetteer", detail: "‘\(w)’ is ‘\(titled)’ in capitals (\(g.list))"))
                    }
                    if b.count >= 4, lex.lists.commonWords.contains(lower) { return .none }
                }
                return .typed(.org, r, Evidence(rule: "acronym", detail: "all-capitals word ‘\(w)’"))
            }
            if t.tokens[first].has(Token.capitalized), hasInnerCapitalOrDigit(w) {
                return .typed(.org, r, Evidence(rule: "brand-shape", detail: "‘\(w)’ has an inner capital or a digit"))
            }
            return .weak(first)
        }
        let allNameWords = r.allSatisfy { isNameWord($0) }
        if allNameWords && n <= 4 {
            if lex.lists.givenNames.contains(t.words[first]) {
                return .person(r, Evidence(rule: "given-name", detail: "‘\(t.words[first])’ is a given name (given-names lists)"))
            }
            let rare = r.filter { !isCommon($0) && t.bare($0).count > 1 }
            if !rare.isEmpty && !isCommon(last) && n <= 3 {
                if let typed = notAPerson(r) { return typed }
                return .person(r, Evidence(rule: "name-shape", detail: "capitalised words not in the common-word list"))
            }
        }
        return .none
    }
}
