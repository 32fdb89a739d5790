import XCTest
@testable import ReadoutEngine

/// `fastContains` answers as `contains` does: on bytes for ASCII text, through `contains` otherwise.
final class FastContainsTests: XCTestCase {
    func testItAgreesWithContainsOnASCIIAndOtherText() {
        let texts = ["former prime minister", "spokeswoman", "ex-chairman", "Café owner", "naïve", "", "a", "late leader",
                     "e\u{301}lite", "queen", "Premier", "PRINCE"]
        let needles = ["former", "woman", "chairman", "late ", "queen", "prince", "é", "e", "a", " ", "", "lite", "leader ",
                       "former prime minister and more", "\u{301}"]
        for t in texts {
            for n in needles {
                XCTAssertEqual(t.fastContains(n), t.contains(n), "'\(t)' contains '\(n)'")
                XCTAssertEqual(t[...].fastContains(n), t.contains(n), "substring '\(t)' contains '\(n)'")
            }
        }
    }

    func testItFindsMatchesAtEveryPosition() {
        XCTAssertTrue("former".fastContains("former"))
        XCTAssertTrue("the former".fastContains("former"))
        XCTAssertTrue("formerly".fastContains("former"))
        XCTAssertTrue("fforme former".fastContains("former"))
        XCTAssertFalse("forme".fastContains("former"))
        XCTAssertFalse("formXr".fastContains("former"))
    }
}
