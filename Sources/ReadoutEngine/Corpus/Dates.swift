/// A day of the proleptic Gregorian calendar.
public struct CivilDate: Hashable, Comparable, Sendable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a real calendar day).
    public init?(iso: String) {
        let p = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard p.count == 3, p[0].count == 4, p[1].count == 2, p[2].count == 2,
              let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]),
              (1...12).contains(m), d >= 1, d <= CivilDate.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days in a month.
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The day `n` days after 1970-01-01 (`civil_from_days`).
    public init(dayNumber n: Int) {
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// 0 = Monday … 6 = Sunday.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 }

    /// `YYYY-MM-DD`.
    public var iso: String { CivilDate.pad(year, 4) + "-" + CivilDate.pad(month, 2) + "-" + CivilDate.pad(day, 2) }

    /// The day `n` days later.
    public func adding(days n: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + n) }

    /// The first day of the month `n` months later.
    public func addingMonths(_ n: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + n
        return CivilDate(year: total / 12, month: total % 12 + 1, day: 1)
    }

    static func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
}

/// How precise a resolved date is.
public enum DateGranularity: String, Sendable {
    case day, week, month, year, decade
}

/// An absolute date or period: its first day and precision.
public struct ResolvedDate: Hashable, Comparable, Sendable {
    /// The first day of the period.
    public var start: CivilDate
    /// Its precision.
    public var granularity: DateGranularity

    public init(_ start: CivilDate, _ granularity: DateGranularity) {
        self.start = start
        self.granularity = granularity
    }

    /// `2021-04-09`, `week of 2021-04-05`, `2021-01`, `2018`, `1990s`.
    public var text: String {
        switch granularity {
        case .day: return start.iso
        case .week: return "week of " + start.iso
        case .month: return CivilDate.pad(start.year, 4) + "-" + CivilDate.pad(start.month, 2)
        case .year: return String(start.year)
        case .decade: return String(start.year) + "s"
        }
    }

    public static func < (a: ResolvedDate, b: ResolvedDate) -> Bool { a.start != b.start ? a.start < b.start : a.text < b.text }
}

/// A date expression as written, parsed but not yet placed in time.
public enum DateExpression: Hashable, Sendable {
    /// Which occurrence a relative word asks for.
    public enum Shift: Hashable, Sendable {
        /// Bare (`on Friday`, `in January`), or `this`.
        case none
        /// `last Friday`, `last January`: strictly before the article date.
        case last
        /// `next Friday`, `next January`: strictly after.
        case next
    }
    /// Calendar units for relative dates.
    public enum Unit: String, Hashable, Sendable { case day, week, month, year }

    /// `Friday` (0 = Monday).
    case weekday(Int, Shift)
    /// `January`, `9 April`, `April 9, 2021`, `January 2005`.
    case month(Int, day: Int?, year: Int?, Shift)
    /// `2018`.
    case year(Int)
    /// `the 1990s`.
    case decade(Int)
    /// `2021-04-13`.
    case absolute(CivilDate)
    /// `yesterday` (−1), `today` (0), `tomorrow` (1).
    case dayOffset(Int)
    /// `last week` (week, −1), `this year` (year, 0), `three months ago` (month, −3).
    case relative(Unit, Int)

    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let monthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "jan.": 1, "feb": 2, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug": 8, "aug.": 8,
        "sep.": 9, "sept": 9, "sept.": 9, "oct": 10, "oct.": 10, "nov": 11, "nov.": 11, "dec": 12, "dec.": 12,
    ]
    static let numberWords: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple": 2,
    ]
    /// Words before a date that do not change it.
    static let lead: Set<String> = ["on", "in", "at", "since", "by", "until", "till", "from", "during", "before", "after",
                                    "early", "late", "mid", "mid-", "of", "the", "earlier", "later", "as", "recently"]

    static func unit(_ w: String) -> Unit? {
        switch w {
        case "day", "days": return .day
        case "week", "weeks", "weekend", "weekends": return .week
        case "month", "months": return .month
        case "year", "years": return .year
        default: return nil
        }
    }

    /// A day number `9`, `9th`.
    static func dayNumber(_ w: String) -> Int? {
        let digits = w.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let n = Int(digits), (1...31).contains(n) else { return nil }
        let rest = w.dropFirst(digits.count)
        return rest.isEmpty || ["st", "nd", "rd", "th"].contains(String(rest)) ? n : nil
    }

    static func yearNumber(_ w: String) -> Int? {
        guard w.utf8.count == 4, w.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let n = Int(w), n >= 1000 else { return nil }
        return n
    }

    /// Parses the words of a date phrase (`on Friday`, `last week`, `9 April 2021`, `three years ago`).
    /// Nil when the words are a duration or otherwise not a point in time (`another five years`).
    public static func parse(_ words: [String]) -> DateExpression? {
        var w = words.map { $0.fastLowercased().replacingOccurrences(of: "\u{2019}", with: "'") }
        w.removeAll { $0 == "," || $0 == "'s" || $0 == "'" }
        while let f = w.first, lead.contains(f) { w.removeFirst() }
        var shift = Shift.none
        var relativeOffset: Int?
        if let f = w.first {
            switch f {
            case "last", "past", "previous": shift = .last; relativeOffset = -1
            case "next", "coming": shift = .next; relativeOffset = 1
            case "this", "current": relativeOffset = 0
            default: break
            }
            if relativeOffset != nil { w.removeFirst() }
        }
        guard !w.isEmpty else { return nil }
        if w.count == 1 {
            let x = w[0]
            if let d = weekdays.firstIndex(of: x) { return .weekday(d, shift) }
            if let m = monthNames[x] { return .month(m, day: nil, year: nil, shift) }
            if relativeOffset == nil, let y = yearNumber(x) { return .year(y) }
            if relativeOffset == nil, x.utf8.count == 5, x.hasSuffix("s"), let y = yearNumber(String(x.dropLast())), y % 10 == 0 {
                return .decade(y)
            }
            if relativeOffset == nil, let d = CivilDate(iso: x) { return .absolute(d) }
            switch x {
            case "yesterday": return .dayOffset(-1)
            case "today", "tonight": return .dayOffset(0)
            case "tomorrow": return .dayOffset(1)
            default: break
            }
            if let off = relativeOffset, let u = unit(x), !x.hasSuffix("s") { return .relative(u, off) }
            return nil
        }
        // `three years ago`, `a week ago`
        if relativeOffset == nil, w.count == 3, w[2] == "ago", let u = unit(w[1]),
           let n = numberWords[w[0]] ?? Int(w[0]) {
            return .relative(u, -n)
        }
        // month phrases: `9 April`, `9th of April 2021`, `April 9`, `April 9, 2021`, `January 2005`
        var day: Int?, month: Int?, year: Int?
        var i = 0
        if let d = dayNumber(w[0]), w.count >= 2 {
            day = d
            i = 1
            if w[i] == "of" { i += 1 }
        }
        guard i < w.count, let m = monthNames[w[i]] else { return nil }
        month = m
        i += 1
        if i < w.count, day == nil, let d = dayNumber(w[i]) { day = d; i += 1 }
        if i < w.count, let y = yearNumber(w[i]) { year = y; i += 1 }
        guard i == w.count else { return nil }
        if let d = day, let y = year, d > CivilDate.daysIn(year: y, month: m) { return nil }
        return .month(month!, day: day, year: year, shift)
    }

    /// Places the expression in time, given the article's date when known.
    ///
    /// Conventions: a bare weekday (`on Friday`) is the most recent such day on or before the
    /// article date (the same day counts); `last Friday` is strictly before it, `next Friday`
    /// strictly after. A month without a year (`in January`, `April 9`) is the most recent one on
    /// or before the article date (`next January`: the first after it). `last week`/`this month`/
    /// `next year` are the calendar week (from Monday), month or year before, of, or after the
    /// article date. Years, full dates and decades need no article date.
    public func resolve(anchor: CivilDate?) -> ResolvedDate? {
        switch self {
        case .year(let y): return ResolvedDate(CivilDate(year: y, month: 1, day: 1), .year)
        case .decade(let y): return ResolvedDate(CivilDate(year: y, month: 1, day: 1), .decade)
        case .absolute(let d): return ResolvedDate(d, .day)
        case .month(let m, let day, let year?, _):
            return ResolvedDate(CivilDate(year: year, month: m, day: day ?? 1), day == nil ? .month : .day)
        default: break
        }
        guard let a = anchor else { return nil }
        switch self {
        case .weekday(let wd, let shift):
            let back = (a.weekday - wd + 7) % 7
            switch shift {
            case .none: return ResolvedDate(a.adding(days: -back), .day)
            case .last: return ResolvedDate(a.adding(days: back == 0 ? -7 : -back), .day)
            case .next:
                let fwd = (wd - a.weekday + 7) % 7
                return ResolvedDate(a.adding(days: fwd == 0 ? 7 : fwd), .day)
            }
        case .month(let m, let day, nil, let shift):
            var y = a.year
            let target = CivilDate(year: y, month: m, day: day ?? 1)
            let onOrBefore = day == nil ? m <= a.month : target <= a
            switch shift {
            case .none: if !onOrBefore { y -= 1 }
            case .last: if !(day == nil ? m < a.month : target < a) { y -= 1 }
            case .next: if day == nil ? m > a.month : target > a {} else { y += 1 }
            }
            if let d = day, d > CivilDate.daysIn(year: y, month: m) { return nil }
            return ResolvedDate(CivilDate(year: y, month: m, day: day ?? 1), day == nil ? .month : .day)
        case .dayOffset(let n):
            return ResolvedDate(a.adding(days: n), .day)
        case .relative(let unit, let n):
            switch unit {
            case .day: return ResolvedDate(a.adding(days: n), .day)
            case .week: return ResolvedDate(a.adding(days: -a.weekday + 7 * n), .week)
            case .month: return ResolvedDate(CivilDate(year: a.year, month: a.month, day: 1).addingMonths(n), .month)
            case .year: return ResolvedDate(CivilDate(year: a.year + n, month: 1, day: 1), .year)
            }
        default: return nil
        }
    }
}

/// A date phrase found in a document.
public struct DateMention: Hashable, Sendable {
    /// Where it lies.
    public var range: TextRange
    /// The words as written.
    public var text: String
    /// The parsed expression; nil for durations and periods (`another five years`).
    public var expression: DateExpression?
    /// Found by the date finder.
    public var byFinder: Bool
    /// Found by the entity layer (a DATE mention).
    public var byEntities: Bool

    public init(range: TextRange, text: String, expression: DateExpression?, byFinder: Bool, byEntities: Bool) {
        self.range = range
        self.text = text
        self.expression = expression
        self.byFinder = byFinder
        self.byEntities = byEntities
    }
}

/// Finds date phrases in a document on its own, and merges them with the entity layer's DATE mentions.
public enum DateFinder {
    /// Words before a year that make a bare four-digit number a year.
    static let yearContext: Set<String> = ["in", "since", "by", "until", "from", "to", "of", "during", "before", "after",
                                           "early", "late", "mid", "between", "and", "or", "the", "summer", "spring",
                                           "autumn", "winter", "year", "end", "through", "for", "until", "till"]
    /// Words before `March`/`May` that make them months.
    static let monthContext: Set<String> = ["in", "since", "by", "until", "from", "of", "last", "next", "this", "early",
                                            "late", "mid", "during", "before", "after", "through", "to", "end"]
    static let modifiers: Set<String> = ["last", "next", "this", "past", "coming", "previous"]

    /// The date phrases of `doc`, in text order.
    public static func find(in doc: Document) -> [DateMention] {
        var out: [DateMention] = []
        let toks = doc.tokens
        for s in doc.sentences {
            let lo = s.tokens.lowerBound, hi = s.tokens.upperBound
            func word(_ k: Int) -> String { k >= lo && k < hi ? doc.string(token: k) : "" }
            func lower(_ k: Int) -> String { word(k).fastLowercased() }
            var k = lo
            while k < hi {
                var end: Int? = nil
                var start = k
                let w = word(k), lw = w.fastLowercased()
                let t = toks[k]
                if t.kind == .word && t.isCapitalized && DateExpression.weekdays.contains(lw) {
                    end = k + 1
                } else if t.kind == .word, let _ = DateExpression.monthNames[lw], t.isCapitalized, lw.count > 4 || lw == "may" || lw == "june" || lw == "july" || lw.hasSuffix(".") {
                    var e = k + 1
                    var dated = false
                    if e < hi, DateExpression.dayNumber(word(e)) != nil, toks[e].kind == .number || toks[e].kind == .word { e += 1; dated = true }
                    if e + 1 < hi, word(e) == ",", DateExpression.yearNumber(word(e + 1)) != nil { e += 2 }
                    else if e < hi, DateExpression.yearNumber(word(e)) != nil { e += 1; dated = true }
                    if k > lo, DateExpression.dayNumber(word(k - 1)) != nil { start = k - 1; dated = true }
                    else if k > lo + 1, lower(k - 1) == "of", DateExpression.dayNumber(word(k - 2)) != nil { start = k - 2; dated = true }
                    let ambiguous = lw == "may" || lw == "march"
                    if !ambiguous || dated || (k > lo && monthContext.contains(lower(k - 1))) { end = e }
                } else if t.kind == .number, DateExpression.yearNumber(w).map({ $0 >= 1900 && $0 <= 2099 }) == true {
                    let prev = k > lo ? lower(k - 1) : ""
                    let next = k + 1 < hi ? toks[k + 1] : nil
                    let nextOK = next == nil || next!.kind == .terminal || next!.kind == .punct || next!.kind == .dash
                    if yearContext.contains(prev) || nextOK { end = k + 1 }
                } else if t.kind == .number, CivilDate(iso: w) != nil {
                    end = k + 1
                } else if t.kind == .word, ["yesterday", "today", "tomorrow", "tonight"].contains(lw) {
                    end = k + 1
                } else if t.kind == .word, modifiers.contains(lw), k + 1 < hi, DateExpression.unit(lower(k + 1)) != nil,
                          !lower(k + 1).hasSuffix("s") {
                    end = k + 2
                } else if (t.kind == .number || DateExpression.numberWords[lw] != nil), k + 2 < hi,
                          DateExpression.unit(lower(k + 1)) != nil, lower(k + 2) == "ago" {
                    end = k + 3
                }
                if let e = end {
                    // a modifier just before: `last Friday`, `next January`
                    if start > lo, modifiers.contains(lower(start - 1)), end != nil,
                       toks[k].kind == .word, DateExpression.unit(lw) == nil, !modifiers.contains(lw) {
                        start -= 1
                    }
                    let words = (start..<e).map { word($0) }
                    let r = TextRange(toks[start].range.start, toks[e - 1].range.end)
                    out.append(DateMention(range: r, text: doc.string(r), expression: DateExpression.parse(words),
                                           byFinder: true, byEntities: false))
                    k = e
                } else {
                    k += 1
                }
            }
        }
        return out
    }

    /// The finder's dates merged with the entity layer's DATE mentions (`entityRanges`): an entity
    /// mention overlapping a found date marks it as found by both (the wider span is kept, and the
    /// expression that parses); other entity mentions are added, parsed with the modifier before them.
    public static func merge(_ found: [DateMention], entityRanges: [TextRange], in doc: Document) -> [DateMention] {
        var out = found
        for r in entityRanges {
            if let i = out.firstIndex(where: { $0.range.overlaps(r) }) {
                out[i].byEntities = true
                if !out[i].range.contains(r) {
                    let u = out[i].range.union(r)
                    let parsed = DateExpression.parse(words(doc, u))
                    if parsed != nil || out[i].expression == nil {
                        out[i].range = u
                        out[i].text = doc.string(u)
                        out[i].expression = parsed
                    }
                }
                continue
            }
            var ws = words(doc, r)
            let first = doc.tokenIndex(atOrAfter: r.start)
            if first > 0, modifiers.contains(doc.string(token: first - 1).fastLowercased()) {
                ws.insert(doc.string(token: first - 1), at: 0)
            }
            out.append(DateMention(range: r, text: doc.string(r), expression: DateExpression.parse(ws), byFinder: false, byEntities: true))
        }
        return out.sorted { $0.range < $1.range }
    }

    static func words(_ doc: Document, _ r: TextRange) -> [String] {
        var k = doc.tokenIndex(atOrAfter: r.start)
        var ws: [String] = []
        while k < doc.tokens.count, doc.tokens[k].range.end <= r.end { ws.append(doc.string(token: k)); k += 1 }
        return ws
    }
}
