import XCTest
@testable import ReadoutEngine

/// `fastLowercased` must give exactly what `lowercased` gives.
final class FastLowercaseTests: XCTestCase {
    func testAgreesWithLowercasedOnASCIIAndUnicode() {
        let samples = ["", "a", "A", "Z", "@[`{", "already lower", "Mixed Case 123", "ALL CAPS", "İstanbul", "ÉLYSÉE",
                       "Straße", "ΣΟΦΊΑ", "McDonald’s", "U.S.", "Zürich", "\u{0}NUL", "tab\tA"]
        for s in samples {
            XCTAssertEqual(s.fastLowercased(), s.lowercased(), s)
            XCTAssertEqual(s[...].fastLowercased(), s.lowercased(), s)
        }
        for b in UInt8(0)...UInt8(127) {
            let s = String(decoding: [b, 0x41, b], as: UTF8.self)
            XCTAssertEqual(s.fastLowercased(), s.lowercased(), "byte \(b)")
        }
    }

    func testEveryGivenNameAgrees() {
        let words = (DataFiles.text("given-names.txt") ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\t" })
        XCTAssertGreaterThan(words.count, 1000)
        for w in words { XCTAssertEqual(w.fastLowercased(), w.lowercased()) }
    }
}
