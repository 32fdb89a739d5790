import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// JSON `start`/`end` offsets are worked out in one walk over each document, however many
/// mentions or quotes it has (it was a walk from the start of the document per offset).
final class ScalarPositionTests: XCTestCase {
    /// A long document with multi-byte characters and `n` mentions of Blair.
    static func text(_ n: Int) -> String {
        (0..<n).map { k in "Café “talks” №\(k). “Nothing in 日本 🙂 is fine,” Tony Blair said.\n\n" }.joined()
    }

    func testOffsetsInTextOrderWalkEachDocumentOnce() {
        let d = Document(id: "d", text: Self.text(500))
        let ranges = d.tokens.map(\.range)
        XCTAssertGreaterThan(ranges.count, 5_000)
        var positions = ScalarPositions([d])
        var out: [(Int, Int)] = []
        for r in ranges { out.append(positions.offsets(0, r)) }
        XCTAssertLessThanOrEqual(positions.walked, 2 * d.bytes.count, "bytes walked for \(ranges.count) ranges")
        // the same offsets as a walk from the start, on a sample
        for k in stride(from: 0, to: ranges.count, by: 97) {
            XCTAssertEqual(out[k].0, d.scalarOffset(ranges[k].start))
            XCTAssertEqual(out[k].1, d.scalarOffset(ranges[k].end))
        }
    }

    func testOffsetsOutOfOrderAndAcrossDocumentsAreRight() {
        let docs = [Document(id: "a", text: Self.text(30)), Document(id: "b", text: "ünïcödé " + Self.text(20))]
        var positions = ScalarPositions(docs)
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let doc = Int.random(in: 0...1, using: &rng)
            let toks = docs[doc].tokens
            let r = toks[Int.random(in: 0..<toks.count, using: &rng)].range
            let got = positions.offsets(doc, r)
            XCTAssertEqual(got.start, docs[doc].scalarOffset(r.start))
            XCTAssertEqual(got.end, docs[doc].scalarOffset(r.end))
        }
        // the ends of the text and past them
        let n = docs[1].bytes.count
        XCTAssertEqual(positions.offsets(1, TextRange(0, n)).end, docs[1].text.unicodeScalars.count)
        XCTAssertEqual(positions.offsets(1, TextRange(0, 0)).start, 0)
    }

    func testMentionsAndQuotesJSONGiveScalarOffsets() throws {
        let out = Captured()
        let wb = Workbench(options: .init(out: { s in out.text.withLock { $0 += s } }, err: { _ in }))
        let d = Document(id: "long", untokenized: Array(Self.text(300).utf8))
        wb.workspace.add([DocumentRecord(document: d, title: "long", path: "long.txt", loadedAt: 0)])
        wb.format = .json
        let scalars = Array(d.text.unicodeScalars)
        func check(_ command: String, _ field: String) throws -> Int {
            out.text.withLock { $0 = "" }
            XCTAssertTrue(wb.execute(command))
            let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.text.withLock { $0 }.utf8)) as? [[String: Any]])
            for row in rows {
                let s = try XCTUnwrap(row["start"] as? Int), e = try XCTUnwrap(row["end"] as? Int)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[s..<e])
                XCTAssertEqual(String(view), row[field] as? String, command)
            }
            return rows.count
        }
        XCTAssertEqual(try check("mentions \"Tony Blair\"", "mention"), 300)
        XCTAssertEqual(try check("quotes", "text"), 300)
    }
}
