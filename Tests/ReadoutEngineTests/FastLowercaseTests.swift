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

    /// The byte form the word-list look-ups use: ASCII folded as `lowercased` folds it, and a
    /// refusal (false) for any word with a non-ASCII byte, which must take the Unicode rules.
    func testByteLowercasingAgreesOrRefuses() {
        for s in ["", "Mixed Case 123", "ALL CAPS", "U.S.", "@[`{", "Zürich", "ÉLYSÉE", "McDonald’s"] {
            let bytes = Array(s.utf8)
            var out = [UInt8](repeating: 0, count: max(bytes.count, 1))
            let ascii = bytes.withUnsafeBufferPointer { b in out.withUnsafeMutableBufferPointer { asciiLowercase(b, into: $0.baseAddress!) } }
            XCTAssertEqual(ascii, s.utf8.allSatisfy { $0 < 0x80 }, s)
            if ascii { XCTAssertEqual(String(decoding: out[..<bytes.count], as: UTF8.self), s.lowercased(), s) }
        }
    }

    func testEveryGivenNameAgrees() {
        let words = (DataFiles.text("given-names.txt") ?? "").split(whereSeparator: { $0 == "\n" || $0 == "\t" })
        XCTAssertGreaterThan(words.count, 1000)
        for w in words { XCTAssertEqual(w.fastLowercased(), w.lowercased()) }
    }
}
