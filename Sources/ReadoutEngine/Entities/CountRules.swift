/// TIME, CARDINAL and ORDINAL rules in the spaCy (OntoNotes) style: `10:30`, `3pm`, `2200 GMT`,
/// `this morning`, `28 minutes`; `2,000`, `two million`, `17-16`; `third`, `21st`.
/// They run after MONEY, PERCENT (`NumericRules`) and, for counts, after DATE, so a number
/// those rules own is never a CARDINAL.
enum CountRules {
    static let cardinalWords: WordSet = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "dozen", "hundreds", "thousands", "millions", "billions", "dozens",
    ]
    /// Words that make a following number word part of the same count (`two million`, `one hundred`).
    static let scaleWords: WordSet = ["hundred", "thousand", "million", "billion", "trillion", "m", "bn"]
    static let ordinalWords: WordSet = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "hundredth", "thousandth",
    ]
    /// Words before `one` that make it a pronoun (`no one`, `the one`), not a count.
    static let pronounOne: WordSet = ["no", "any", "every", "some", "the", "this", "that", "each", "which", "little"]
    static let clockSuffixes: WordSet = ["am", "pm", "a.m.", "p.m.", "GMT", "BST", "CET", "EST", "ET", "PST"]
    static let timeUnits: WordSet = ["hour", "hours", "minute", "minutes", "seconds", "hrs", "mins"]
    static let dayParts: WordSet = ["morning", "afternoon", "evening", "night", "lunchtime", "midnight"]
    static let dayPartOpeners: WordSet = ["this", "last", "yesterday", "tomorrow"]
    /// Lower-cased words that can open a TIME (`WordInfo.opensTime`).
    static let timeOpeners: WordSet = dayPartOpeners.union(cardinalWords).union(["tonight", "an"])
        .union(DateRules.weekdays.map { $0.fastLowercased() })

    // MARK: TIME

    /// A TIME starting at token `k` (sentence ends at `e`).
    static func time(_ t: TokenText, _ k: Int, _ e: Int) -> (end: Int, detail: String)? {
        let tok = t.tokens[k]
        let w = t.words[k]
        if tok.kind == .number {
            // 10:30, 10:30 GMT, 3 pm, 2200 GMT
            if w.utf8.contains(0x3A) { return (clockTail(t, k + 1, e), "clock time") }
            if k + 1 < e, clockSuffixes.contains(t.words[k + 1]), t.tokens[k + 1].kind == .word, !w.fastContains(",") {
                return (k + 2, "clock time")
            }
            if k + 1 < e, timeUnits.contains(t.words[k + 1]) { return (agoTail(t, k + 2, e), "hours and minutes") }
            return nil
        }
        guard tok.kind == .word else { return nil }
        // 3pm, 10.30am
        if let f = w.utf8.first, f >= 0x30 && f <= 0x39 {
            let lw = t.lower(k)
            if (lw.hasSuffix("am") || lw.hasSuffix("pm")),
               lw.dropLast(2).allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ":") }) {
                return (clockTail(t, k + 1, e), "clock time")
            }
            return nil
        }
        guard t.info[k].opensTime else { return nil }
        let lw = t.lower(k)
        if lw == "tonight" { return (k + 1, "part of a day") }
        // this morning, last night, yesterday afternoon, Friday night
        if k + 1 < e, dayParts.contains(t.words[k + 1]),
           dayPartOpeners.contains(lw) || DateRules.weekdays.contains(w) {
            return (k + 2, "part of a day")
        }
        // two hours, 28 minutes (numbers above), an hour, half an hour
        if t.info[k].isCardinalWord || lw == "an" {
            if k + 1 < e, timeUnits.contains(t.words[k + 1]) { return (agoTail(t, k + 2, e), "hours and minutes") }
        }
        return nil
    }

    private static func clockTail(_ t: TokenText, _ i: Int, _ e: Int) -> Int {
        i < e && clockSuffixes.contains(t.words[i]) && t.tokens[i].kind == .word ? i + 1 : i
    }

    private static func agoTail(_ t: TokenText, _ i: Int, _ e: Int) -> Int {
        i < e && ["ago", "earlier", "later"].contains(t.words[i]) ? i + 1 : i
    }

    // MARK: CARDINAL and ORDINAL

    /// A CARDINAL or ORDINAL starting at token `k` (sentence ends at `e`).
    static func count(_ t: TokenText, _ k: Int, _ e: Int) -> (end: Int, label: EntityLabel, detail: String)? {
        let tok = t.tokens[k]
        let w = t.words[k]
        if tok.kind == .number {
            // `&#233;`: a character reference left in the text, not a count
            if k > 0, t.words[k - 1].hasSuffix("#"), !tok.has(Token.spaceBefore) { return nil }
            var end = k + 1
            if end < e, scaleWords.contains(t.words[end]) { end += 1 }
            return (end, .cardinal, "number")
        }
        guard tok.kind == .word else { return nil }
        if let f = w.utf8.first, f >= 0x30 && f <= 0x39 {
            if isNumericOrdinal(w) { return (k + 1, .ordinal, "numbered ordinal") }
            return nil
        }
        // lower-case words, or a capitalised count opening a sentence (`Three people died`)
        guard !t.isCap(k) || (t.isInitial(k) && !t.tokens[k].has(Token.allCaps)) else { return nil }
        let lw = t.lower(k)
        if t.info[k].isOrdinalWord {
            if t.isCap(k), k + 1 < e, t.isCap(k + 1) { return nil } // `First Minister`
            return (k + 1, .ordinal, "ordinal word")
        }
        guard t.info[k].isCardinalWord else { return nil }
        if lw == "one" {
            if k > t.sentenceStart[k], pronounOne.contains(t.lower(k - 1)) { return nil }
            // `one another`, `one’s`, `a relationship that is one where …`
            if k + 1 < e, ["another", "’s", "'s", "where", "which", "that", "who", "whose"].contains(t.words[k + 1]) { return nil }
        }
        var end = k + 1
        while end < e, t.tokens[end].kind == .word, scaleWords.contains(t.words[end]) || cardinalWords.contains(t.words[end]) && t.words[end] != "one" {
            end += 1
        }
        return (end, .cardinal, "number word")
    }

    /// `1st`, `22nd`, `3rd`, `10th`.
    static func isNumericOrdinal(_ w: String) -> Bool {
        let digits = w.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return false }
        return ["st", "nd", "rd", "th"].contains(w.dropFirst(digits.count).fastLowercased())
    }

    static let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    static let units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    static let unitOrdinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
    /// `twenty-five` … `ninety-nine` (looked up with the other count words, see `WordInfo`).
    static let hyphenatedCardinals = Set(tens.flatMap { t in units.map { t + "-" + $0 } })
    /// `twenty-first` … `ninety-ninth`.
    static let hyphenatedOrdinals = Set(tens.flatMap { t in unitOrdinals.map { t + "-" + $0 } })
}
