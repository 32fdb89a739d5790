import Foundation

/// One gazetteer entry: a surface form and what it names.
public struct GazetteerEntry: Hashable, Sendable {
    /// The surface form as listed (`U.S.`).
    public let surface: String
    /// The canonical name it stands for (`United States`).
    public let canonical: String
    /// Its type.
    public let label: EntityLabel
    /// The data file it comes from (`places-extra.tsv`), for `explain`.
    public let list: String
    /// For government metonyms, the country whose government it stands for (`Kremlin` → `Russia`).
    public let country: String?
}

/// How a word types the capitalised name it ends or begins (`Party` ends organisations).
struct NameRules: OptionSet, Sendable {
    let rawValue: UInt16
    static let orgSuffix = NameRules(rawValue: 1 << 0)
    static let orgHead = NameRules(rawValue: 1 << 1)
    static let lawSuffix = NameRules(rawValue: 1 << 2)
    static let lawHead = NameRules(rawValue: 1 << 3)
    static let eventSuffix = NameRules(rawValue: 1 << 4)
    static let eventHead = NameRules(rawValue: 1 << 5)
    static let facSuffix = NameRules(rawValue: 1 << 6)
    static let locSuffix = NameRules(rawValue: 1 << 7)
    static let locHead = NameRules(rawValue: 1 << 8)
    static let particle = NameRules(rawValue: 1 << 9)

    static let anySuffix: NameRules = [.orgSuffix, .lawSuffix, .eventSuffix, .facSuffix, .locSuffix]

    static func parse(_ s: String) -> NameRules {
        switch s {
        case "org-suffix": return .orgSuffix
        case "org-head": return .orgHead
        case "law-suffix": return .lawSuffix
        case "law-head": return .lawHead
        case "event-suffix": return .eventSuffix
        case "event-head": return .eventHead
        case "fac-suffix": return .facSuffix
        case "loc-suffix": return .locSuffix
        case "loc-head": return .locHead
        case "particle": return .particle
        default: return []
        }
    }
}

/// Whether a title is a courtesy title or an office.
enum TitleKind: Sendable {
    /// `Mr`, `Dr`, `Sir`: marks a person, gives no role.
    case honorific
    /// `President`, `Press Secretary`: marks a person and becomes their role.
    case role
}

/// What the lists say about one token text, looked up once per token (`TokenText.info`)
/// so the per-token rules test flags instead of hashing the word again and again.
struct WordInfo: Sendable {
    /// Largest number of tokens of a gazetteer entry starting with this exact word (0: none).
    var gazetteerFirst: UInt8 = 0
    /// The lower-cased word can open a DATE (`DateRules.openers`).
    var opensDate = false
    /// The lower-cased word is a number word (`DateRules.numberWords`).
    var isNumberWord = false
    /// The lower-cased word is a count (`CountRules.cardinalWords`).
    var isCardinalWord = false
    /// The lower-cased word is an ordinal (`CountRules.ordinalWords`).
    var isOrdinalWord = false
    /// The lower-cased word can open a TIME (`CountRules.timeOpeners`).
    var opensTime = false
    /// The exact word is a weekday, month or named day (`DateRules`).
    var isDateName = false
}

/// The word lists the entity rules use, loaded once from the package's `Data` files.
///
/// Multi-word entries are keyed the way `key(_:_:_:)` joins document tokens, so the
/// same tokenizer decides what a list entry and a span of text look like.
final class Lexicon: Sendable {
    /// The shared instance (thread-safe lazy initialisation).
    static let shared = Lexicon()

    /// Surface key → entry.
    let gazetteer: [String: GazetteerEntry]
    /// First token of a gazetteer key → largest number of tokens of an entry starting with it.
    let gazetteerFirst: [String: Int]
    /// Token text → what the lists say about it (see `WordInfo`).
    let wordInfo: [String: WordInfo]
    /// Lower-cased title key (final periods dropped) → kind.
    let titles: [String: TitleKind]
    /// Lower-cased first word of a title → largest number of words.
    let titleFirst: [String: Int]
    /// Lower-case role-noun phrases (`leader`, `chief executive`).
    let roleNouns: Set<String>
    /// Words that type names by position.
    let rules: [String: NameRules]
    /// Given names (census lists plus curated extras).
    let givenNames: Set<String>
    /// Given names used (almost) only for men, so `Mrs Howard` is not `Michael Howard`.
    let maleNames: Set<String>
    /// Ordinary lower-case English words.
    let commonWords: Set<String>
    /// Capitalised words and acronyms that are never entities by themselves.
    let notNames: Set<String>

    private init() {
        var gaz: [String: GazetteerEntry] = [:]
        var first: [String: Int] = [:]
        let tokenizer = Tokenizer()
        // Order matters: an earlier list wins a surface that several lists hold.
        for file in ["metonyms.tsv", "organizations.tsv", "places-extra.tsv", "countries.tsv", "demonyms.tsv",
                     "regions.tsv", "cities.tsv"] {
            for line in Lexicon.lines(file) {
                let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard cols.count >= 3, let label = EntityLabel(rawValue: cols[2]) else { continue }
                let country = cols.count >= 4 ? cols[3] : nil
                for surface in cols[0].split(separator: "|").map(String.init) {
                    let canonical = cols[1] == "=" ? surface : cols[1]
                    let toks = tokenizer.tokenize(Array(surface.utf8)).tokens
                    guard !toks.isEmpty else { continue }
                    let bytes = Array(surface.utf8)
                    let k = Lexicon.key(bytes, toks, 0..<toks.count)
                    if gaz[k] != nil { continue }
                    gaz[k] = GazetteerEntry(surface: surface, canonical: canonical, label: label, list: file, country: country)
                    let f = String(decoding: bytes[toks[0].range.start..<toks[0].range.end], as: UTF8.self)
                    first[f] = max(first[f] ?? 0, toks.count)
                }
            }
        }
        gazetteer = gaz
        gazetteerFirst = first
        var info: [String: WordInfo] = [:]
        for (w, n) in first { info[w, default: WordInfo()].gazetteerFirst = UInt8(min(n, 255)) }
        for w in DateRules.openers { info[w, default: WordInfo()].opensDate = true }
        for w in DateRules.numberWords { info[w, default: WordInfo()].isNumberWord = true }
        for w in CountRules.cardinalWords.union(CountRules.hyphenatedCardinals) { info[w, default: WordInfo()].isCardinalWord = true }
        for w in CountRules.ordinalWords.union(CountRules.hyphenatedOrdinals) { info[w, default: WordInfo()].isOrdinalWord = true }
        for w in DateRules.weekdays.union(DateRules.months).union(DateRules.namedDays) { info[w, default: WordInfo()].isDateName = true }
        for w in CountRules.timeOpeners { info[w, default: WordInfo()].opensTime = true }
        wordInfo = info

        var titles: [String: TitleKind] = [:]
        var titleFirst: [String: Int] = [:]
        for line in Lexicon.lines("titles.tsv") {
            let cols = line.split(separator: "\t").map(String.init)
            guard cols.count >= 2 else { continue }
            let kind: TitleKind = cols[1] == "honorific" ? .honorific : .role
            for t in cols[0].split(separator: "|") {
                let words = t.lowercased().split(separator: " ").map(String.init)
                titles[words.joined(separator: " ")] = kind
                titleFirst[words[0]] = max(titleFirst[words[0]] ?? 0, words.count)
            }
        }
        self.titles = titles
        self.titleFirst = titleFirst
        roleNouns = Set(Lexicon.lines("role-nouns.tsv"))

        var rules: [String: NameRules] = [:]
        for line in Lexicon.lines("name-rules.tsv") {
            let cols = line.split(separator: "\t").map(String.init)
            guard cols.count >= 2 else { continue }
            let r = NameRules.parse(cols[1])
            for w in cols[0].split(separator: "|") { rules[String(w), default: []].formUnion(r) }
        }
        self.rules = rules
        var given = Set(Lexicon.lines("given-names-extra.txt"))
        var male = Set<String>()
        for line in Lexicon.lines("given-names.txt") {
            let cols = line.split(separator: "\t")
            given.insert(String(cols[0]))
            if cols.count > 1 && cols[1] == "m" { male.insert(String(cols[0])) }
        }
        givenNames = given
        maleNames = male
        commonWords = Set(Lexicon.lines("common-words.txt"))
        notNames = Set(Lexicon.lines("not-names.txt"))
    }

    /// Joins tokens `r` of `bytes` into a lookup key: one space where the text has any space.
    static func key(_ bytes: [UInt8], _ tokens: [Token], _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for i in r {
            if i > r.lowerBound && tokens[i].has(Token.spaceBefore) { out.append(0x20) }
            out.append(contentsOf: bytes[tokens[i].range.start..<tokens[i].range.end])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The non-comment, non-empty lines of a bundled data file.
    static func lines(_ file: String) -> [String] {
        let dot = file.lastIndex(of: ".")!
        let name = String(file[..<dot]), ext = String(file[file.index(after: dot)...])
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Data")
                ?? Bundle.module.url(forResource: name, withExtension: ext),
              let data = try? Data(contentsOf: url) else { return [] }
        // split on bytes: Character-level splitting of these files dominated start-up
        var out: [String] = []
        out.reserveCapacity(data.count / 8)
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var start = 0
            let n = b.count
            while start < n {
                var end = start
                while end < n, b[end] != 0x0A { end += 1 }
                var last = end
                if last > start, b[last - 1] == 0x0D { last -= 1 }
                if last > start, b[start] != 0x23 {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: b[start..<last]), as: UTF8.self))
                }
                start = end + 1
            }
        }
        return out
    }
}
