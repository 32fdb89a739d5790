import Foundation
import XCTest
@testable import ReadoutWorkbench

/// UTF-32 is told by its byte-order mark (it was read as UTF-16, as its BOM starts like one), and
/// UTF-16 without a mark by the zero bytes of its ASCII characters (it was called binary).
final class WideEncodingTests: TempFolderTestCase {
    static let text = "Hello wide text — “ok” 🙂\n\nBody of the article."

    static func utf16(_ s: String, littleEndian: Bool) -> [UInt8] {
        s.utf16.flatMap { u in littleEndian ? [UInt8(u & 0xFF), UInt8(u >> 8)] : [UInt8(u >> 8), UInt8(u & 0xFF)] }
    }

    static func utf32(_ s: String, littleEndian: Bool) -> [UInt8] {
        s.unicodeScalars.flatMap { c -> [UInt8] in
            let v = c.value
            let be = [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
            return littleEndian ? be.reversed() : be
        }
    }

    func testUTF32WithAByteOrderMark() {
        XCTAssertEqual(TextDecoding.decode([0xFF, 0xFE, 0, 0] + Self.utf32(Self.text, littleEndian: true)), .text(Self.text, .utf32LE))
        XCTAssertEqual(TextDecoding.decode([0, 0, 0xFE, 0xFF] + Self.utf32(Self.text, littleEndian: false)), .text(Self.text, .utf32BE))
    }

    func testUTF16WithoutAByteOrderMark() {
        XCTAssertEqual(TextDecoding.decode(Self.utf16(Self.text, littleEndian: true)), .text(Self.text, .utf16LE))
        XCTAssertEqual(TextDecoding.decode(Self.utf16(Self.text, littleEndian: false)), .text(Self.text, .utf16BE))
        // with a mark, as before
        XCTAssertEqual(TextDecoding.decode([0xFF, 0xFE] + Self.utf16(Self.text, littleEndian: true)), .text(Self.text, .utf16LE))
    }

    func testBinaryStaysBinary() {
        XCTAssertEqual(TextDecoding.decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x01]), .binary)
        var rng = SystemRandomNumberGenerator()
        let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &rng) } + [0, 0, 0, 0]
        XCTAssertEqual(TextDecoding.decode(noise), .binary)
        // zeros in every other byte but control characters between them: not text either
        XCTAssertEqual(TextDecoding.decode((0..<2000).flatMap { k in [UInt8(k % 8 + 1), 0] }), .binary)
    }

    func testLoadingWideFilesWarnsOfTheEncoding() throws {
        try folder.write("le32.txt", [0xFF, 0xFE, 0, 0] + Self.utf32(Self.text, littleEndian: true))
        try folder.write("be16.txt", Self.utf16(Self.text, littleEndian: false))
        let r = try Loader().load([dir], existingIDs: [], now: 0)
        XCTAssertEqual(r.records.count, 2, "\(r.warnings)")
        for rec in r.records { XCTAssertEqual(rec.document.text, Self.text) }
        XCTAssertEqual(Set(r.records.map(\.encoding)), [.utf32LE, .utf16BE])
        XCTAssertTrue(r.warnings.contains { $0.contains("be16.txt") && $0.contains("UTF-16BE") }, "\(r.warnings)")
    }
}
