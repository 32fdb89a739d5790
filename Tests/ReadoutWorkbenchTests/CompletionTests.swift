import XCTest
@testable import ReadoutWorkbench

final class CompletionTests: XCTestCase {
    private func bench() -> Workbench {
        let wb = Workbench(options: .init(out: { _ in }, err: { _ in }))
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(TranscriptTests.packageRoot.path)
        wb.execute("load seeds/")
        _ = FileManager.default.changeCurrentDirectoryPath(cwd)
        return wb
    }

    private func complete(_ wb: Workbench, _ line: String) -> [String] {
        wb.completions(line: line, cursor: line.count)
    }

    func testCommandNames() {
        let wb = bench()
        XCTAssertEqual(complete(wb, "ent"), ["entities"])
        XCTAssertEqual(complete(wb, "docs; sh"), ["show"])
    }

    func testKeysAndFixedValues() {
        let wb = bench()
        XCTAssertEqual(complete(wb, "entities ty"), ["type="])
        XCTAssertEqual(complete(wb, "entities  type=PERS"), ["type=PERSON"])
        XCTAssertEqual(complete(wb, "entities type=per"), ["type=PERSON", "type=PERCENT"])
        XCTAssertEqual(complete(wb, "set format=j"), ["format=json", "format=jsonl"])
        XCTAssertEqual(complete(wb, "set format=c"), ["format=csv"])
    }

    func testDocumentIDs() {
        let wb = bench()
        XCTAssertEqual(complete(wb, "show 0"), ["000_4fd503e8c5c9a19c"])
    }

    func testEntityNamesAnalyseOnDemand() {
        let wb = bench()
        XCTAssertEqual(complete(wb, "mentions Psa"), ["Psaki"])
        XCTAssertTrue(complete(wb, "mentions Jen").contains("\"Jen Psaki\""))
        XCTAssertTrue(complete(wb, "entities doc=0").contains("doc=000_4fd503e8c5c9a19c"))
    }

    /// Speakers complete by the other names they go by, and names are quoted only when what Tab
    /// inserts holds a space (issue 21, point 11).
    func testSpeakersCompleteByAliasAndQuoteOnlyWhenNeeded() {
        let wb = bench()
        XCTAssertEqual(complete(wb, "quotes who=Ps"), ["who=Psaki"])
        XCTAssertEqual(complete(wb, "quotes who=J"), ["who=Jen Psaki", "who=Joseph Biden"])
        XCTAssertEqual(complete(wb, "quotes who=Jo"), ["who=\"Joseph Biden\""])
        XCTAssertEqual(complete(wb, "quotes who=\"J"), ["who=\"Jen Psaki\"", "who=\"Joseph Biden\""])
        // what the two share, `White House`, holds a space: both are quoted
        XCTAssertEqual(complete(wb, "quotes who=White"), ["who=\"White House\"", "who=\"White House Press Secretary Jen Psaki\""])
        XCTAssertEqual(Workbench.quotedForCompletion(["White House", "White House Press Office"], opened: false),
                       ["\"White House\"", "\"White House Press Office\""])
    }

    func testFilePathsAfterLoad() {
        let wb = bench()
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(TranscriptTests.packageRoot.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        XCTAssertEqual(complete(wb, "load see"), ["seeds/"])
        XCTAssertEqual(complete(wb, "load seeds/0"), ["seeds/000_4fd503e8c5c9a19c.txt"])
        XCTAssertEqual(complete(wb, "load \"see"), ["\"seeds/"])
    }
}
