/// DATE rules in the spaCy (OntoNotes) style: weekdays, months with days and years, years,
/// relative periods (`last year`, `the coming months`), durations (`another five years`,
/// `four-year`) and named days (`Christmas`).
enum DateRules {
    static let weekdays: WordSet = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months: WordSet = ["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December", "Jan.", "Feb.", "Aug.",
                                      "Sept.", "Sep.", "Oct.", "Nov.", "Dec."]
    /// Months that are also common words: they need a date-like neighbour.
    static let ambiguousMonths: WordSet = ["March", "May"]
    static let units: WordSet = ["day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
                                     "decades", "century", "centuries", "weekend", "weekends", "quarter", "quarters",
                                     "season", "seasons", "fortnight", "summer", "winter", "spring", "autumn"]
    static let relative: WordSet = ["last", "next", "this", "coming", "past", "previous", "following", "recent",
                                        "same", "current", "first", "second", "third", "fourth", "final", "latest",
                                        "early", "late"]
    static let numberWords: WordSet = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                           "ten", "eleven", "twelve", "thirteen", "fifteen", "twenty", "thirty",
                                           "forty", "fifty", "hundred", "few", "several", "couple", "many"]
    static let namedDays: WordSet = ["Christmas", "Easter", "Ramadan", "Thanksgiving", "Hanukkah", "Diwali"]
    static let deictic: WordSet = ["today", "yesterday", "tomorrow"]
    static let monthPrepositions: WordSet = ["in", "since", "until", "by", "from", "of", "last", "next", "early",
                                                 "late", "mid", "this", "during", "before", "after", "through", "to"]

    /// Lower-case words that can open a DATE (a cheap first test for every token).
    static let openers: WordSet = {
        var s = deictic.union(relative).union(numberWords)
        s.insert("the"); s.insert("another"); s.insert("a")
        return s
    }()

    /// A DATE starting at token `k` (sentence ends at `e`): its end token and the rule that matched.
    static func match(_ t: TokenText, _ k: Int, _ e: Int) -> (end: Int, detail: String)? {
        let w = t.words[k]
        let tok = t.tokens[k]
        let kind = tok.kind
        if kind == .word {
            // fast exit for the common case, capitalised or not: every word rule below needs a word
            // that opens a date (the openers hold the deictic, relative and number words), a date
            // name, a hyphen or a leading digit
            if !t.info[k].opensDate, !t.info[k].isDateName, t.shape[k] & (TokenText.hyphen | TokenText.digitFirst) == 0 {
                return nil
            }
            if t.info[k].isDateName {
                if weekdays.contains(w) { return (k + 1, "weekday") }
                if months.contains(w) { return monthPhrase(t, k, e) }
                if namedDays.contains(w) { return (k + 1, "named day") }
            }
            let lw = t.lower(k)
            if deictic.contains(lw) { return (k + 1, "deictic day") }
            if t.shape[k] & TokenText.hyphen != 0, isHyphenDuration(w) { return (k + 1, "hyphenated duration") }
            if w.utf8.count == 5, w.hasSuffix("s"), isYear(String(w.dropLast())) { return (k + 1, "decade") } // 1990s
            if lw == "the" || lw == "another" || t.info[k].isRelative {
                if let r = relativePhrase(t, k, e) { return r }
            }
            if t.info[k].isNumberWord, k + 1 < e, t.isUnitWord(k + 1), lw != "many" {
                return durationTail(t, k, k + 2, e)
            }
            if lw == "a", k + 2 < e, t.isUnitWord(k + 1), ["ago", "earlier", "later"].contains(t.words[k + 2]) {
                return (k + 3, "relative period")
            }
        } else if kind == .number {
            if isYear(w), !followedByNonDate(t, k + 1, e) { return yearTail(t, k, e) }
            if k + 1 < e, t.isUnitWord(k + 1), !w.fastContains(".") {
                return durationTail(t, k, k + 2, e)
            }
            if k + 1 < e, t.info[k + 1].isDateName, months.contains(t.words[k + 1]), isDayNumber(w) { return monthPhrase(t, k + 1, e, from: k) }
        }
        return nil
    }

    static func isYear(_ w: String) -> Bool {
        guard w.utf8.count == 4, let n = Int(w) else { return false }
        return n >= 1800 && n <= 2099
    }

    static func isDayNumber(_ w: String) -> Bool {
        let digits = w.prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits), n >= 1, n <= 31 else { return false }
        return digits.count == w.count || ["st", "nd", "rd", "th"].contains(String(w.dropFirst(digits.count)))
    }

    /// `four-year`, `25-year-old`, `six-month`: a number and a time unit joined by hyphens.
    static func isHyphenDuration(_ w: String) -> Bool {
        guard w.utf8.contains(0x2D) else { return false }
        let parts = w.fastLowercased().split(separator: "-")
        guard parts.count >= 2 else { return false }
        let unit = String(parts[1])
        guard units.contains(unit) || units.contains(unit + "s") else { return false }
        let n = String(parts[0])
        return Int(n) != nil || numberWords.contains(n) || n == "half"
    }

    /// A year followed by a plural noun is a count (`2000 people`), not a date.
    static func followedByNonDate(_ t: TokenText, _ k: Int, _ e: Int) -> Bool {
        guard k < e else { return false }
        if t.tokens[k].kind == .symbol { return true } // 2000%
        let w = t.words[k]
        guard t.tokens[k].kind == .word, !t.isCap(k) else { return false }
        return w.utf8.count > 3 && w.hasSuffix("s") && !["was", "has", "is", "as", "its", "this", "his", "ends", "sales",
                                                    "results", "figures", "levels"].contains(w)
            && !t.doc.string(t.tokens[k].range).hasSuffix("ss")
    }

    /// `January`, `January 2005`, `5 January 2005`, `January 5, 2005`.
    static func monthPhrase(_ t: TokenText, _ m: Int, _ e: Int, from start: Int? = nil) -> (end: Int, detail: String)? {
        var end = m + 1
        var dated = start != nil
        if end < e, t.tokens[end].kind == .number, isDayNumber(t.words[end]) {
            end += 1; dated = true
            if end + 1 < e, t.words[end] == ",", isYear(t.words[end + 1]) { end += 2 }
        }
        if end < e, t.tokens[end].kind == .number, isYear(t.words[end]) { end += 1; dated = true }
        if ambiguousMonths.contains(t.words[m]) && !dated {
            guard m > 0, monthPrepositions.contains(t.lower(m - 1)), !t.isInitial(m) else { return nil }
        }
        return (end, "month")
    }

    static func yearTail(_ t: TokenText, _ k: Int, _ e: Int) -> (end: Int, detail: String) {
        return (k + 1, "year")
    }

    /// `five years`, `five years ago`, `two years earlier`.
    static func durationTail(_ t: TokenText, _ start: Int, _ end: Int, _ e: Int) -> (end: Int, detail: String) {
        if end < e, ["ago", "earlier", "later", "old"].contains(t.words[end]) { return (end + 1, "relative period") }
        return (end, "duration")
    }

    /// `the coming months`, `last year`, `another five years`, `the past two decades`, `the 1990s`.
    static func relativePhrase(_ t: TokenText, _ k: Int, _ e: Int) -> (end: Int, detail: String)? {
        var i = k
        let first = t.lower(k)
        if first == "the" || first == "another" { i += 1 }
        guard i < e else { return nil }
        var sawRelative = false
        if t.info[i].isRelative { sawRelative = true; i += 1 }
        guard i < e else { return nil }
        var sawNumber = false
        if t.info[i].isNumberWord || (t.tokens[i].kind == .number && !t.words[i].fastContains(".")) {
            sawNumber = true; i += 1
        }
        guard i < e else { return nil }
        if first == "the", !sawRelative, !sawNumber, t.words[i].utf8.count == 5, t.words[i].hasSuffix("s"),
           isYear(String(t.words[i].dropLast())) {
            return (i + 1, "decade")
        }
        guard t.info[i].isDateUnit else { return nil }
        // `the first year`, `the same day`: need a relative word; `another five years`: a number.
        if first == "another" && !sawNumber { return nil }
        if first == "the" && !sawRelative { return nil }
        if !["the", "another"].contains(first) && !sawRelative { return nil }
        if ["first", "second", "third", "fourth", "final", "same"].contains(t.lower(first == "the" ? k + 1 : k)),
           !["quarter", "quarters", "half"].contains(t.lower(i)) {
            return nil
        }
        return durationTail(t, k, i + 1, e)
    }
}
