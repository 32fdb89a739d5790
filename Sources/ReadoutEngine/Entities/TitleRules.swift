/// Roles from titles before a name (`White House Press Secretary Jen Psaki`, `former US President
/// Donald Trump`, `President Vladimir Putin of Russia`) and from role nouns (`Labour leader Tony Blair`).
struct TitleRules {
    let t: TokenText
    let lex: Lexicon

    /// Lower-case words before a title that belong to the role (`former US President`).
    static let modifiers: WordSet = ["former", "ex", "then", "acting", "outgoing", "incoming", "late", "interim",
                                         "deputy", "current", "new", "veteran", "retired"]

    /// Titles that are also ordinary words: after them a name must not be ordinary words only.
    static let ambiguousTitles: WordSet = ["general", "gen", "major", "chief", "executive", "director", "manager",
                                               "coach", "editor", "chair", "justice", "marshal", "speaker", "secretary",
                                               "minister", "judge", "commander", "captain", "inspector", "brother",
                                               "sister", "father", "saint", "st", "queen", "king", "prince"]
    /// Honorifics that mark a woman.
    static let femaleHonorifics: WordSet = ["mrs", "mrs.", "ms", "ms.", "miss", "lady", "dame", "baroness", "sister"]
    /// Honorifics that name a man (`Mr Obama`, `Sir Howard`).
    static let maleHonorifics: WordSet = ["mr", "mr.", "sir", "lord", "brother"]

    /// A modifier word just before token `k` (`former`), if any.
    func modifier(before k: Int) -> String? {
        guard k > 0, t.sentenceStart[k] < k else { return nil }
        let w = t.lower(k - 1)
        return TitleRules.modifiers.contains(w) ? w : nil
    }

    /// A lower-case role-noun phrase ending just before token `k` (`leader`, `chief executive`): its first token.
    func roleNoun(before k: Int) -> Int? {
        func fits(_ i: Int) -> Bool { t.tokens[i].kind == .word && (!t.isCap(i) || t.tokens[i].has(Token.allCaps)) }
        let start = t.sentenceStart[k]
        guard k - 1 >= start, fits(k - 1) else { return nil }
        if k - 2 >= start, fits(k - 2), lex.lists.roleNouns.contains(t.words[k - 2] + " " + t.words[k - 1]) { return k - 2 }
        return lex.lists.roleNouns.contains(t.words[k - 1]) ? k - 1 : nil
    }
}

/// Role and body facts found for one person mention.
struct RoleFact {
    /// The role as written (`White House Press Secretary`).
    var role: String
    /// The body the role belongs to (`White House`, `Russia`), canonical.
    var body: String?
    /// How it was found.
    var evidence: Evidence
}
