import XCTest
@testable import ReadoutWorkbench

/// A name means one thing in every command, and an ambiguous one is never silent (issue 21,
/// point 10): `quotes who=Blair` mixed Cherie Blair's quotes into Tony Blair's while `mentions
/// Blair` asked which one; `diff` took the first match, `keyness` hid the error, and a group's
/// name depended on dictionary order.
final class NameResolutionTests: XCTestCase {
    private static let tony = """
        Blair sets out his plan

        "The plan will work," Tony Blair said on Monday.

        Mr Blair told MPs that schools would get more money.
        """
    private static let cherie = """
        Cherie Blair at the school

        "I am proud of the teachers," Cherie Blair said during the visit.

        Mrs Blair said the pupils had worked hard.
        """
    private static let howard = """
        Howard answers

        "The plan will fail," Michael Howard said in reply.
        """

    private func harness() throws -> SessionHarness {
        let h = try SessionHarness()
        try h.write("school-plan.txt", Self.tony)
        try h.write("school-visit.txt", Self.cherie)
        try h.write("reply.txt", Self.howard)
        h.ok("load " + ["school-plan.txt", "school-visit.txt", "reply.txt"].map { Lexer.quote(h.path($0)) }.joined(separator: " "))
        return h
    }

    /// The speakers of the quotes `line` lists, in order (CSV's second column).
    private func speakers(_ h: SessionHarness, _ line: String) -> [String] {
        h.ok("set format=csv")
        defer { h.ok("set format=table") }
        return h.ok(line).split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[1]) }
    }

    func testASurnameTwoPeopleShareIsAnErrorListingThemInEveryCommand() throws {
        let h = try harness()
        for line in ["quotes who=Blair", "mentions Blair", "explain Blair", "diff Blair Howard", "keyness Blair Howard", "note on=Blair hello"] {
            let err = h.fails(line)
            XCTAssertTrue(err.contains("'Blair' names"), "\(line): \(err)")
            XCTAssertTrue(err.contains("'Tony Blair'") && err.contains("'Cherie Blair'"), "\(line): \(err)")
        }
        // nothing half-done: no note was added
        XCTAssertFalse(h.ok("notes").contains("hello"))
    }

    func testAFullNameSelectsThatPersonOnly() throws {
        let h = try harness()
        let tony = speakers(h, "quotes who=\"Tony Blair\"")
        XCTAssertFalse(tony.isEmpty)
        XCTAssertEqual(Set(tony), ["Tony Blair"])
        XCTAssertEqual(Set(speakers(h, "quotes who=\"cherie blair\"")), ["Cherie Blair"])
        // a surname one person goes by still selects that person
        XCTAssertEqual(Set(speakers(h, "quotes who=Howard")), ["Michael Howard"])
        XCTAssertTrue(h.ok("mentions \"Tony Blair\"").contains("Tony Blair"))
        XCTAssertTrue(h.ok("diff \"Tony Blair\" Howard").contains("Tony Blair"))
    }

    func testAGroupOfAnAmbiguousNameSaysWhichGroupAndMember() throws {
        let h = try harness()
        h.ok("alias blairs = Blair")
        let err = h.fails("quotes who=blairs")
        XCTAssertTrue(err.contains("group 'blairs'") && err.contains("'Blair' names"), err)
        h.ok("alias blairs = \"Tony Blair\" \"Cherie Blair\"")
        XCTAssertEqual(Set(speakers(h, "quotes who=blairs")), ["Tony Blair", "Cherie Blair"])
    }

    func testGroupsThatFoldAlikeAreAskedNotPickedInDictionaryOrder() throws {
        let h = try harness()
        h.ok("alias government = \"Tony Blair\"")
        h.ok("alias Government = Howard")
        // written exactly, each is itself
        XCTAssertEqual(Set(speakers(h, "quotes who=government")), ["Tony Blair"])
        XCTAssertEqual(Set(speakers(h, "quotes who=Government")), ["Michael Howard"])
        // written neither way, it is asked
        let err = h.fails("quotes who=GOVERNMENT")
        XCTAssertTrue(err.contains("matches 2 groups") && err.contains("'Government' or 'government'"), err)
    }

    func testADocumentPrefixTwoDocumentsShareIsAnErrorForDiffAndKeyness() throws {
        let h = try harness()
        for line in ["diff school Howard", "keyness school Howard"] {
            let err = h.fails(line)
            XCTAssertTrue(err.contains("'school' matches 2 documents"), "\(line): \(err)")
        }
        // a unique prefix is that document
        XCTAssertTrue(h.ok("keyness school-p Howard").contains("school-plan"))
    }
}
