import Foundation
import XCTest
import ReadoutWorkbench

/// Every table fits the width (issue 21, point 5): widths are terminal columns (two for a CJK
/// character or an emoji, none for a combining mark), a cut or a wrap never splits a character,
/// and when the flexible columns are as narrow as they go the other text columns wrap too.
/// `report` is exempt: it writes Markdown, whose table rows must each stay on one line.
final class TableWidthTests: XCTestCase {
    /// Terminal columns of `s`, counted here without the renderer's code: marks and format
    /// characters none, CJK, Hangul, fullwidth forms and emoji two, the rest one.
    private func columns(_ s: Substring) -> Int {
        s.unicodeScalars.reduce(0) { n, u in
            switch u.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return n
            default: break
            }
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x20000...0x3FFFD).contains(v)
                || u.properties.isEmojiPresentation
            return n + (wide ? 2 : 1)
        }
    }

    private func render(_ t: Table, width: Int) -> String {
        Renderer(format: .table, style: RenderStyle(width: width)).render(.table(t))
    }

    private func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The lines of `text` wider than `width` columns.
    private func tooWide(_ text: String, _ width: Int) -> [String] {
        lines(text).filter { columns($0) > width }.map { "\(columns($0)): \($0)" }
    }

    /// Runs `commands` on a workbench with the seed article loaded; returns what they printed.
    private func run(_ commands: [String], width: Int, load: String = "seeds/") -> String {
        let output = OutputBuffer()
        let wb = Workbench(options: .init(style: RenderStyle(width: width), out: { output.append($0) }, err: { _ in }))
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(TranscriptTests.packageRoot.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        XCTAssertTrue(wb.execute("load " + load))
        output.clear()
        for c in commands { XCTAssertTrue(wb.execute(c), c) }
        return output.text
    }

    func testCJKCellsTakeTwoColumnsEach() {
        let t = Table([Column("name"), Column("n")], rows: [[.string("東京都"), .int(1)], [.string("Paris"), .int(22)]])
        XCTAssertEqual(render(t, width: 100), """
            name     n
            ------  --
            東京都   1
            Paris   22
            (2 rows)

            """)
        // cut with "…" in columns: a column 20 wide keeps 9 characters (18), the ellipsis and a space
        let cut = Table([Column("id"), Column("context", flexible: true, wraps: false), Column("n")],
                        rows: [[.string("a"), .string(String(repeating: "漢字", count: 20)), .int(7)]])
        let text = render(cut, width: 27)
        XCTAssertEqual(lines(text)[2], "a   漢字漢字漢字漢字漢…   7", text)
        XCTAssertEqual(tooWide(text, 27), [])
        // a wrapped CJK text (no spaces) splits between characters, every line within the width
        let long = String(repeating: "東京都庁舎", count: 12)
        let wrapped = render(Table([Column("id"), Column("text", flexible: true)], rows: [[.string("q1"), .string(long)]]), width: 30)
        XCTAssertEqual(tooWide(wrapped, 30), [])
        let pieces = lines(wrapped).dropFirst(2).dropLast(2).map { $0.dropFirst(4) }
        XCTAssertEqual(pieces.joined(), long)
        XCTAssertTrue(pieces.dropLast().allSatisfy { columns($0) == 26 }, wrapped)
    }

    func testEmojiTakeTwoColumns() {
        let t = Table([Column("mood"), Column("count")], rows: [[.string("👍👍"), .int(3)], [.string("ok"), .int(12)], [.string("🎉 party"), .int(1)]])
        XCTAssertEqual(render(t, width: 100), """
            mood      count
            --------  -----
            👍👍          3
            ok           12
            🎉 party      1
            (3 rows)

            """)
        let cut = render(Table([Column("x", flexible: true, wraps: false), Column("n")],
                               rows: [[.string(String(repeating: "🙂", count: 40)), .int(1)]]), width: 20)
        XCTAssertEqual(tooWide(cut, 20), [], cut)
        XCTAssertEqual(lines(cut)[2], "🙂🙂🙂🙂🙂🙂🙂🙂…  1", cut)
    }

    func testCombiningMarksTakeNoColumnAndStayWithTheirLetter() {
        // "Cafe" + U+0301 is five scalars, four columns: the next column lines up with "Paris"
        let t = Table([Column("city"), Column("n")], rows: [[.string("Cafe\u{301}s"), .int(5)], [.string("Paris"), .int(40)]])
        XCTAssertEqual(render(t, width: 100), """
            city    n
            -----  --
            Cafe\u{301}s   5
            Paris  40
            (2 rows)

            """)
        let marked = String(repeating: "e\u{301}", count: 40)
        // cut from the right and from the left: every kept "e" keeps its accent, none is orphaned
        let cut = render(Table([Column("left", flexible: true, alignRight: true), Column("kw"), Column("right", flexible: true, wraps: false)],
                               rows: [[.string(marked), .string("x"), .string(marked)]]), width: 31)
        XCTAssertEqual(tooWide(cut, 31), [], cut)
        let row = lines(cut)[2]
        XCTAssertEqual(row, "…" + String(repeating: "e\u{301}", count: 11) + "  x   " + String(repeating: "e\u{301}", count: 12) + "…", cut)
        // wrapped: each line starts with a letter, not with a mark parted from it
        let wrapped = render(Table([Column("id"), Column("text", flexible: true)], rows: [[.string("q"), .string(marked)]]), width: 20)
        XCTAssertEqual(tooWide(wrapped, 20), [])
        let rows = lines(wrapped).dropFirst(2).dropLast(2)
        for line in rows {
            XCTAssertEqual(line.dropFirst(4).unicodeScalars.first, "e", wrapped)
            XCTAssertEqual(line.unicodeScalars.last, "\u{301}", wrapped)
        }
        XCTAssertEqual(rows.map { columns($0) }, [20, 20, 12], wrapped)
    }

    func testColumnsThatAreNotFlexibleWrapWhenTheTableIsTooWide() {
        // no flexible column at all: the text columns give way, numbers stay whole
        let speaker = "a spokeswoman for the Engineering Employers' Federation"
        let source = "Engineering Employers' Federation and the Confederation of British Industry"
        let t = Table([Column("speaker"), Column("source"), Column("direct"), Column("words")],
                      rows: [[.string(speaker), .string(source), .int(12), .int(12345)], [.string("Tony Blair"), .string(""), .int(119), .int(5886)]])
        let text = render(t, width: 60)
        XCTAssertEqual(tooWide(text, 60), [], text)
        XCTAssertTrue(text.contains("12345") && text.contains("5886"), text)
        let words = lines(text).dropFirst(2).flatMap { $0.split(separator: " ") }.map(String.init)
        for w in (speaker + " " + source).split(separator: " ") { XCTAssertTrue(words.contains(String(w)), "\(w) kept whole:\n\(text)") }
        // flexible columns already at their narrowest: the name column beside them wraps too (as `entities`)
        let name = "Department for Environment, Food and Rural Affairs"
        let e = Table([Column("name"), Column("type"), Column("mentions"), Column("aliases", flexible: true), Column("role", flexible: true)],
                      rows: [[.string(name), .string("ORG"), .int(3), .string("Defra; the department; the ministry"), .string("ministry of the Crown")]])
        let entities = render(e, width: 70)
        XCTAssertEqual(tooWide(entities, 70), [], entities)
        XCTAssertEqual(lines(entities)[1].count, 70, "the table takes the whole width:\n\(entities)")
    }

    func testHeadingsWrapToTheWidth() {
        let out = CommandOutput(blocks: [.heading("entity Joseph Biden (PERSON): Biden, Joseph Biden, President Biden, United States President Joseph Biden: 10 matches"),
                                         .table(Table([Column("a")], rows: [[.string("x")]]))])
        let text = Renderer(format: .table, style: RenderStyle(width: 60)).render(out)
        XCTAssertEqual(tooWide(text, 60), [], text)
        XCTAssertEqual(lines(text)[0], "entity Joseph Biden (PERSON): Biden, Joseph Biden, President")
        XCTAssertEqual(lines(text)[1], "Biden, United States President Joseph Biden: 10 matches")
    }

    func testTheSeedsTablesFitEveryWidth() {
        let commands = ["entities", "quotes", "sources", "kwic Biden", "kwic Putin width=60", "collocates Biden", "docs", "timeline",
                        "keyness 000 kremlin-readout top=5", "freq of=entities top=5", "search Putin", "stats", "history"]
        for width in [60, 80, 100] {
            let text = run(commands, width: width, load: "seeds/ Tests/ReadoutWorkbenchTests/Transcripts/fixtures/kremlin-readout.txt")
            XCTAssertEqual(tooWide(text, width), [], "at width \(width)")
        }
    }

    /// What cannot fit goes over, and only that: numbers are never cut, so a table whose numbers
    /// and gaps alone are wider than the width is wider, its text column down to one column.
    func testOnlyAnUnbreakableMinimumGoesOver() {
        let t = Table([Column("name"), Column("a"), Column("b"), Column("c")],
                      rows: [[.string("some text"), .int(1_234_567_890), .int(1_234_567_890), .int(1_234_567_890)]])
        let text = render(t, width: 30)
        XCTAssertEqual(lines(text)[1], "-  ----------  ----------  ----------", text)
        XCTAssertTrue(lines(text).contains("s  1234567890  1234567890  1234567890"), text)
        // a character two columns wide in a column one wide
        let wide = render(Table([Column("k"), Column("n")], rows: [[.string("漢字 and more"), .int(1_234_567_890_123_456)]]), width: 20)
        XCTAssertTrue(lines(wide).contains("漢  1234567890123456"), wide)
    }

    /// `report` writes Markdown: its table rows stay one line each however narrow the width.
    func testReportIsExempt() {
        let text = run(["report entities=3"], width: 40)
        XCTAssertTrue(lines(text).contains { $0.hasPrefix("| ") && columns($0) > 40 }, text)
    }

    /// BBC politics (in `../shared/` beside the project when present), at width 100: `sources` was
    /// 147 columns wide, `entities` 105 and a `kwic` heading 155.
    func testBBCPoliticsTablesFitWidth100() throws {
        let corpus = TranscriptTests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/bbc/politics").path
        guard FileManager.default.fileExists(atPath: corpus) else {
            throw XCTSkip("the shared BBC corpus is not beside the project (\(corpus))")
        }
        let text = run(["sources", "entities", "kwic 'Gordon Brown' top=20", "quotes who=\"Tony Blair\""], width: 100, load: Lexer.quote(corpus))
        XCTAssertGreaterThan(lines(text).count, 3000)
        XCTAssertEqual(tooWide(text, 100), [])
    }
}
