import XCTest
@testable import ReadoutWorkbench

/// Errors that said something untrue or did something unwanted (issue 18, "clearer errors").
final class ClearerErrorTests: XCTestCase {
    func testExplainingAQuoteWithNoDocumentsSaysNoneAreLoaded() throws {
        let h = try SessionHarness()
        let err = h.fails("explain q1")
        XCTAssertTrue(err.contains("no documents are loaded"), err)
        XCTAssertFalse(err.contains("ambiguous"), err)
    }

    func testSavingUnderAnEmptyOrDotNameIsRefused() throws {
        let h = try SessionHarness()
        h.ok("load " + Lexer.quote(SessionHarness.seedFile))
        for name in ["\"\"", ".", "..", "./", "sub/.."] {
            let err = h.fails("save \(name)")
            XCTAssertTrue(err.contains("is not a session name"), "save \(name): \(err)")
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: h.path("Sessions"))) ?? []
        XCTAssertFalse(written.contains { $0.hasPrefix(".") && $0.hasSuffix(".json") }, "\(written)")
        h.ok("save fine")
        XCTAssertNotNil(h.bytes("Sessions/fine.json"))
    }
}
