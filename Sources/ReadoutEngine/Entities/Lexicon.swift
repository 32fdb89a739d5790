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
    /// The lower-cased word is a relative date word (`DateRules.relative`: `last`, `coming`).
    var isRelative = false
    /// The lower-cased word is a unit of time (`DateRules.units`: `year`, `weeks`).
    var isDateUnit = false
}

/// The word lists the entity rules use, loaded once from the package's `Data` files.
///
/// Multi-word entries are keyed the way `key(_:_:_:)` joins document tokens, so the
/// same tokenizer decides what a list entry and a span of text look like.
final class Lexicon: Sendable {
    /// The shared instance (thread-safe lazy initialisation): from the compiled lists when they
    /// are current, else parsed from the text files.
    static let shared = Lexicon(CompiledLists.shipped?.lexicon ?? Lists.parse())

    /// The tables of the data files (`lex.lists.commonWords`, …).
    let lists: Lists
    /// Token text → what the lists say about it (see `WordInfo`), including the largest number
    /// of tokens of a gazetteer entry starting with that word.
    let wordInfo: ByteTable<WordInfo>
    /// For each byte value, whether a key of `wordInfo` starts with it (see `ByteTable.keyFirstBytes`).
    let wordInfoFirstBytes: [Bool]

    /// The tables from the lists; `wordInfo` adds the rules' own word lists (dates, numbers) to
    /// what the gazetteer says of each word.
    init(_ lists: Lists) {
        self.lists = lists
        var info = lists.gazetteerFirst.mapValues { WordInfo(gazetteerFirst: $0) }
        for w in DateRules.openers { info.update(w, default: WordInfo()) { $0.opensDate = true } }
        for w in DateRules.numberWords { info.update(w, default: WordInfo()) { $0.isNumberWord = true } }
        for w in CountRules.cardinalWords.union(CountRules.hyphenatedCardinals) { info.update(w, default: WordInfo()) { $0.isCardinalWord = true } }
        for w in CountRules.ordinalWords.union(CountRules.hyphenatedOrdinals) { info.update(w, default: WordInfo()) { $0.isOrdinalWord = true } }
        for w in DateRules.weekdays.union(DateRules.months).union(DateRules.namedDays) { info.update(w, default: WordInfo()) { $0.isDateName = true } }
        for w in CountRules.timeOpeners { info.update(w, default: WordInfo()) { $0.opensTime = true } }
        for w in DateRules.relative { info.update(w, default: WordInfo()) { $0.isRelative = true } }
        for w in DateRules.units { info.update(w, default: WordInfo()) { $0.isDateUnit = true } }
        wordInfo = info
        wordInfoFirstBytes = info.keyFirstBytes()
    }

    /// What the data files hold, as tables: parsed from the text files, or read from the
    /// compiled image of them (`CompiledLists`).
    struct Lists: Sendable {
        /// Surface key → entry.
        var gazetteer: ByteTable<GazetteerEntry>
        /// The first word of each gazetteer entry → the largest number of tokens of an entry it starts.
        var gazetteerFirst: ByteTable<UInt8>
        /// Lower-cased title key (final periods dropped) → kind.
        var titles: ByteTable<TitleKind>
        /// Lower-cased first word of a title → largest number of words.
        var titleFirst: ByteTable<Int>
        /// Lower-case role-noun phrases (`leader`, `chief executive`).
        var roleNouns: WordSet
        /// Words that type names by position.
        var rules: ByteTable<NameRules>
        /// Given names (census lists plus curated extras).
        var givenNames: WordSet
        /// Given names used (almost) only for men, so `Mrs Howard` is not `Michael Howard`.
        var maleNames: WordSet

        /// Given names used (almost) only for women (`Michelle`, `Yulia`); a name either sex bears
        /// (`Robin`, `Jean`) is in neither this set nor `maleNames`.
        var femaleNames: WordSet

        /// Whether `first` is a given name the lists hold for women only (`Michelle`), so `Mr Obama`
        /// is not her and `he` does not name her. Unknown names and names either sex bears are not.
        func isWomansName(_ first: String) -> Bool { femaleNames.contains(first) }
        /// Ordinary lower-case English words.
        var commonWords: WordSet
        /// Capitalised words and acronyms that are never entities by themselves.
        var notNames: WordSet

        /// The data files the lists are parsed from, in the order they are read.
        static let gazetteerFiles = ["metonyms.tsv", "organizations.tsv", "places-extra.tsv", "countries.tsv", "demonyms.tsv",
                                     "regions.tsv", "cities.tsv"]
        static let files = gazetteerFiles + ["titles.tsv", "role-nouns.tsv", "name-rules.tsv", "given-names-extra.txt",
                                             "given-names.txt", "common-words.txt", "not-names.txt"]

        // The lists are parsed on bytes into `ByteTable`s: building `String` sets and dictionaries
        // of them dominated the start of every run.
        /// Parses the text files.
        static func parse() -> Lists {
            var gaz = ByteTable<GazetteerEntry>(capacity: 8192)
            var first = ByteTable<UInt8>(capacity: 8192)
            let tokenizer = Tokenizer()
            // Order matters: an earlier list wins a surface that several lists hold.
            for file in gazetteerFiles {
                DataFiles.forEachRecord(DataFiles.bytes(file) ?? []) { cols in
                    guard cols.count >= 3, let label = EntityLabel(rawValue: String(decoding: cols[2], as: UTF8.self)) else { return }
                    let country = cols.count >= 4 ? String(decoding: cols[3], as: UTF8.self) : nil
                    let sameName = cols[1].elementsEqual([0x3D])
                    let canonicalField = sameName ? "" : String(decoding: cols[1], as: UTF8.self)
                    for piece in cols[0].split(separator: 0x7C) {
                        let bytes = Array(piece)
                        guard let (k, firstWord, count) = Lexicon.gazetteerKey(bytes, tokenizer) else { continue }
                        if gaz[k] != nil { continue }
                        let surface = String(decoding: bytes, as: UTF8.self)
                        gaz.insert(k, GazetteerEntry(surface: surface, canonical: sameName ? surface : canonicalField,
                                                     label: label, list: file, country: country))
                        let n = UInt8(min(count, 255))
                        bytes[firstWord].withUnsafeBufferPointer { f in
                            first.update(f, default: 0) { $0 = max($0, n) }
                        }
                    }
                }
            }

            var titles = ByteTable<TitleKind>(capacity: 256)
            var titleFirst = ByteTable<Int>(capacity: 256)
            for line in DataFiles.lines("titles.tsv") {
                let cols = line.split(separator: "\t").map(String.init)
                guard cols.count >= 2 else { continue }
                let kind: TitleKind = cols[1] == "honorific" ? .honorific : .role
                for t in cols[0].split(separator: "|") {
                    let words = t.fastLowercased().split(separator: " ").map(String.init)
                    titles.update(words.joined(separator: " "), default: kind) { $0 = kind }
                    titleFirst.update(words[0], default: words.count) { $0 = max($0, words.count) }
                }
            }

            var rules = ByteTable<NameRules>(capacity: 256)
            for line in DataFiles.lines("name-rules.tsv") {
                let cols = line.split(separator: "\t").map(String.init)
                guard cols.count >= 2 else { continue }
                let r = NameRules.parse(cols[1])
                for w in cols[0].split(separator: "|") { rules.update(String(w), default: []) { $0.formUnion(r) } }
            }
            // name<TAB>m|f|u in both files: a name is a man's or a woman's only when no line says otherwise
            var given = WordSet(capacity: 4096)
            var sexes: [[UInt8]: UInt8] = [:] // name -> m, f, or u once the files disagree
            for file in ["given-names-extra.txt", "given-names.txt"] {
                DataFiles.forEachRecord(DataFiles.bytes(file) ?? []) { cols in
                    given.insert(cols[0])
                    let name = Array(cols[0]), sex: UInt8 = cols.count > 1 && cols[1].count == 1 ? cols[1][0] : 0x75
                    sexes[name] = sexes[name].map { $0 == sex ? sex : 0x75 } ?? sex
                }
            }
            var male = WordSet(capacity: 2048), female = WordSet(capacity: 2048)
            for (name, sex) in sexes.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                name.withUnsafeBufferPointer { if sex == 0x6D { male.insert($0) } else if sex == 0x66 { female.insert($0) } }
            }
            return Lists(gazetteer: gaz, gazetteerFirst: first, titles: titles, titleFirst: titleFirst,
                         roleNouns: WordSet(dataFile: DataFiles.bytes("role-nouns.tsv") ?? []), rules: rules,
                         givenNames: given, maleNames: male, femaleNames: female,
                         commonWords: WordSet(dataFile: DataFiles.bytes("common-words.txt") ?? []),
                         notNames: WordSet(dataFile: DataFiles.bytes("not-names.txt") ?? []))
        }
    }

    /// A gazetteer surface's lookup key, the byte range of its first token and its number of tokens
    /// (nil when it has no tokens). Plain surfaces (ASCII letters and single spaces, most of the lists)
    /// take a shortcut that gives what the tokenizer gives; `fast: false` always tokenizes.
    static func gazetteerKey(_ bytes: [UInt8], _ tokenizer: Tokenizer, fast: Bool = true) -> (String, Range<Int>, Int)? {
        if fast, let first = bytes.first, first != 0x20, bytes.last != 0x20 {
            var plain = true, words = 1, firstEnd = bytes.count
            var previousSpace = false
            for (i, b) in bytes.enumerated() {
                if b == 0x20 {
                    if previousSpace { plain = false; break }
                    if words == 1 { firstEnd = i }
                    words += 1
                    previousSpace = true
                } else if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A {
                    previousSpace = false
                } else {
                    plain = false
                    break
                }
            }
            if plain { return (String(decoding: bytes, as: UTF8.self), 0..<firstEnd, words) }
        }
        let toks = tokenizer.tokenize(bytes).tokens
        guard !toks.isEmpty else { return nil }
        return (Lexicon.key(bytes, toks, 0..<toks.count), toks[0].range.start..<toks[0].range.end, toks.count)
    }

    /// Joins tokens `r` of `bytes` into a lookup key: one space where the text has any space.
    static func key(_ bytes: [UInt8], _ tokens: [Token], _ r: Range<Int>) -> String {
        withKey(bytes, tokens, r) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the lookup key of tokens `r` of `bytes` (see `key`) on a stack buffer, so
    /// probing the tables with keys that match nothing makes no `String`.
    static func withKey<R>(_ bytes: [UInt8], _ tokens: [Token], _ r: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var n = 0
        for i in r { n += tokens[i].range.length + 1 }
        return bytes.withUnsafeBufferPointer { b in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { out in
                var k = 0
                for i in r {
                    if i > r.lowerBound && tokens[i].has(Token.spaceBefore) { out[k] = 0x20; k += 1 }
                    for j in tokens[i].range.start..<tokens[i].range.end { out[k] = b[j]; k += 1 }
                }
                return body(UnsafeBufferPointer(start: out.baseAddress!, count: k))
            }
        }
    }
}
