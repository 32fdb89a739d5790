import Foundation
import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// `load` checks paths without Foundation; each shortcut must give what Foundation gives.
final class LoaderFastPathTests: XCTestCase {
    var folder: TempFolder!
    var dir: String! { folder.path }

    override func setUpWithError() throws {
        folder = try TempFolder("fastpath")
    }

    override func tearDownWithError() throws {
        folder = nil
    }

    private func load(_ paths: [String]) throws -> Loader.Report {
        try Loader().load(paths, existingIDs: [], now: 0)
    }

    func testPathPartsMatchFoundation() {
        let paths = ["a/b/c.txt", "c.txt", "/c.txt", "/", "", ".", "..", "a/..", "a/.hidden", "a/b.", "a/.b.txt", "a/b.TXT",
                     "a//b//c.md", "a/b/", "a/b.txt/", "./x.html", "../../shared/corpora/bbc/business/001.txt", "x.tar.gz",
                     "dir.d/file", "/a", "a", "a/b", "Café/Été.HTML", "a/b\u{301}.txt", "a/.\u{301}txt", "tab\t/name .txt"]
        for p in paths {
            let ns = p as NSString
            XCTAssertEqual(PathExpander.fileExtension(p), ns.pathExtension.lowercased(), p)
            XCTAssertEqual(PathExpander.lastComponent(p), ns.lastPathComponent, p)
            // Foundation's deletingLastPathComponent traps on one-character relative paths
            if p.count > 1 || p == "/" {
                XCTAssertEqual(PathExpander.folderName(p), (ns.deletingLastPathComponent as NSString).lastPathComponent, p)
            }
        }
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
}
