import Foundation
import XCTest
@testable import ReadoutWorkbench

/// A session file holds nothing the prompt would refuse (issue 18, "clearer errors"): files were
/// opened with a group name `alias` refuses, a group with no members, or a note on a quote of a
/// document the file does not hold. `open` refuses them with one line naming the file, the group or
/// note and the fix, and the session stays as it was. `drop` and `clear` take the notes about the
/// documents they remove, so a session saved after them opens again.
final class SessionRulesTests: XCTestCase {
    private var h: SessionHarness!
    private var good: [String: Any] = [:]

    override func setUpWithError() throws {
        h = try SessionHarness()
        h.loadSeedWithExtras()
        h.ok("save " + Lexer.quote(h.path("good.json")))
        good = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(h.bytes("good.json") ?? [])) as? [String: Any])
        h.ok("note \"unsaved thought\"")
    }

    override func tearDown() { h = nil }

    /// The good session with `change` applied, written as `name`, must be refused without changing
    /// anything; returns the error.
    private func refuse(_ name: String, file: StaticString = #filePath, line: UInt = #line,
                        _ change: (inout [String: Any]) -> Void) throws -> String {
        var session = good
        change(&session)
        try h.write(name, bytes: Array(try JSONSerialization.data(withJSONObject: session, options: [.prettyPrinted, .sortedKeys])))
        let before = SessionHarness.fingerprint(h.wb.workspace)
        let pathBefore = h.wb.session.path
        let err = h.fails("open " + Lexer.quote(h.path(name)), file: file, lineNumber: line)
        XCTAssertTrue(err.hasPrefix("error: " + h.path(name) + ":"), "names the file: \(err)", file: file, line: line)
        XCTAssertEqual(err.split(separator: "\n").count, 1, "one line: \(err)", file: file, line: line)
        XCTAssertTrue(err.hasSuffix("nothing was changed\n"), err, file: file, line: line)
        XCTAssertEqual(SessionHarness.fingerprint(h.wb.workspace), before, "the workspace changed", file: file, line: line)
        XCTAssertEqual(h.wb.session.path, pathBefore, file: file, line: line)
        return err
    }

    private func group(_ name: String, _ members: [String]) -> [String: Any] { ["name": name, "members": members] }

    func testGroupNamesAliasRefusesAreRefused() throws {
        for bad in ["white house", "us-side", "a.b", "\"q\""] {
            XCTAssertTrue(h.fails("alias \(Lexer.quote(bad)) = Someone").contains("group names are one word of letters and digits"), bad)
            let err = try refuse("group.json") { $0["groups"] = [self.group("kremlin", ["Kremlin"]), self.group(bad, ["Someone"])] }
            XCTAssertTrue(err.contains("group 2: group names are one word of letters and digits, not '\(bad)'"), err)
            XCTAssertTrue(err.contains("rename it in the file to one word"), err)
        }
        // what alias takes, open takes
        h.ok("alias Whitehouse2 = Psaki")
        h.ok("save! " + Lexer.quote(h.path("ok.json")))
        h.ok("open " + Lexer.quote(h.path("ok.json")))
        XCTAssertEqual(h.wb.workspace.groups["Whitehouse2"], ["Psaki"])
    }

    func testAGroupWithNoMembersIsRefused() throws {
        let err = try refuse("empty-group.json") { $0["groups"] = [self.group("nobody", [])] }
        XCTAssertTrue(err.contains("group 'nobody': a group needs at least one member - list its members in the file, or remove the group"), err)
    }

    func testANoteOnAQuoteOfAMissingDocumentIsRefused() throws {
        let err = try refuse("note.json") { $0["notes"] = [["text": "check", "on": "gone:q3", "at": 1]] }
        XCTAssertTrue(err.contains("note 1 is about quote 'gone:q3' of document 'gone', which the file does not hold"), err)
        XCTAssertTrue(err.contains("set its \"on\" to null (about the whole session) or remove the note"), err)
    }

    func testAnEmptyNoteIsRefused() throws {
        let err = try refuse("blank.json") { $0["notes"] = [["text": " ", "on": NSNull(), "at": 1]] }
        XCTAssertTrue(err.contains("note 1: the note is empty"), err)
        let on = try refuse("blank-on.json") { $0["notes"] = [["text": "x", "on": "", "at": 1]] }
        XCTAssertTrue(on.contains("note 1: \"on\" is empty"), on)
    }

    func testDroppingADocumentTakesItsNotesSoTheSessionOpensAgain() throws {
        let q = try XCTUnwrap(h.wb.workspace.analysis.quotes.first, "the seed has quotes")
        h.ok("note \"about a quote\" on=\(q.id)")
        XCTAssertEqual(h.wb.workspace.notes.count, 4)
        XCTAssertEqual(h.ok("drop 000"), "dropped 1 document and the 2 notes about it\n")
        XCTAssertEqual(h.wb.workspace.notes.map(\.text), ["Follow up on the summit", "unsaved thought"])
        h.ok("save! " + Lexer.quote(h.path("after-drop.json")))
        h.ok("open! " + Lexer.quote(h.path("after-drop.json")))
        XCTAssertEqual(h.wb.workspace.notes.count, 2)
    }

    func testClearingTakesTheNotesAboutDocumentsOnly() throws {
        h.ok("note \"about the group\" on=kremlin")
        XCTAssertEqual(h.ok("clear"), "cleared 1 document and the note about it\n")
        XCTAssertEqual(h.wb.workspace.notes.map(\.text), ["Follow up on the summit", "unsaved thought", "about the group"])
        XCTAssertEqual(h.ok("clear"), "cleared 0 documents\n")
    }
}
