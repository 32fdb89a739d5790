import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Files that must keep opening: the frozen version-1 fixture (a future version must migrate it)
/// and every example session shipped in `Sessions/` (`example-*.json`).
final class SessionFixtureTests: XCTestCase {
    static let fixture = SessionHarness.packageRoot.appendingPathComponent("Tests/ReadoutWorkbenchTests/Fixtures/session-v1.json").path
    static let examples = SessionHarness.packageRoot.appendingPathComponent("Sessions").path

    func testVersion1FixtureOpens() throws {
        let h = try SessionHarness()
        h.ok("open " + Lexer.quote(Self.fixture))
        let ws = h.wb.workspace
        XCTAssertEqual(Array(ws.documents.keys), ["geneva", "zurich"])
        let geneva = try XCTUnwrap(ws.documents["geneva"])
        XCTAssertEqual(geneva.title, "Talks in Geneva")
        XCTAssertEqual(geneva.path, "articles/geneva.txt")
        XCTAssertEqual(geneva.loadedAt, 1_795_919_309)
        XCTAssertEqual(geneva.date, "2021-06-16")
        XCTAssertEqual(geneva.hash, "4fc13d6a45272f32")
        XCTAssertEqual(geneva.document.text,
                       "Talks in Geneva\n\nThe “summit” was held on Wednesday, officials said.\n\"We are ready,\" Vladimir Putin said.\tA tab, a backslash \\ and an emoji 🕊.\n")
        XCTAssertEqual(ws.documents["zurich"]?.encoding, .windows1252)
        XCTAssertEqual(ws.documents["zurich"]?.document.text, "Café owners in Zürich\n\nThe café owners’ association said prices would rise – again.\n")
        XCTAssertEqual(ws.groups.elements.map { "\($0.key)=\($0.value.joined(separator: ","))" }, ["swiss=Zürich,Geneva"])
        XCTAssertEqual(ws.notes, [Note(text: "Whole-session note", on: nil, at: 1_795_919_310),
                                  Note(text: "Check the venue", on: "geneva", at: 1_795_919_310),
                                  Note(text: "Who is he?", on: "Vladimir Putin", at: 1_795_919_310)])
        XCTAssertEqual(ws.history.first, "load articles/")
        XCTAssertEqual(ws.history.last, "note \"Who is he?\" on=\"Vladimir Putin\"")
        XCTAssertFalse(ws.dirty)
        // The analysis is recomputed from the texts.
        XCTAssertTrue(h.wb.workspace.analysis.entities.contains { $0.name == "Vladimir Putin" })
    }

    func testEveryExampleSessionOpens() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.examples)
            .filter { $0.hasPrefix("example-") && $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(names.isEmpty, "no example sessions in Sessions/")
        for name in names {
            let h = try SessionHarness()
            let path = Self.examples + "/" + name
            let ok = h.run("open " + Lexer.quote(path))
            XCTAssertTrue(ok, "\(name): \(h.take().err)")
            XCTAssertFalse(h.wb.workspace.documents.isEmpty, name)
            // Written in this build's format: encoding what was opened gives the same bytes.
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
            XCTAssertEqual(String(decoding: SessionFile.encode(h.wb.workspace), as: UTF8.self), String(decoding: bytes, as: UTF8.self), name)
        }
    }

    func testSeedExampleHasAGroupAndNotes() throws {
        let h = try SessionHarness()
        h.ok("open " + Lexer.quote(Self.examples + "/example-biden-putin.json"))
        XCTAssertEqual(Array(h.wb.workspace.documents.keys), ["000_4fd503e8c5c9a19c"])
        XCTAssertFalse(h.wb.workspace.groups.isEmpty)
        XCTAssertFalse(h.wb.workspace.notes.isEmpty)
        // Its text is the seed's, byte for byte.
        let seed = try XCTUnwrap(FileManager.default.contents(atPath: SessionHarness.seedFile))
        XCTAssertEqual(Array(h.wb.workspace.documents.values[0].document.text.utf8), [UInt8](seed))
    }
}
