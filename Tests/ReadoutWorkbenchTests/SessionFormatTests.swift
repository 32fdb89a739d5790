import Foundation
import ReadoutEngine
import XCTest
@testable import ReadoutWorkbench

/// The session file layout: deterministic bytes, documented key order, exact round trips.
final class SessionFormatTests: XCTestCase {
    private func workspace(_ texts: [(String, String)]) -> Workspace {
        let ws = Workspace()
        ws.add(texts.map { DocumentRecord(document: Document(id: $0.0, text: $0.1), title: "T " + $0.0, path: "in/\($0.0).txt", loadedAt: 1_700_000_000) })
        return ws
    }

    func testEncodingIsDeterministicAndPretty() throws {
        let h = try SessionHarness()
        h.loadSeedWithExtras()
        let a = SessionFile.encode(h.wb.workspace)
        let b = SessionFile.encode(h.wb.workspace)
        XCTAssertEqual(a, b)
        let text = String(decoding: a, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"format\": \"readout-session\",\n  \"version\": 1,\n  \"documents\": [\n    {\n      \"id\": "))
        XCTAssertTrue(text.hasSuffix("\n}\n"))
        // One key or item per line, indented by two spaces per level, no tabs.
        for line in text.split(separator: "\n") {
            let indent = line.prefix { $0 == " " }.count
            XCTAssertEqual(indent % 2, 0, "odd indent: \(line)")
            XCTAssertFalse(line.contains("\t"))
        }
        // Top-level and document keys in the documented order.
        let top = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        XCTAssertEqual(top, ["format", "version", "documents", "groups", "notes", "history"])
        let docKeys = text.split(separator: "\n").filter { $0.hasPrefix("      \"") }.map { String($0.dropFirst(7).prefix { $0 != "\"" }) }
        XCTAssertEqual(Array(docKeys.prefix(8)), ["id", "title", "path", "loaded_at", "encoding", "date", "hash", "text"])
        // Foundation's parser agrees that it is JSON.
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(a)))
    }

    func testTrickyTextsRoundTripExactly() throws {
        let tricky = [
            ("quotes", "He said \"no\" \\ and left.\nSecond line\ttabbed.\n"),
            ("unicode", "Café “curly” — dash; emoji 🇺🇦 and e\u{301} (decomposed) and \u{2028} separator"),
            ("controls", "bell\u{7} null\u{0} escape\u{1B}[0m form\u{C}feed back\u{8}space"),
            ("blanklines", "\n\nfirst\n\n\nlast\n\n"),
            ("crlf", "windows\r\nline\rold mac"),
        ]
        let ws = workspace(tricky)
        ws.groups["g"] = ["A \"quoted\" member", "Ünïcode"]
        ws.notes = [Note(text: "multi\nline note", on: "quotes", at: 42), Note(text: "plain", at: 7)]
        ws.history = ["load in/", "note \"x\""]
        let bytes = SessionFile.encode(ws)
        let back = try SessionFile.decode(bytes, file: "mem.json")
        XCTAssertEqual(back.documents.map(\.id), tricky.map(\.0))
        for (rec, (_, text)) in zip(back.documents, tricky) {
            XCTAssertEqual(Array(rec.document.text.utf8), Array(text.utf8), rec.id)
            XCTAssertEqual(rec.hash, ContentHash.fnv1a64(text.utf8))
            XCTAssertEqual(rec.loadedAt, 1_700_000_000)
            XCTAssertEqual(rec.path, "in/\(rec.id).txt")
        }
        XCTAssertEqual(back.groups["g"], ["A \"quoted\" member", "Ünïcode"])
        XCTAssertEqual(back.notes, ws.notes)
        XCTAssertEqual(back.history, ws.history)
        // Decoding then encoding again gives the same bytes.
        XCTAssertEqual(SessionFile.encode(back.workspace()), bytes)
        // And Foundation reads the same strings we wrote.
        let obj = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let docs = obj?["documents"] as? [[String: Any]]
        XCTAssertEqual((docs?[0]["text"] as? [String])?.joined(separator: "\n"), tricky[0].1)
    }

    func testTextIsStoredAsLinesForReadableDiffs() throws {
        let ws = workspace([("d", "one\ntwo\n")])
        let text = String(decoding: SessionFile.encode(ws), as: UTF8.self)
        XCTAssertTrue(text.contains("\"text\": [\n        \"one\",\n        \"two\",\n        \"\"\n      ]"), text)
    }

    func testMetadataAndEmptyWorkspaceRoundTrip() throws {
        let ws = workspace([("a", "Alpha text.")])
        ws.update("a") { $0.date = "2021-04-13"; $0.encoding = .windows1252 }
        let back = try SessionFile.decode(SessionFile.encode(ws), file: "m.json")
        XCTAssertEqual(back.documents[0].date, "2021-04-13")
        XCTAssertEqual(back.documents[0].encoding, .windows1252)
        XCTAssertEqual(back.documents[0].title, "T a")

        let empty = SessionFile.encode(Workspace())
        XCTAssertEqual(String(decoding: empty, as: UTF8.self),
                       "{\n  \"format\": \"readout-session\",\n  \"version\": 1,\n  \"documents\": [],\n  \"groups\": [],\n  \"notes\": [],\n  \"history\": []\n}\n")
        XCTAssertTrue(try SessionFile.decode(empty, file: "e.json").documents.isEmpty)
    }

    func testHashWrittenIsTheTextsHash() throws {
        // A record carrying a stale hash must still produce a file that opens.
        let doc = Document(id: "x", text: "Some text.")
        let ws = Workspace()
        ws.add([DocumentRecord(document: doc, title: "x", path: "x.txt", loadedAt: 0, hash: "0000000000000000")])
        let back = try SessionFile.decode(SessionFile.encode(ws), file: "h.json")
        XCTAssertEqual(back.documents[0].hash, ContentHash.fnv1a64(doc.bytes))
    }
}
