import XCTest
@testable import ReadoutWorkbench

final class LexerTests: XCTestCase {
    func testWordsKeysAndQuotes() throws {
        let s = try Lexer.statements(#"quotes who="White House" kind=direct 'two words'"#)
        XCTAssertEqual(s.count, 1)
        XCTAssertEqual(s[0].name.text, "quotes")
        XCTAssertEqual(s[0].args.map(\.text), ["who=White House", "kind=direct", "two words"])
        XCTAssertEqual(s[0].args.map(\.key), ["who", "kind", nil])
        XCTAssertEqual(s[0].args[0].column, 8)
    }

    func testQuotedEqualsIsNotAKey() throws {
        let s = try Lexer.statements(#"note "a=b" x"#)
        XCTAssertNil(s[0].args[0].key)
        XCTAssertEqual(s[0].args[0].text, "a=b")
    }

    func testSemicolonsCommentsAndEmptyStatements() throws {
        let s = try Lexer.statements("docs ; ; help load # trailing; comment")
        XCTAssertEqual(s.map(\.name.text), ["docs", "help"])
        XCTAssertEqual(s[1].source, "help load")
        XCTAssertEqual(try Lexer.statements("   # only a comment").count, 0)
        XCTAssertEqual(try Lexer.statements("note \"a # not a comment; nor this\"")[0].args[0].text, "a # not a comment; nor this")
    }

    func testRedirects() throws {
        let s = try Lexer.statements("entities type=PERSON > out.csv; docs >> log.txt")
        XCTAssertEqual(s[0].redirect, Redirect(path: "out.csv", append: false, column: 22))
        XCTAssertEqual(s[0].args.map(\.text), ["type=PERSON"])
        XCTAssertEqual(s[1].redirect?.append, true)
        XCTAssertEqual(s[1].redirect?.path, "log.txt")
        XCTAssertEqual(try Lexer.statements("docs>x.txt")[0].redirect?.path, "x.txt")
    }

    func testEscapesInDoubleQuotes() throws {
        let s = try Lexer.statements(#"note "say \"hi\"\tnow\\""#)
        XCTAssertEqual(s[0].args[0].text, "say \"hi\"\tnow\\")
    }

    func testErrorsPointAtTheColumn() {
        XCTAssertThrowsError(try Lexer.statements("load \"seeds/")) { e in
            XCTAssertEqual((e as? ReadoutError)?.column, 6)
            XCTAssertEqual((e as? ReadoutError)?.message, "unterminated double quote")
        }
        XCTAssertThrowsError(try Lexer.statements("docs >")) { e in XCTAssertEqual((e as? ReadoutError)?.column, 6) }
        XCTAssertThrowsError(try Lexer.statements("docs > a b")) { e in XCTAssertEqual((e as? ReadoutError)?.column, 10) }
        XCTAssertThrowsError(try Lexer.statements("docs > a > b")) { e in XCTAssertEqual((e as? ReadoutError)?.column, 10) }
    }

    func testQuoteForCommandLineRoundTrips() throws {
        for s in ["plain", "two words", "say \"x\"", "a;b", "back\\slash", ""] {
            let line = "note " + Lexer.quote(s)
            XCTAssertEqual(try Lexer.statements(line)[0].args.first?.text ?? "", s, line)
        }
    }
}

final class InvocationTests: XCTestCase {
    private func bind(_ line: String) throws -> Invocation {
        let s = try Lexer.statements(line)[0]
        return try Invocation(spec: try Registry.lookup(s.name), statement: s)
    }

    func testUnknownCommandSuggestsTheClosest() {
        XCTAssertThrowsError(try bind("lod x")) { e in
            XCTAssertEqual((e as? ReadoutError)?.message, "unknown command 'lod'")
            XCTAssertEqual((e as? ReadoutError)?.hint, "did you mean 'load'?")
        }
    }

    func testUnknownKeyListsValidKeys() {
        XCTAssertThrowsError(try bind("set formt=json")) { e in
            let err = e as? ReadoutError
            XCTAssertEqual(err?.message, "unknown key 'formt' for 'set'")
            XCTAssertTrue(err?.hint?.hasPrefix("did you mean 'format='? valid keys: format=") == true, err?.hint ?? "")
            XCTAssertEqual(err?.column, 5)
        }
    }

    func testFixedValuesAreChecked() {
        XCTAssertThrowsError(try bind("set format=jsn")) { e in
            XCTAssertEqual((e as? ReadoutError)?.hint, "did you mean 'json'? expected one of: table, csv, json, jsonl")
        }
    }

    func testEmptyValueAndDuplicateKey() {
        XCTAssertThrowsError(try bind("set format=")) { e in XCTAssertEqual((e as? ReadoutError)?.message, "empty value for 'format='") }
        XCTAssertThrowsError(try bind("set format=csv format=json")) { e in XCTAssertEqual((e as? ReadoutError)?.column, 16) }
    }

    func testPositionalCounts() {
        XCTAssertThrowsError(try bind("show")) { e in XCTAssertEqual((e as? ReadoutError)?.message, "'show' needs 1 argument") }
        XCTAssertThrowsError(try bind("docs extra")) { e in XCTAssertEqual((e as? ReadoutError)?.column, 6) }
        XCTAssertNoThrow(try bind("load a b c"))
    }

    func testHugeNumbersAreRejectedCleanly() throws {
        let inv = try bind("history last=99999999999999999999999")
        XCTAssertThrowsError(try inv.int("last", default: 0))
    }

    func testForceOnlyWhereAllowed() {
        XCTAssertThrowsError(try bind("docs!")) { e in XCTAssertEqual((e as? ReadoutError)?.message, "'docs' has no forced form") }
    }
}
