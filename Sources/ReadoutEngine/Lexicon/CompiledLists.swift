/// The word lists compiled ahead of time into one binary file, `Data/lists.bin`.
///
/// Parsing the text lists (gazetteers, name lists, 64,000 common words, the part-of-speech
/// lexicon) into hash tables took a sizeable share of a short run, every run. The image holds the
/// finished tables: it is mapped into memory, each table is checked, and look-ups read the keys
/// and slots where they lie (only small value columns are copied). It records a fingerprint of
/// the text files it was compiled from: when they have changed since (a list edited, the image
/// not remade), or the image is missing or damaged, the lists are parsed from the text as
/// before, so an edit always takes effect. `make lists` remakes the image; a test fails while
/// it is out of date.
public enum CompiledLists {
    /// The image's file name in the data folder.
    public static let imageFile = "lists.bin"

    /// Bumped whenever the layout of the image changes.
    static let formatVersion = 1

    /// The text files the image is compiled from.
    static let sourceFiles = Lexicon.Lists.files + ["pos-lexicon.tsv"]

    /// The shipped image's tables, or nil when it is missing, damaged or older than the text files.
    static let shipped: (lexicon: Lexicon.Lists, pos: POSLexicon)? = {
        guard let fingerprint = sourceFingerprint(), let image = DataFiles.mapped(imageFile) else { return nil }
        return try? read(image, fingerprint: fingerprint)
    }()

    /// True when the lists were loaded from the image rather than parsed from the text files.
    static var isUsingImage: Bool { shipped != nil }

    /// Compiles the text files into an image (what `make lists` writes to `Data/lists.bin`).
    public static func compile() -> [UInt8] {
        var w = ListImage.Writer()
        w.int(formatVersion)
        w.int(sourceFingerprint() ?? 0)
        Lexicon.Lists.parse().write(to: &w)
        POSLexicon(tsv: DataFiles.bytes("pos-lexicon.tsv") ?? []).write(to: &w)
        return w.bytes
    }

    /// The tables of `image`, which must have been compiled from text files whose fingerprint is
    /// `fingerprint`; throws when it is not, or is damaged. The tables point into `image` (and
    /// keep it alive) rather than copying it.
    static func read(_ image: MappedBytes, fingerprint: Int) throws -> (lexicon: Lexicon.Lists, pos: POSLexicon) {
        var r = try ListImage.Reader(image)
        guard try r.int() == formatVersion, try r.int() == fingerprint else { throw ListImage.Malformed() }
        let lists = try Lexicon.Lists(image: &r)
        let pos = try POSLexicon(image: &r)
        guard r.atEnd else { throw ListImage.Malformed() }
        return (lists, pos)
    }

    /// A hash of the names, sizes and bytes of the text files, and of the labels and tags the
    /// image stores by number, or nil when a file is missing.
    static func sourceFingerprint() -> Int? {
        var h: UInt64 = 0x243F_6A88_85A3_08D3
        // each step is a bijection of the state, so changing any one part always changes the result
        func mix(_ v: Int) { h = (h ^ UInt64(bitPattern: Int64(v))) &* 0x9E37_79B9_7F4A_7C15 }
        // the byte tables' hash, which takes in a buffer's length and every byte
        func mix(_ s: String) {
            var s = s
            s.withUTF8 { mix(ByteTable<Bool>.hash($0)) }
        }
        for name in EntityLabel.allCases.map(\.rawValue) + UPOS.allCases.map(\.rawValue) { mix(name) }
        for name in sourceFiles {
            guard let file = DataFiles.mapped(name) else { return nil }
            mix(name)
            mix(ByteTable<Bool>.hash(file.raw.bindMemory(to: UInt8.self)))
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}

extension Lexicon.Lists {
    /// Writes the tables to an image. Gazetteer entries are stored as their strings back to back,
    /// their labels and lists as numbers.
    func write(to w: inout ListImage.Writer) {
        gazetteer.writeKeys(to: &w)
        var pool: [UInt8] = [], ends: [UInt32] = [], flags: [UInt8] = []
        for e in gazetteer.values {
            for field in [e.surface, e.canonical, e.country ?? ""] {
                pool.append(contentsOf: field.utf8)
                ends.append(UInt32(pool.count))
            }
            flags.append((e.country != nil ? 1 : 0) | (e.canonical == e.surface ? 2 : 0))
        }
        w.array(pool)
        w.array(ends)
        w.array(flags)
        w.array(gazetteer.values.map { UInt8(EntityLabel.allCases.firstIndex(of: $0.label)!) })
        w.array(gazetteer.values.map { UInt8(Self.gazetteerFiles.firstIndex(of: $0.list)!) })
        gazetteerFirst.writeKeys(to: &w)
        w.array(gazetteerFirst.values)
        titles.writeKeys(to: &w)
        w.array(titles.values.map { $0 == .role ? UInt8(1) : 0 })
        titleFirst.writeKeys(to: &w)
        w.array(titleFirst.values)
        roleNouns.write(to: &w)
        rules.writeKeys(to: &w)
        w.array(rules.values.map(\.rawValue))
        for set in [givenNames, maleNames, femaleNames, commonWords, notNames] { set.write(to: &w) }
    }

    /// The tables written by `write(to:)`.
    init(image r: inout ListImage.Reader) throws {
        gazetteer = try ByteTable(image: &r) { n, r in try Self.readEntries(n, &r) }
        gazetteerFirst = try ByteTable(image: &r) { n, r in try Self.column(n, &r, UInt8.self) }
        titles = try ByteTable(image: &r) { n, r in try Self.column(n, &r, UInt8.self).map { $0 == 1 ? .role : .honorific } }
        titleFirst = try ByteTable(image: &r) { n, r in try Self.column(n, &r, Int.self) }
        roleNouns = try WordSet(image: &r)
        rules = try ByteTable(image: &r) { n, r in try Self.column(n, &r, UInt16.self).map(NameRules.init(rawValue:)) }
        givenNames = try WordSet(image: &r)
        maleNames = try WordSet(image: &r)
        femaleNames = try WordSet(image: &r)
        commonWords = try WordSet(image: &r)
        notNames = try WordSet(image: &r)
    }

    /// An array of `n` values, or a throw when the image holds another number.
    private static func column<T: ImageScalar>(_ n: Int, _ r: inout ListImage.Reader, _: T.Type) throws -> [T] {
        let a = try r.array(of: T.self)
        guard a.count == n else { throw ListImage.Malformed() }
        return a
    }

    /// `n` gazetteer entries: three strings each (surface, canonical, country), flags, labels and lists.
    private static func readEntries(_ n: Int, _ r: inout ListImage.Reader) throws -> [GazetteerEntry] {
        let pool = try r.array(of: UInt8.self)
        let ends = try column(n * 3, &r, UInt32.self)
        let flags = try column(n, &r, UInt8.self)
        let labels = try column(n, &r, UInt8.self)
        let lists = try column(n, &r, UInt8.self)
        let allLabels = EntityLabel.allCases
        guard labels.allSatisfy({ Int($0) < allLabels.count }), lists.allSatisfy({ Int($0) < gazetteerFiles.count }) else {
            throw ListImage.Malformed()
        }
        var out: [GazetteerEntry] = []
        out.reserveCapacity(n)
        return try pool.withUnsafeBufferPointer { p in
            var start = 0, fieldIndex = 0
            func next() throws -> UnsafeBufferPointer<UInt8> {
                let end = Int(ends[fieldIndex])
                guard start <= end, end <= p.count else { throw ListImage.Malformed() }
                defer { start = end; fieldIndex += 1 }
                return UnsafeBufferPointer(rebasing: p[start..<end])
            }
            for i in 0..<n {
                let surface = String(decoding: try next(), as: UTF8.self)
                let canonicalBytes = try next(), countryBytes = try next()
                out.append(GazetteerEntry(surface: surface,
                                          canonical: flags[i] & 2 != 0 ? surface : String(decoding: canonicalBytes, as: UTF8.self),
                                          label: allLabels[Int(labels[i])], list: gazetteerFiles[Int(lists[i])],
                                          country: flags[i] & 1 != 0 ? String(decoding: countryBytes, as: UTF8.self) : nil))
            }
            return out
        }
    }
}
