import XCTest
@testable import ReadoutEngine

/// The byte-keyed tables the word lists are loaded into, and the shortcuts taken while loading them.
final class LexiconTableTests: XCTestCase {
    func testByteTableFindsWhatWasInsertedAndFirstValueWins() {
        var t = ByteTable<Int>(capacity: 4)
        XCTAssertTrue(t.insert("Paris", 1))
        XCTAssertFalse(t.insert("Paris", 2))
        XCTAssertTrue(t.insert("paris", 3))
        XCTAssertTrue(t.insert("Zürich", 4))
        XCTAssertTrue(t.insert("", 5))
        XCTAssertEqual(t["Paris"], 1)
        XCTAssertEqual(t["paris"], 3)
        XCTAssertEqual(t["Zürich"], 4)
        XCTAssertEqual(t[""], 5)
        XCTAssertNil(t["Pari"])
        XCTAssertNil(t["Parisx"])
        XCTAssertEqual(t.count, 4)
    }

    func testByteTableGrowsAndKeepsEveryKey() {
        var t = ByteTable<Int>(capacity: 2)
        for i in 0..<5000 { t.insert("word\(i)", i) }
        XCTAssertEqual(t.count, 5000)
        for i in stride(from: 0, to: 5000, by: 7) { XCTAssertEqual(t["word\(i)"], i) }
        XCTAssertNil(t["word5000"])
        var seen = 0
        t.forEach { k, v in XCTAssertEqual(k, "word\(v)"); seen += 1 }
        XCTAssertEqual(seen, 5000)
    }

    /// The hash reads words eight bytes at a time with overlapping loads at the ends: keys of
    /// every length, differing anywhere, must all be told apart.
    func testByteTableFindsKeysOfEveryLengthDifferingAtAnyByte() {
        var t = ByteTable<Int>(capacity: 4)
        var keys: [[UInt8]] = []
        for n in 0...40 {
            let base = (0..<n).map { UInt8(0x61 + $0 % 26) }
            keys.append(base)
            for i in 0..<n {
                var k = base
                k[i] = 0x5A // one byte changed, at each place in turn
                keys.append(k)
            }
        }
        for (v, k) in keys.enumerated() { k.withUnsafeBufferPointer { XCTAssertTrue(t.insert($0, v), "\(k)") } }
        XCTAssertEqual(t.count, keys.count)
        for (v, k) in keys.enumerated() { k.withUnsafeBufferPointer { XCTAssertEqual(t.value($0), v) } }
        let missing = Array("abcdefghijklmnopqrstuvwxyzabcdefghijklmnoX".utf8)
        missing.withUnsafeBufferPointer { XCTAssertNil(t.value($0)) }
    }

    func testByteTableUpdateInsertsOrChanges() {
        var t = ByteTable<Int>()
        t.update("a", default: 10) { $0 += 1 }
        t.update("a", default: 10) { $0 += 1 }
        XCTAssertEqual(t["a"], 12)
    }

    func testWordSetFromADataFileSkipsCommentsAndBlankLinesAndTakesTheFirstField() {
        let file = Array("# a comment\nalpha\n\nbeta\tm\r\ngamma\r\n#delta\nepsilon".utf8)
        let s = WordSet(dataFile: file)
        XCTAssertEqual(s.count, 4)
        for w in ["alpha", "beta", "gamma", "epsilon"] { XCTAssertTrue(s.contains(w), w) }
        for w in ["delta", "#delta", "", "beta\tm", "a comment"] { XCTAssertFalse(s.contains(w), w) }
    }

    func testWordSetAgreesWithTheShippedCommonWords() {
        let lines = DataFiles.lines("common-words.txt").map(String.init)
        XCTAssertGreaterThan(lines.count, 50_000)
        let set = Lexicon.shared.lists.commonWords
        XCTAssertEqual(set.count, Set(lines).count)
        for w in lines { XCTAssertTrue(set.contains(w), w) }
        XCTAssertFalse(set.contains("Aardvark"))
    }

    /// Plain gazetteer surfaces skip the tokenizer; the shortcut must give exactly what it gives.
    func testGazetteerKeyShortcutMatchesTheTokenizerOnEveryShippedSurface() {
        let tokenizer = Tokenizer()
        var checked = 0, shortcut = 0
        for file in ["metonyms.tsv", "organizations.tsv", "places-extra.tsv", "countries.tsv", "demonyms.tsv",
                     "regions.tsv", "cities.tsv"] {
            DataFiles.forEachRecord(DataFiles.bytes(file) ?? []) { cols in
                for piece in cols[0].split(separator: 0x7C) {
                    let bytes = Array(piece)
                    let fast = Lexicon.gazetteerKey(bytes, tokenizer)
                    let slow = Lexicon.gazetteerKey(bytes, tokenizer, fast: false)
                    XCTAssertEqual(fast?.0, slow?.0, "\(file): \(String(decoding: bytes, as: UTF8.self))")
                    XCTAssertEqual(fast?.1, slow?.1, "\(file): \(String(decoding: bytes, as: UTF8.self))")
                    XCTAssertEqual(fast?.2, slow?.2, "\(file): \(String(decoding: bytes, as: UTF8.self))")
                    checked += 1
                    if bytes.allSatisfy({ $0 == 0x20 || ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { shortcut += 1 }
                }
            }
        }
        XCTAssertGreaterThan(checked, 3000)
        XCTAssertGreaterThan(shortcut, checked / 2)
    }

    func testGazetteerKeyForSurfacesThatNeedTheTokenizer() {
        let tokenizer = Tokenizer()
        let us = Lexicon.gazetteerKey(Array("U.S.".utf8), tokenizer)
        XCTAssertEqual(us?.0, "U.S.")
        let two = Lexicon.gazetteerKey(Array("New  York".utf8), tokenizer)
        XCTAssertEqual(two?.0, "New York")
        XCTAssertEqual(two?.2, 2)
        XCTAssertNil(Lexicon.gazetteerKey(Array("  ".utf8), tokenizer))
    }

    /// The pre-hash filter may let other words through but never a word of its set, whatever the
    /// case of its first letter, its length (past 63 bytes too) or its script.
    func testWordShapesNeverRejectAWordOfTheSet() {
        let words = ["said", "Told", "according", "Zürich", "élan", String(repeating: "x", count: 70), "a"]
        var shapes = WordShapes()
        for w in words { shapes.insert(w) }
        for w in words {
            let b = Array(w.utf8)
            XCTAssertTrue(shapes.mayContain(first: b[0], length: b.count), w)
            if b[0] < 0x80 { XCTAssertTrue(shapes.mayContain(first: b[0] ^ 0x20, length: b.count), "other case of \(w)") }
        }
        XCTAssertTrue(shapes.mayContain(first: UInt8(ascii: "x"), length: 200))
        XCTAssertFalse(shapes.mayContain(first: UInt8(ascii: "s"), length: 5), "no 5-byte word starts with s")
        XCTAssertFalse(shapes.mayContain(first: UInt8(ascii: "q"), length: 4), "no word starts with q")
    }
}
