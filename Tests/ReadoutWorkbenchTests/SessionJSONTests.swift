import Foundation
import XCTest
@testable import ReadoutWorkbench

/// The strict JSON reader behind `open`: values, escapes, and where errors are.
final class SessionJSONTests: XCTestCase {
    private func parse(_ s: String) throws(JSONSyntaxError) -> JSONNode { try JSONReader.parse(Array(s.utf8)) }

    /// The error for `s`, with its line and column.
    private func error(_ s: String) -> (message: String, line: Int, column: Int)? {
        do {
            _ = try parse(s)
            return nil
        } catch {
            let lc = JSONReader.lineColumn(Array(s.utf8), offset: error.offset)
            return (error.message, lc.line, lc.column)
        }
    }

    func testParsesValues() throws {
        let input = #" { "a": [1, -2, 3.5, 1e3, true, false, null], "s": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00" } "#
        let v = try parse(input)
        guard case .object(let m) = v.kind else { return XCTFail("not an object") }
        XCTAssertEqual(m.map(\.key), ["a", "s"])
        guard case .array(let a) = m[0].value.kind else { return XCTFail("not an array") }
        XCTAssertEqual(a.count, 7)
        if case .int(let i) = a[1].kind { XCTAssertEqual(i, -2) } else { XCTFail("-2") }
        if case .double(let d) = a[3].kind { XCTAssertEqual(d, 1000) } else { XCTFail("1e3") }
        if case .string(let s) = m[1].value.kind {
            XCTAssertEqual(s, "x\"\\/\u{8}\u{C}\n\r\té😀")
        } else { XCTFail("string") }
        XCTAssertEqual(m[1].keyOffset, Array(input.utf8).firstIndex(of: UInt8(ascii: "]"))! + 3)
    }

    func testErrorsGiveLineAndColumn() {
        let e1 = error("{\n  \"a\": 1,\n  \"b\" 2\n}")
        XCTAssertEqual(e1?.line, 3)
        XCTAssertEqual(e1?.column, 7)
        XCTAssertEqual(e1?.message, "expected ':' after key 'b', found '2'")

        let trailing = error("[1, 2,]")
        XCTAssertEqual(trailing?.column, 7)
        XCTAssertEqual(trailing?.message, "expected a value, found ']'")

        let truncated = error("{\n  \"documents\": [\n    {\"id\": \"a\"")
        XCTAssertEqual(truncated?.line, 3)
        XCTAssertTrue(truncated?.message.hasPrefix("unexpected end of file") ?? false, truncated?.message ?? "")

        // Columns count characters, not bytes.
        let wide = error("[\"é€\", x]")
        XCTAssertEqual(wide?.column, 8)
    }

    func testRejectsWhatStrictJSONRejects() {
        let bad: [(String, String)] = [
            ("", "unexpected end of file"),
            ("{\"a\":1} x", "unexpected text after the end"),
            ("{\"a\":1,\"a\":2}", "duplicate key 'a'"),
            ("[01]", "leading zeros"),
            ("[1.]", "no digits after '.'"),
            ("[tru]", "invalid literal"),
            ("[\"a\nb\"]", "control character"),
            ("[\"\\x\"]", "invalid escape"),
            ("[\"\\ud800\"]", "unpaired UTF-16 surrogate"),
            ("[\"\\udc00x\"]", "unpaired UTF-16 surrogate"),
            ("[99999999999999999999]", "out of range"),
            ("{a:1}", "expected a key in double quotes"),
            ("// c\n{}", "expected a value"),
            (String(repeating: "[", count: 300), "nested more than"),
        ]
        for (input, expected) in bad {
            let e = error(input)
            XCTAssertNotNil(e, "accepted: \(input)")
            XCTAssertTrue(e?.message.contains(expected) ?? false, "\(input): \(e?.message ?? "-")")
        }
        // Invalid UTF-8 inside a string.
        var bytes = Array("[\"ab".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"]".utf8)
        XCTAssertThrowsError(try JSONReader.parse(bytes)) { e in
            XCTAssertEqual((e as? JSONSyntaxError)?.message, "invalid UTF-8 inside a string")
            XCTAssertEqual((e as? JSONSyntaxError)?.offset, 1)
        }
    }

    func testPrettyWriterEscapesAndFoundationAgrees() throws {
        let v = Value.object([.init("k\"ey", .array([.string("a\u{1}b\u{7F}"), .int(-3), .bool(true), .null, .array([]), .object([])]))])
        let bytes = v.prettyJSON
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self),
                       "{\n  \"k\\\"ey\": [\n    \"a\\u0001b\u{7F}\",\n    -3,\n    true,\n    null,\n    [],\n    {}\n  ]\n}\n")
        let obj = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: [Any]]
        XCTAssertEqual(obj?["k\"ey"]?.first as? String, "a\u{1}b\u{7F}")
        _ = try JSONReader.parse(bytes)
    }
}
