import Foundation
import XCTest
@testable import ReadoutWorkbench

final class LoaderTests: TempFolderTestCase {
    private func write(_ name: String, _ bytes: [UInt8]) throws {
        try folder.write(name, bytes)
    }

    private func load(_ paths: [String]) throws -> Loader.Report {
        try Loader().load(paths, existingIDs: [], now: 0)
    }

    func testEncodings() throws {
        try write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Café opens\n\nText.".utf8))
        try write("latin.txt", Array("Headline\n\nThe caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94]) // cp1252 é and curly quotes
        var utf16: [UInt8] = [0xFF, 0xFE]
        for u in "Hello UTF-16 — ok\n\nBody.".utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
        try write("wide.txt", utf16)
        let r = try load([dir])
        let byName = Dictionary(uniqueKeysWithValues: r.records.map { (($0.path as NSString).lastPathComponent, $0) })
        XCTAssertEqual(byName["bom.txt"]?.document.text, "Café opens\n\nText.")
        XCTAssertEqual(byName["bom.txt"]?.encoding, .utf8BOM)
        XCTAssertEqual(byName["latin.txt"]?.document.text, "Headline\n\nThe café “q”")
        XCTAssertEqual(byName["latin.txt"]?.encoding, .windows1252)
        XCTAssertEqual(byName["wide.txt"]?.document.text, "Hello UTF-16 — ok\n\nBody.")
        XCTAssertTrue(r.warnings.contains { $0.contains("latin.txt") && $0.contains("Windows-1252") })
    }

    func testBinaryAndEmptyFilesWarnAndOthersLoad() throws {
        try write("a.txt", Array("Real article\n\nBody text.".utf8))
        try write("bin.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01])
        try write("empty.txt", [])
        let r = try load([dir])
        XCTAssertEqual(r.records.count, 1)
        XCTAssertTrue(r.warnings.contains { $0.contains("bin.txt") && $0.contains("binary") })
        XCTAssertTrue(r.warnings.contains { $0.contains("empty.txt") && $0.contains("empty") })
    }

    func testMissingPathIsAnErrorAndOthersLoad() throws {
        try write("a.txt", Array("Real article\n\nBody.".utf8))
        let r = try load([dir + "/b.txt", dir + "/a.txt"])
        XCTAssertEqual(r.records.count, 1)
        XCTAssertEqual(r.errors.count, 1)
        XCTAssertTrue(r.errors[0].message.contains("b.txt"))
        XCTAssertEqual(r.errors[0].hint, "did you mean '\(dir!)/a.txt'?")
    }

    func testFoldersRecurseGlobsExpandAndOnlyArticlesLoadFromFolders() throws {
        try write("x/one.txt", Array("One\n\nBody.".utf8))
        try write("x/deep/two.md", Array("Two\n\nBody.".utf8))
        try write("x/skip.json", Array("{}".utf8))
        try write("g1.txt", Array("G1\n\nBody.".utf8))
        try write("g2.txt", Array("G2\n\nBody.".utf8))
        XCTAssertEqual(try load([dir + "/x"]).records.map(\.title).sorted(), ["One", "Two"])
        XCTAssertEqual(try load([dir + "/g*.txt"]).records.map(\.title), ["G1", "G2"])
        XCTAssertEqual(try load([dir + "/zz*.txt"]).errors.count, 1)
    }

    /// A folder's README, licence and changelog are no articles: skipped with a line that says so;
    /// named, they load (issue 21, point 17: `load ../shared/corpora/bbc` read README.TXT).
    func testFolderLoadsSkipReadmesAndSaySo() throws {
        try write("c/README.TXT", Array("The dataset\n\nConsists of 2225 documents.".utf8))
        try write("c/LICENSE.md", Array("Licence\n\nTerms.".utf8))
        try write("c/business/001.txt", Array("Ad sales boost profits\n\nBody.".utf8))
        let report = try load([dir + "/c"])
        XCTAssertEqual(report.records.map(\.title), ["Ad sales boost profits"])
        XCTAssertEqual(report.warnings.filter { $0.contains("README.TXT") && $0.contains("not an article") }.count, 1, "\(report.warnings)")
        XCTAssertEqual(report.warnings.filter { $0.contains("LICENSE.md") }.count, 1, "\(report.warnings)")
        XCTAssertEqual(try load([dir + "/c/README.TXT"]).records.map(\.title), ["The dataset"])
    }

    /// A wildcard never matches `.` or `..`: `load x/.*` reads x's hidden files, not x again and
    /// the folder above it (a fuzzed `load .*` once read the whole temporary folder).
    func testWildcardsNeverMatchDotAndDotDot() throws {
        try write("x/.hidden.txt", Array("Hidden\n\nBody.".utf8))
        try write("x/shown.txt", Array("Shown\n\nBody.".utf8))
        try write("above.txt", Array("Above\n\nBody.".utf8))
        XCTAssertEqual(try load([dir + "/x/.*"]).records.map(\.title), ["Hidden"])
        XCTAssertEqual(PathExpander.glob(dir + "/x/.*").map { ($0 as NSString).lastPathComponent }, [".hidden.txt"])
        XCTAssertEqual(PathExpander.glob(dir + "/x/.*/shown.txt"), [], "'.*' is not '.'")
        XCTAssertEqual(PathExpander.glob(dir + "/x/../x/s*.txt").count, 1, "a '..' written in the pattern stays")
    }

    func testSymlinkLoopsAreSkipped() throws {
        try write("loop/a.txt", Array("A\n\nBody.".utf8))
        try FileManager.default.createSymbolicLink(atPath: dir + "/loop/self", withDestinationPath: dir + "/loop")
        let r = try load([dir + "/loop"])
        XCTAssertEqual(r.records.count, 1)
    }

    func testHTMLDropsScriptsStylesAndNavigationAndTakesTheTitle() throws {
        let html = """
        <!DOCTYPE html><html><head><title>Leaders talk &amp; agree</title><style>p{color:red}</style>
        <script>var x = "<p>not text</p>";</script></head><body><nav><a href="/">Home</a> Menu</nav>
        <h1>Leaders talk</h1><p>First paragraph &ldquo;quoted&rdquo;.</p><p>Second<br>line.</p><footer>Copyright</footer></body></html>
        """
        try write("a.html", Array(html.utf8))
        let r = try load([dir + "/a.html"])
        XCTAssertEqual(r.records.first?.title, "Leaders talk & agree")
        XCTAssertEqual(r.records.first?.document.text, "Leaders talk\nFirst paragraph “quoted”.\nSecond\nline.")
    }

    func testTitleFromFirstLineWhenItReadsAsAHeadline() {
        XCTAssertEqual(Loader.guessTitle("Labour plans maternity pay rise\n\nMaternity pay for new mothers is to rise."), "Labour plans maternity pay rise")
        XCTAssertEqual(Loader.guessTitle("This is a sentence that goes on for quite a long time indeed and ends.\nMore."),
                       "This is a sentence that goes on for quite a…")
    }

    func testIDsAreShortStableAndUnique() {
        XCTAssertEqual(Loader.assignIDs(["a/business/001.txt", "a/sport/001.txt", "a/x/Seed File.txt"], existing: []),
                       ["business-001", "sport-001", "seed-file"])
        XCTAssertEqual(Loader.assignIDs(["b/001.txt"], existing: ["001"]), ["b-001"])
        XCTAssertEqual(Loader.assignIDs(["b/001.txt"], existing: ["001", "b-001"]), ["b-001-2"])
    }

    func testOversizedFilesAreSkippedWithAWarning() throws {
        try write("big.txt", Array(repeating: 0x61, count: 3 << 20))
        let r = try Loader(maxBytes: 1 << 20).load([dir + "/big.txt"], existingIDs: [], now: 0)
        XCTAssertTrue(r.records.isEmpty)
        XCTAssertTrue(r.warnings.first?.contains("over the 1 MB limit") == true)
    }
}
