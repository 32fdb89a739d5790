import Foundation
import ReadoutTestSupport
import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// `load` builds most documents straight from the bytes it read, and checks paths without
/// Foundation; each shortcut must give what the general route gives.
final class LoaderFastPathTests: TempFolderTestCase {
    private func load(_ paths: [String]) throws -> Loader.Report {
        try Loader().load(paths, existingIDs: [], now: 0)
    }

    /// File contents that probe every branch: encodings, BOMs, line breaks, HTML near the
    /// 512-character limit, blank text, binary data.
    static var inputs: [[UInt8]] {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let texts = [
            "Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise.",
            "One line only, ending like a sentence.", "Short\n\nx", "\n\n  Headline after blank lines\nBody.",
            "\tTabbed headline \t\nBody.", "Headline with “quotes”\nBody.", "Ends with a comma,\nBody.",
            "Lines\rwith\rCR only\r", "Windows\r\nlines\r\n\r\nBody.\r\n", "Mixed\r\nand\rand\nbreaks",
            "<!DOCTYPE html><html><head><title>T &amp; U</title></head><body><p>Para one.</p><p>Two</p></body></html>",
            "<HTML><BODY><H1>Loud</H1><P>Text.</P></BODY></HTML>", "Not html: a < b and <htm but no marker.",
            String(repeating: "a", count: 507) + "<html><p>At the limit.</p></html>",
            String(repeating: "a", count: 508) + "<html><p>Past the limit.</p></html>",
            String(repeating: "é", count: 300) + "<html><p>Inside 512 characters, past 512 bytes.</p></html>",
            String(repeating: "é", count: 600) + "<html><p>Past 512 characters.</p></html>",
            String(repeating: "e\u{301}", count: 505) + "<html><p>Combining marks.</p></html>",
            String(repeating: "a\r\n", count: 200) + "<html><p>CRLF is one character.</p></html>",
            String(repeating: "word ", count: 40) + "\n" + String(repeating: "more ", count: 10),
            "Café opens “today”\n\nSeñor 日本 🙂", " \n\t\r\n ", "",
        ]
        var out: [[UInt8]] = []
        for t in texts {
            out.append(Array(t.utf8))
            out.append(bom + Array(t.utf8))
        }
        out.append(bom + [0x20, 0x0A])                                  // blank after the BOM
        out.append(bom + [0x48, 0x69, 0xFF, 0x0A, 0x42])                // invalid UTF-8 after the BOM
        out.append(Array("Caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94])   // Windows-1252
        out.append([0xED, 0xA0, 0x80, 0x41])                            // an encoded surrogate
        out.append([0xF4, 0x90, 0x80, 0x80])                            // above U+10FFFF
        out.append([0xC0, 0xAF, 0x41])                                  // overlong
        out.append([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])                // binary
        var wide: [UInt8] = [0xFF, 0xFE]
        for u in "Wide headline\r\nBody.".utf16 { wide += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        out.append(wide)
        var rng = SplitMix(state: 3)
        let pieces: [[UInt8]] = [Array("Word".utf8), [0x20], [0x0A], [0x0D], [0x09], Array("“".utf8), Array("é".utf8),
                                 [0xC3], [0x80], Array("<html>".utf8), Array("<!doctype HTML>".utf8), Array(".".utf8), [0x00]]
        for _ in 0..<150 {
            out.append((0..<Int(rng.next() % 60)).flatMap { _ in rng.pick(pieces) })
        }
        return out
    }

    func testTheByteRouteGivesWhatTheStringRouteGives() {
        var fast = 0
        for (k, bytes) in Self.inputs.enumerated() {
            for path in ["a/story.txt", "a/page.html", "a/PAGE.HTM", "a/notes.md"] {
                let a = Loader.decode(path, bytes)
                let b = Loader.decodeAsString(path, bytes)
                let what = "input \(k) as \(path): \(String(decoding: bytes.prefix(60), as: UTF8.self).debugDescription)"
                XCTAssertEqual(a.document?.bytes, b.document?.bytes, what)
                XCTAssertEqual(a.document?.tokens, b.document?.tokens, what)
                XCTAssertEqual(a.document?.sentences, b.document?.sentences, what)
                XCTAssertEqual(a.document?.wordCount, b.document?.wordCount, what)
                XCTAssertEqual(a.title, b.title, what)
                XCTAssertEqual(a.encoding, b.encoding, what)
                XCTAssertEqual(a.hash, b.hash, what)
                XCTAssertEqual(a.warning, b.warning, what)
                XCTAssertEqual(a.error?.message, b.error?.message, what)
                if Loader.plainUTF8(bytes) != nil { fast += 1 }
            }
        }
        XCTAssertGreaterThan(fast, 100, "the byte route is taken")
    }

    func testCarriageReturnsBecomeLineFeeds() throws {
        try folder.write("cr.txt", Array("Old Mac headline\rFirst paragraph.\r\rSecond.".utf8))
        try folder.write("crlf.txt", Array("Windows headline\r\nFirst paragraph.\r\n".utf8))
        let r = try load([dir])
        let byTitle = Dictionary(uniqueKeysWithValues: r.records.map { ($0.title, $0.document.text) })
        XCTAssertEqual(byTitle["Old Mac headline"], "Old Mac headline\nFirst paragraph.\n\nSecond.")
        XCTAssertEqual(byTitle["Windows headline"], "Windows headline\nFirst paragraph.\n")
    }

    func testHTMLIsRecognisedInTheFirst512CharactersOfAnyFile() throws {
        try folder.write("near.txt", Array((String(repeating: "é", count: 300) + "<html><title>Near</title><p>Body.</p></html>").utf8))
        try folder.write("far.txt", Array((String(repeating: "a ", count: 300) + "<html><title>Far</title></html>").utf8))
        let r = try load([dir])
        XCTAssertTrue(r.records.contains { $0.title == "Near" && $0.document.text == String(repeating: "é", count: 300) + "\nBody." })
        XCTAssertTrue(r.records.contains { $0.document.text.hasSuffix("<title>Far</title></html>") })
    }

    func testABOMBeforeBlankTextHasNoArticleText() throws {
        try folder.write("blank.txt", [0xEF, 0xBB, 0xBF, 0x20, 0x0A])
        let r = try load([dir])
        XCTAssertTrue(r.records.isEmpty)
        XCTAssertEqual(r.warnings, ["'\(dir!)/blank.txt' has no article text"])
    }

    func testUTF8ValidationAgreesWithTheStandardLibrary() {
        var rng = SplitMix(state: 5)
        let bytes: [UInt8] = [0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0xED, 0x9F, 0xEF, 0xF0, 0x90, 0xF4, 0x8F, 0xF5, 0xFF]
        var inputs: [[UInt8]] = Self.inputs
        for _ in 0..<3000 { inputs.append((0..<Int(rng.next() % 12)).map { _ in rng.pick(bytes) }) }
        for _ in 0..<300 { inputs.append(Array(repeating: 0x61, count: Int(rng.next() % 20)) + [rng.pick(bytes), rng.pick(bytes), rng.pick(bytes)]) }
        for b in inputs {
            let expected = String(validating: b, as: UTF8.self) != nil
            XCTAssertEqual(b.withUnsafeBufferPointer { TextDecoding.isValidUTF8($0) }, expected, "\(b)")
        }
    }

    /// The binary test reads eight bytes at a time; it must count exactly what a byte-by-byte
    /// count finds, wherever the NUL or control bytes fall, and look at the first 8 KiB only.
    func testBinaryDetectionMatchesAByteByByteCount() {
        func reference(_ b: [UInt8]) -> Bool {
            let sample = b.prefix(8192)
            guard !sample.isEmpty else { return false }
            var control = 0
            for x in sample {
                if x == 0 { return true }
                if x < 0x20 && x != 0x0A && x != 0x0D && x != 0x09 && x != 0x0C { control += 1 }
            }
            return control * 10 > sample.count
        }
        let text = Array("Prime Minister\tsaid:\r\n\u{0C}« Non » — café ".utf8)
        var cases: [[UInt8]] = [[], [0], text, text + [0], Array(repeating: 0x41, count: 8192) + [0]]
        for n in 0..<40 {
            for at in 0..<n {
                var b = Array(text.prefix(n))
                b[at] = 0
                cases.append(b)
                b[at] = 0x01
                cases.append(b)
            }
        }
        for k in 0..<30 { cases.append(Array(repeating: 0x41, count: 90) + Array(repeating: 0x01, count: k)) }
        for b in cases {
            XCTAssertEqual(b.withUnsafeBufferPointer { TextDecoding.looksBinary($0) }, reference(b), "\(b)")
        }
    }

    func testTitlesOnBytesMatchTitlesOnCharacters() {
        let lines = ["Labour plans maternity pay rise", "One", "Two words", "Ends.", "Ends,", "Ends\"", "\tTabbed\t",
                     "  spaced  out  ", "a\u{0B}b c", String(repeating: "word ", count: 31), String(repeating: "w ", count: 76),
                     String(repeating: "w ", count: 75), "one two three four five six seven eight nine ten eleven", ""]
        for line in lines {
            for more in [false, true] {
                XCTAssertEqual(Loader.asciiHeadline(ArraySlice(line.utf8), moreLines: more),
                               Loader.headline(line.trimmingCharacters(in: .whitespaces), moreLines: more), "\(line.debugDescription) \(more)")
            }
        }
        XCTAssertEqual(Loader.guessTitle("Café owners protest\n\nText."), "Café owners protest")
        XCTAssertEqual(Loader.guessTitle("\u{A0}Non-breaking start\u{A0}\nText."), "Non-breaking start")
    }

    func testPathPartsMatchFoundation() {
        let paths = ["a/b/c.txt", "c.txt", "/c.txt", "/", "", ".", "..", "a/..", "a/.hidden", "a/b.", "a/.b.txt", "a/b.TXT",
                     "a//b//c.md", "a/b/", "a/b.txt/", "./x.html", "../../shared/corpora/bbc/business/001.txt", "x.tar.gz",
                     "dir.d/file", "/a", "a", "a/b", "Café/Été.HTML", "a/b\u{301}.txt", "a/.\u{301}txt", "tab\t/name .txt"]
        for p in paths {
            let ns = p as NSString
            XCTAssertEqual(Paths.fileExtension(p), ns.pathExtension.lowercased(), p)
            XCTAssertEqual(Paths.lastComponent(p), ns.lastPathComponent, p)
            // Foundation's deletingLastPathComponent traps on one-character relative paths
            if p.count > 1 || p == "/" {
                XCTAssertEqual(Paths.folderName(p), (ns.deletingLastPathComponent as NSString).lastPathComponent, p)
            }
        }
    }

    func testPathPartsOfOneCharacterAndNonASCIINames() {
        // (path, folder, last component, folder name, extension)
        let cases: [(String, String, String, String, String)] = [
            ("x", ".", "x", "", ""), ("é", ".", "é", "", ""), ("+", ".", "+", "", ""), (".", ".", ".", "", ""),
            ("", ".", "", "", ""), ("/", "/", "/", "/", ""), ("/x", "/", "x", "/", ""), ("x/", ".", "x", "", ""),
            ("a/x", "a", "x", "a", ""), ("é/è.TXT", "é", "è.TXT", "é", "txt"), ("a//b//", "a", "b", "a", ""),
            ("//x", "/", "x", "/", ""), ("a/b.ÉTÉ", "a", "b.ÉTÉ", "a", "été"), ("~", ".", "~", "", ""),
            ("a/.x", "a", ".x", "a", ""), ("y.", ".", "y.", "", ""),
        ]
        for (p, folder, last, folderName, ext) in cases {
            XCTAssertEqual(Paths.folder(of: p), folder, "folder of \(p.debugDescription)")
            XCTAssertEqual(Paths.lastComponent(p), last, "last component of \(p.debugDescription)")
            XCTAssertEqual(Paths.folderName(p), folderName, "folder name of \(p.debugDescription)")
            XCTAssertEqual(Paths.fileExtension(p), ext, "extension of \(p.debugDescription)")
        }
        XCTAssertEqual(Paths.join(".", "x"), "x")
        XCTAssertEqual(Paths.join("", "x"), "x")
        XCTAssertEqual(Paths.join("/", "x"), "/x")
        XCTAssertEqual(Paths.join("a/", "x"), "a/x")
        XCTAssertEqual(Paths.join("a", "é"), "a/é")
    }

    func testTildeExpansion() {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
        guard !home.isEmpty, home != "/" else { return }
        XCTAssertEqual(Paths.expandTilde("~"), home)
        XCTAssertEqual(Paths.expandTilde("~/x"), home + "/x")
        XCTAssertEqual(Paths.expandTilde("x/~"), "x/~")
        XCTAssertEqual(Paths.expandTilde("~no-such-user-here/x"), "~no-such-user-here/x")
        XCTAssertEqual(Paths.expandTilde("~/x"), ("~/x" as NSString).expandingTildeInPath)
    }

    func testSlugsOnBytesMatchSlugsOnCharacters() {
        for s in ["Seed File", "001", "--a--", "...", "UPPER_case-42", "a b.c", "tab\there", String(repeating: "x", count: 40), "", "-"] {
            XCTAssertEqual(Loader.slug(s), Loader.slugCharacters(s), s)
        }
        XCTAssertEqual(Loader.slug("Café-Été"), "caf-t")
    }

    func testALinkToAFileLoadsOnceAndAHardLinkLoadsAsAnotherFile() throws {
        try folder.write("a.txt", Array("Original headline\n\nBody.".utf8))
        try FileManager.default.createSymbolicLink(atPath: dir + "/b.txt", withDestinationPath: dir + "/a.txt")
        try FileManager.default.linkItem(atPath: dir + "/a.txt", toPath: dir + "/c.txt")
        let r = try load([dir, dir + "/a.txt", dir + "/b.txt"])
        XCTAssertEqual(r.records.map { ($0.path as NSString).lastPathComponent }, ["a.txt", "c.txt"])
    }

    func testParallelMapKeepsOrder() {
        for n in [0, 1, 7, 8, 9, 1000] {
            XCTAssertEqual(ParallelMap.map(0..<n) { $0 * 2 }, (0..<n).map { $0 * 2 })
            XCTAssertEqual(ParallelMap.map(5..<(5 + n)) { String($0) }, (5..<(5 + n)).map { String($0) })
        }
    }

    func testFilesThatReportNoSizeAreReadToTheirEnd() throws {
        let path = "/proc/self/status"
        guard FileManager.default.fileExists(atPath: path) else { throw XCTSkip("no /proc") }
        guard case .bytes(let b) = FileBytes.read(path, maxBytes: 1 << 20) else { return XCTFail("not read") }
        XCTAssertGreaterThan(b.count, 0)
    }
}
