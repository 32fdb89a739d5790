import XCTest
@testable import ReadoutEngine

/// The word lists compiled into `Data/lists.bin`: current with the text files, identical to
/// parsing them, and refused (so the text is parsed instead) when stale or damaged.
final class CompiledListsTests: XCTestCase {
    func testTheShippedImageIsCurrentWithTheTextLists() {
        let shipped = DataFiles.mapped(CompiledLists.imageFile).map { Array($0.raw) }
        XCTAssertNotNil(shipped, "Data/\(CompiledLists.imageFile) is missing: run `make lists`")
        XCTAssertTrue(shipped == CompiledLists.compile(),
                      "Data/\(CompiledLists.imageFile) is out of date with the text lists or the code that reads them: run `make lists`")
        XCTAssertTrue(CompiledLists.isUsingImage, "the engine parsed the text lists instead of loading the image")
    }

    /// Reading an image and writing it again gives the same bytes: every table, key and value survives.
    func testAnImageReadsBackToTheTablesItWasWrittenFrom() throws {
        let image = CompiledLists.compile()
        let fingerprint = try XCTUnwrap(CompiledLists.sourceFingerprint())
        let (lists, pos) = try CompiledLists.read(MappedBytes(copying: image), fingerprint: fingerprint)
        var w = ListImage.Writer()
        w.int(CompiledLists.formatVersion)
        w.int(fingerprint)
        lists.write(to: &w)
        pos.write(to: &w)
        XCTAssertTrue(w.bytes == image)

        let parsed = Lexicon.Lists.parse()
        XCTAssertEqual(lists.gazetteer.count, parsed.gazetteer.count)
        XCTAssertEqual(lists.gazetteer["Kremlin"], parsed.gazetteer["Kremlin"])
        XCTAssertEqual(lists.gazetteer["Kremlin"]?.country, "Russia")
        XCTAssertEqual(lists.commonWords.count, parsed.commonWords.count)
        XCTAssertTrue(lists.commonWords.contains("aardvark"))
        XCTAssertEqual(lists.rules["Party"], parsed.rules["Party"])
        XCTAssertEqual(pos.entry("said")?.lemma, "say")
        XCTAssertEqual(pos.entry("said")?.pos, .verb)
    }

    /// The lexicon made from the image answers as the one parsed from the text does.
    func testTheLexiconFromTheImageMatchesTheParsedOne() throws {
        let fingerprint = try XCTUnwrap(CompiledLists.sourceFingerprint())
        let (lists, _) = try CompiledLists.read(MappedBytes(copying: CompiledLists.compile()), fingerprint: fingerprint)
        let fromImage = Lexicon(lists), fromText = Lexicon(Lexicon.Lists.parse())
        XCTAssertEqual(fromImage.wordInfo.count, fromText.wordInfo.count)
        XCTAssertGreaterThan(fromText.wordInfo.count, 3000)
        fromText.wordInfo.forEach { word, info in
            XCTAssertEqual(fromImage.wordInfo[word].map { "\($0)" }, "\(info)", word)
        }
        fromText.lists.gazetteer.forEach { key, entry in XCTAssertEqual(fromImage.lists.gazetteer[key], entry, key) }
    }

    func testAStaleOrDamagedImageIsRefused() throws {
        let image = CompiledLists.compile()
        let fingerprint = try XCTUnwrap(CompiledLists.sourceFingerprint())
        func refused(_ bytes: [UInt8], fingerprint f: Int = fingerprint, _ what: String) {
            XCTAssertThrowsError(try CompiledLists.read(MappedBytes(copying: bytes), fingerprint: f), what)
        }
        refused(image, fingerprint: fingerprint &+ 1, "compiled from other text files")
        for n in [0, 7, 8, 16, 24, 1000, image.count / 2, image.count - 1] { refused(Array(image.prefix(n)), "cut to \(n) bytes") }
        refused(image + [0, 0, 0, 0, 0, 0, 0, 0], "with bytes after its end")
        var magic = image
        magic[0] ^= 0xFF
        refused(magic, "another file's first bytes")
        var version = image
        version[8] &+= 1
        refused(version, "another format version")
    }

    /// A table whose slots or key ranges are out of line is refused, so a damaged image can
    /// never send a look-up out of bounds or round an endless probe.
    func testAByteTableWithBadSlotsOrKeysIsRefused() throws {
        var set = WordSet(capacity: 4)
        for w in ["alpha", "beta", "gamma"] { set.insert(w) }
        var w = ListImage.Writer()
        set.write(to: &w)
        let good = w.bytes
        var reader = try ListImage.Reader(MappedBytes(copying: good))
        let read = try WordSet(image: &reader)
        XCTAssertEqual(read.words, ["alpha", "beta", "gamma"])
        XCTAssertFalse(read.contains("delta"))

        // the arrays in order: key bytes, key starts, key ends, slots (each: count, width, data)
        func arrays(_ bytes: [UInt8]) -> [(count: Int, width: Int, data: Int)] {
            var out: [(Int, Int, Int)] = [], at = 8
            while at < bytes.count {
                let n = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: at, as: Int64.self)) }
                let width = bytes.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: at + 8, as: Int64.self)) }
                out.append((n, width, at + 16))
                at += 16 + (n * width + 7) & ~7
            }
            return out
        }
        let layout = arrays(good)
        XCTAssertEqual(layout.count, 4)
        func refused(_ change: (inout [UInt8]) -> Void, _ what: String) {
            var bad = good
            change(&bad)
            XCTAssertThrowsError(try {
                var r = try ListImage.Reader(MappedBytes(copying: bad))
                _ = try WordSet(image: &r)
            }(), what)
        }
        let slots = layout[3], ends = layout[2]
        let used = (0..<slots.count).first { i in good[slots.data + 4 * i] != 0 }!
        refused({ $0[slots.data + 4 * used] = 9 }, "a slot naming an entry past the last")
        refused({ $0[slots.data + 4 * used + 3] = 0x80 }, "a negative slot")
        refused({ bytes in
            for i in 0..<slots.count where bytes[slots.data + 4 * i] == 0 { bytes[slots.data + 4 * i] = 1 }
        }, "no empty slot, so a probe for a missing key would never end")
        refused({ $0[ends.data] = 200 }, "a key past the key bytes")
        refused({ $0[slots.data - 8] = 2 }, "slots of the wrong width")
        refused({ $0[layout[0].data - 16] = 0xFF }, "more key bytes than the image holds")
    }

    /// A table read from an image looks its keys up where they lie; a change copies them first,
    /// and leaves the table it was copied from as it was.
    func testATableReadFromAnImageCanStillChange() throws {
        var set = WordSet(capacity: 4)
        for w in ["alpha", "beta"] { set.insert(w) }
        var w = ListImage.Writer()
        set.write(to: &w)
        var r = try ListImage.Reader(MappedBytes(copying: w.bytes))
        let read = try WordSet(image: &r)
        var changed = read
        for i in 0..<100 { changed.insert("word\(i)") }
        XCTAssertTrue(changed.contains("alpha") && changed.contains("beta") && changed.contains("word99"))
        XCTAssertEqual(changed.count, 102)
        XCTAssertEqual(read.words, ["alpha", "beta"])
        XCTAssertFalse(read.contains("word1"))
    }

    func testDataFilesMapsAFileOrSaysItIsMissing() {
        let mapped = DataFiles.mapped("stop-words.txt").map { Array($0.raw) }
        XCTAssertNotNil(mapped)
        XCTAssertEqual(mapped, DataFiles.bytes("stop-words.txt"))
        XCTAssertNil(DataFiles.mapped("no-such-list.txt"))
    }
}
