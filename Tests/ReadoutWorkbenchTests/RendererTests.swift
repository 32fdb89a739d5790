import Synchronization
import XCTest
@testable import ReadoutWorkbench

/// Table, CSV and JSON rendering on bytes: the edge cases of cutting, wrapping and colour, the
/// byte paths against the character-based rules they stand in for, and streaming in chunks.
final class RendererTests: XCTestCase {
    private func lines(_ ls: String...) -> String { ls.joined(separator: "\n") + "\n" }

    func testMultibyteTextCutWithEllipsis() {
        let t = Table([Column("id"), Column("context", flexible: true, wraps: false), Column("n")],
                      rows: [[.string("a"), .string("Ünïcödé naïve café £5 and a great deal more text"), .int(3)],
                             [.string("b"), .string("short"), .int(12345)],
                             [.string("c"), .string("漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"), .null]])
        // widths are terminal columns, two for a CJK character: that cell is cut at 9 characters plus "…"
        XCTAssertEqual(TableLayout.render(t, style: RenderStyle(width: 30)), lines(
            "id  context                  n",
            "--  -------------------  -----",
            "a   Ünïcödé naïve café…      3",
            "b   short                12345",
            "c   漢字漢字漢字漢字漢…",
            "(3 rows)"))
    }

    func testRightAlignedColumnCutFromTheLeft() {
        let t = Table([Column("left", flexible: true, alignRight: true), Column("kw"), Column("right", flexible: true, wraps: false)],
                      rows: [[.string("le café où l’on parle de naïveté et de £ avant"), .string("mot"), .string("après le mot, encore du texte façonné")],
                             [.string("court"), .string("mot"), .string("fin")]])
        XCTAssertEqual(TableLayout.render(t, style: RenderStyle(width: 40)), lines(
            "left              kw   right",
            "----------------  ---  -----------------",
            "…é et de £ avant  mot  après le mot, en…",
            "           court  mot  fin",
            "(2 rows)"))
    }

    func testWrappedCellsKeepLineBreaks() {
        let t = Table([Column("id"), Column("text", flexible: true)],
                      rows: [[.string("q1"), .string("first line\nsecond line is rather long and must wrap\r\nstill second\tline\n\nafter  blank supercalifragilisticexpialidocious")],
                             [.string("q2"), .string("short")],
                             [.string("q3"), .string("naïve café résumé über straße façade jalapeño")]])
        // LF breaks lines; CR LF is one character and, like a tab, becomes a space
        XCTAssertEqual(TableLayout.render(t, style: RenderStyle(width: 24)), lines(
            "id  text",
            "--  --------------------",
            "q1  first line",
            "    second line is",
            "    rather long and must",
            "    wrap still second",
            "    line",
            "",
            "    after blank",
            "    supercalifragilistic",
            "    expialidocious",
            "",
            "q2  short",
            "",
            "q3  naïve café résumé",
            "    über straße façade",
            "    jalapeño",
            "(3 rows)"))
    }

    func testAColumnWithALargerShareKeepsMoreOfANarrowTable() {
        let long = "a quote long enough that it must wrap however wide the table is made for it"
        let rows: [[Value]] = [[.string("Sir Digby Jones, director general"), .string(long)]]
        // alike, the two columns narrow toward each other: the name keeps as much as the text
        let even = Table([Column("speaker", flexible: true), Column("text", flexible: true)], rows: rows)
        XCTAssertEqual(TableLayout.render(even, style: RenderStyle(width: 40)).split(separator: "\n")[1], "-------------------  -------------------")
        // share 3: the text keeps three times the name's width (the name wraps, never below 12)
        let shared = Table([Column("speaker", flexible: true), Column("text", flexible: true, share: 3)], rows: rows)
        XCTAssertEqual(TableLayout.render(shared, style: RenderStyle(width: 50)), lines(
            "speaker       text",
            "------------  ------------------------------------",
            "Sir Digby     a quote long enough that it must",
            "Jones,        wrap however wide the table is made",
            "director      for it",
            "general",
            "(1 row)"))
        // with room for both, a share changes nothing
        XCTAssertEqual(TableLayout.render(shared, style: RenderStyle(width: 200)), TableLayout.render(even, style: RenderStyle(width: 200)))
    }

    func testColourHeaders() {
        let out = CommandOutput(blocks: [.heading("Speakers"), .table(Table([Column("speaker"), Column("quotes"), Column("share")],
                                rows: [[.string("Ms Ünïcödé"), .int(12), .double(0.25)], [.string("Mr X"), .int(3), .null]]))])
        XCTAssertEqual(Renderer(format: .table, style: RenderStyle(width: 80, color: true)).render(out), lines(
            "\u{1B}[1mSpeakers\u{1B}[0m",
            "\u{1B}[1mspeaker   \u{1B}[0m  \u{1B}[1mquotes\u{1B}[0m  \u{1B}[1mshare\u{1B}[0m",
            "----------  ------  -----",
            "Ms Ünïcödé      12  0.250",
            "Mr X             3",
            "(2 rows)"))
    }

    /// Strings whose spaces, commas and quotes are, or are not, characters of their own.
    private let tricky = [
        "plain words  with   spaces ", " lead and trail ", "café au lait £5", "e\u{301} \u{301}accent after a space",
        "prepend\u{600} mark before a space", "\u{110BD} x", "emoji 👍🏽 👩‍👩‍👧 flags 🇬🇧 here", "thai ำ and \u{0E33}x",
        "a,b", "a,\u{301}b", "say \"hi\"", "\"\u{301}quoted", "é,é", "£\"", "line\nbreak", "cr\r\nlf", "lone\rcr",
        "漢字 漢字漢字漢字 漢字", "supercalifragilisticexpialidocious", "", " ", "\u{2028}sep\u{2029} x",
    ]

    func testByteWrappingMatchesCharacterWrapping() {
        for s in tricky {
            for limit in [1, 3, 7, 12, 40] {
                let cleaned = TableLayout.clean(s.replacingOccurrences(of: "\n", with: " "))
                var arena: [UInt8] = []
                var spans: [TableLayout.Span] = []
                var copy = cleaned
                copy.withUTF8 { TableLayout.wrapLine($0, limit, into: &arena, lines: &spans) }
                let got = spans.map { String(decoding: arena[$0.start..<$0.end], as: UTF8.self) }
                XCTAssertEqual(got, TableLayout.wrap(cleaned, limit), "\(s.debugDescription) at \(limit)")
                XCTAssertEqual(spans.map(\.width), got.map(TableLayout.width), "\(s.debugDescription) at \(limit)")
            }
        }
    }

    func testCSVFieldsMatchCharacterRules() {
        for s in tricky {
            var w = ByteWriter()
            CSV.field(s, to: &w)
            XCTAssertEqual(String(decoding: w.bytes, as: UTF8.self), CSV.field(s), s.debugDescription)
        }
        XCTAssertEqual(CSV.render(Table([Column("a"), Column("b, c")], rows: [[.int(-42), .string("say \"hi\"")], [.null, .double(1.5)]])),
                       "a,\"b, c\"\r\n-42,\"say \"\"hi\"\"\"\r\n,1.500\r\n")
    }

    func testTrailingSpacesGoLikeCharacters() {
        // a Prepend mark and the space after it are one character: dropping it drops the mark too
        for line in ["x\u{600}   ", "x\u{600}\u{600} ", "a \u{600}  ", "café  ", "…  ", "   ", "x"] {
            var bytes = Array("prev\n".utf8) + Array(line.utf8)
            TableLayout.trimTrailingSpaces(&bytes, from: 5)
            var expected = "prev\n" + line
            while expected.utf8.last == 0x20 { expected.removeLast() }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, line.debugDescription)
        }
    }

    func testJSONEscapes() {
        XCTAssertEqual(Value.string("q\"b\\s\n\r\t\u{01}\u{1F}\u{7F}\u{2028}\u{2029}é€").json,
                       "\"q\\\"b\\\\s\\n\\r\\t\\u0001\\u001f\u{7F}\\u2028\\u2029é€\"")
        XCTAssertEqual(Value.obj(["n": .int(Int.min), "m": .int(Int.max), "d": .double(.nan), "z": .int(0), "a": .array([.null, .bool(true)])]).json,
                       "{\"n\":-9223372036854775808,\"m\":9223372036854775807,\"d\":null,\"z\":0,\"a\":[null,true]}")
        let t = Table([Column("Name"), Column("Doc Count")], rows: [[.string("é\"x"), .int(2)], [.string("y")], []])
        XCTAssertEqual(Renderer(format: .json, style: RenderStyle()).render(.table(t)), t.jsonValue.json + "\n")
    }

    /// Long tables are measured and laid out in blocks of rows (on every core); the text must not
    /// depend on where the blocks fall, above all around rows that wrap onto several lines, which
    /// get a blank line before and after that two wrapped rows in a row share.
    func testBlocksOfRowsGiveTheSameText() {
        let long = String(repeating: "a statement long enough to wrap ", count: 3)
        let wrapped: Set<Int> = [0, 1, 6, 7, 8, 15, 16, 30, 31, 32, 33, 62, 63, 64, 65, 99]
        let rows: [[Value]] = (0..<100).map { i in
            [.int(i), .string(wrapped.contains(i) ? long : "short \(i)"), i % 3 == 0 ? .null : .string("x\ny")]
        }
        let t = Table([Column("n"), Column("text", flexible: true), Column("more", flexible: true)], rows: rows)
        let style = RenderStyle(width: 40)
        let whole = TableLayout.render(t, style: style, rowsPerBlock: 1_000)
        XCTAssertTrue(whole.contains("\n\n"), "the table has wrapped rows set off by blank lines")
        XCTAssertFalse(whole.contains("\n\n\n"), "never two blank lines in a row")
        for size in [1, 2, 3, 7, 16, 32, 64, 99] {
            XCTAssertEqual(TableLayout.render(t, style: style, rowsPerBlock: size), whole, "blocks of \(size) rows")
        }
        XCTAssertEqual(TableLayout.render(t, style: style), whole)
    }

    func testStreamedChunksJoinToTheWholeText() {
        let rows: [[Value]] = (0..<500).map { i in
            [.int(i), .string("speaker \(i) Ünïcödé"), .string(String(repeating: "words, “quoted” and £ ", count: i % 7 + 1)), .double(Double(i) / 7)]
        }
        let t = Table([Column("n"), Column("who"), Column("text", flexible: true), Column("score")], rows: rows)
        let output = CommandOutput(blocks: [.heading("Heading"), .text("intro"), .table(t), .table(t)])
        for format in OutputFormat.allCases {
            let r = Renderer(format: format, style: RenderStyle(width: 60, color: true))
            let whole = r.render(output)
            for size in [1, 100, 4096] {
                var chunks: [String] = []
                r.render(output, chunkSize: size) { (chunk: String) in chunks.append(chunk) }
                XCTAssertEqual(chunks.joined(), whole, "\(format) in chunks of \(size)")
                var byteChunks: [[UInt8]] = []
                r.render(output, chunkSize: size) { (chunk: [UInt8]) in byteChunks.append(chunk) }
                XCTAssertEqual(byteChunks.count, chunks.count, "\(format) in byte chunks of \(size)")
                XCTAssertEqual(Array(byteChunks.joined()), Array(whole.utf8), "\(format) in byte chunks of \(size)")
                XCTAssertGreaterThan(chunks.count, 1, "\(format) in chunks of \(size)")
                XCTAssertFalse(chunks.contains(where: \.isEmpty))
            }
            XCTAssertEqual(r.renderBytes(output), Array(whole.utf8))
        }
        var calls = 0
        Renderer(format: .table, style: RenderStyle()).render(CommandOutput(blocks: [])) { (_: String) in calls += 1 }
        XCTAssertEqual(calls, 0, "empty output reaches no sink")
    }

    func testACellIsHeldInlineNotBoxed() {
        // a table of a whole corpus's quotes has tens of thousands of cells: an `indirect` enum
        // would allocate a box for each, beside its string
        XCTAssertLessThanOrEqual(MemoryLayout<Value>.size, MemoryLayout<String>.size + 1)
        let nested = Value.array([.object([Value.Field("k", .array([.int(1), .null]))])])
        XCTAssertEqual(nested.json, #"[{"k":[1,null]}]"#)
    }

    func testATableMakingItsRowsOnDemandPrintsAsTheTableOfThoseRows() {
        let rows: [[Value]] = (0..<700).map { i in
            [.int(i), .string("speaker \(i)"), i % 5 == 0 ? .null : .string(String(repeating: "long words, “quoted” ", count: i % 9 + 1))]
        }
        let columns = [Column("n"), Column("who"), Column("text", flexible: true)]
        let eager = Table(columns, rows: rows)
        let largest = Mutex(0)
        let lazy = Table(columns, count: rows.count) { range in
            largest.withLock { $0 = max($0, range.count) }
            return Array(rows[range])
        }
        XCTAssertEqual(lazy.rowCount, 700)
        for format in OutputFormat.allCases {
            let r = Renderer(format: format, style: RenderStyle(width: 60))
            XCTAssertEqual(r.render(.table(lazy)), r.render(.table(eager)), "\(format)")
        }
        XCTAssertLessThanOrEqual(largest.withLock { $0 }, TableLayout.rowsPerBlock, "rows are made a block at a time")
        XCTAssertEqual(lazy, eager)
        XCTAssertEqual(lazy.rows, rows)
    }
}
