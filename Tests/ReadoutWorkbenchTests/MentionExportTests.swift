import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Every mention exportable (issue 19): `mentions` with no NAME lists every mention of every
/// entity, and in JSON gives `doc`, `start`, `end` (Unicode scalar offsets, as quotes give),
/// `text`, `type`, `entity` and `rule`, for annotation tools and for scoring real spans.
final class MentionExportTests: XCTestCase {
    private static let article = """
        Café talks in Zürich

        “We will talk again,” said José Müller, the mayor of Zürich, on Monday. Müller met Anna Grey of Acme Holdings.
        """

    func testEveryMentionWithScalarOffsetsThatCutTheText() throws {
        let h = try SessionHarness()
        try h.write("talks.txt", Self.article)
        h.ok("load " + Lexer.quote(h.path("talks.txt")))
        h.ok("set format=json")
        let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(h.ok("mentions").utf8)) as? [[String: Any]])
        let all = h.wb.workspace.analysis.documents[0]
        XCTAssertEqual(rows.count, all.mentions.count, "one row per mention")
        let scalars = Array(Self.article.unicodeScalars)
        for r in rows {
            let start = try XCTUnwrap(r["start"] as? Int), end = try XCTUnwrap(r["end"] as? Int)
            let text = String(String.UnicodeScalarView(scalars[start..<end]))
            XCTAssertEqual(text, r["text"] as? String, "offsets are scalars into the text: \(r)")
            for key in ["doc", "type", "entity", "rule"] { XCTAssertNotNil(r[key] as? String, "\(key) in \(r)") }
        }
        let muller = rows.filter { ($0["text"] as? String)?.contains("Müller") ?? false }
        XCTAssertEqual(muller.count, 2)
        XCTAssertEqual(Set(muller.compactMap { $0["entity"] as? String }), ["José Müller"], "the surname is given its entity")
        // in text order
        let starts = rows.compactMap { $0["start"] as? Int }
        XCTAssertEqual(starts, starts.sorted())
        // type= keeps one type; with a name it is refused
        let people = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(h.ok("mentions type=PERSON").utf8)) as? [[String: Any]])
        XCTAssertFalse(people.isEmpty)
        XCTAssertTrue(people.allSatisfy { $0["type"] as? String == "PERSON" })
        XCTAssertTrue(h.fails("mentions Müller type=PERSON").contains("'type=' goes with 'mentions' alone"))
        // a table for people
        h.ok("set format=table")
        XCTAssertTrue(h.ok("mentions").contains("José Müller"))
    }
}
