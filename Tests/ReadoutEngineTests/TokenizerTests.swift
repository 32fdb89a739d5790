import XCTest
@testable import ReadoutEngine

final class TokenizerTests: XCTestCase {
    private func words(_ text: String) -> [String] {
        let d = Document(id: "t", text: text)
        return d.tokens.indices.map { d.string(token: $0) }
    }

    private func sentences(_ text: String) -> [String] {
        let d = Document(id: "t", text: text)
        return d.sentences.map { d.string($0.range) }
    }

    func testPossessiveApostrophesSplitAsClitics() {
        XCTAssertEqual(words("Russia’s and Ukraine's borders"), ["Russia", "’s", "and", "Ukraine", "'s", "borders"])
    }

    func testPluralPossessiveApostrophesSplitAsClitics() {
        let d = Document(id: "t", text: "the Employers' Federation and workers’ rights")
        XCTAssertEqual(d.tokens.indices.map { d.string(token: $0) }, ["the", "Employers", "'", "Federation", "and", "workers", "’", "rights"])
        XCTAssertEqual(d.tokens[2].kind, .clitic)
        XCTAssertEqual(d.tokens[6].kind, .clitic)
    }

    func testAnApostropheClosingASingleQuotedWordStaysAQuoteMark() {
        // an open single quote in the paragraph: `bosses'` closes it
        let d = Document(id: "t", text: "He called them 'bosses' and left. Sky Networks' chief")
        let kinds = d.tokens.map(\.kind)
        XCTAssertEqual(kinds[3], .quote)
        XCTAssertEqual(kinds[5], .quote) // the closing mark after `bosses`
        // once closed, a later plural possessive is one again
        XCTAssertEqual(kinds[11], .clitic)
        // at the end of a sentence or before punctuation, an apostrophe is not taken for a possessive
        XCTAssertEqual(Document(id: "t", text: "the boys' .").tokens[2].kind, .quote)
        XCTAssertEqual(Document(id: "t", text: "the boys'").tokens[2].kind, .quote)
    }

    func testContractionsAndNamesKeepTheirApostrophe() {
        XCTAssertEqual(words("don't tell O'Brien"), ["don't", "tell", "O'Brien"])
    }

    func testCurlyAndStraightQuotesAreTokensWithDirection() {
        let d = Document(id: "t", text: "“Yes,” he said. \"No\" she said.")
        let quotes = d.tokens.filter { $0.kind == .quote }
        XCTAssertEqual(quotes.count, 4)
        XCTAssertTrue(quotes[0].has(Token.opening))
        XCTAssertTrue(quotes[1].has(Token.closing))
        XCTAssertTrue(quotes[2].has(Token.opening))
        XCTAssertTrue(quotes[3].has(Token.closing))
    }

    func testDashesEllipsesAndDecimals() {
        XCTAssertEqual(words("a rise of 3.5% — the most… since 1,400 -- ok..."),
                       ["a", "rise", "of", "3.5", "%", "—", "the", "most", "…", "since", "1,400", "--", "ok", "..."])
        XCTAssertEqual(words("a build-up in cyber-hacks"), ["a", "build-up", "in", "cyber-hacks"])
    }

    func testAbbreviationsAndInitialsDoNotEndSentences() {
        XCTAssertEqual(sentences("Mr. Smith met Dr. Jones in Jan. last year. George W. Bush met the U.S. team. It ended."),
                       ["Mr. Smith met Dr. Jones in Jan. last year.", "George W. Bush met the U.S. team.", "It ended."])
    }

    func testInitialismBeforeOpenerEndsSentence() {
        XCTAssertEqual(sentences("He flew to the U.S. The talks began."), ["He flew to the U.S.", "The talks began."])
    }

    func testClosingQuoteStaysWithItsSentence() {
        XCTAssertEqual(sentences("“We will act.” The White House said so."), ["“We will act.”", "The White House said so."])
    }

    func testParagraphsAreLines() {
        let d = Document(id: "t", text: "Title line\n\nFirst para. Second sentence.\nSecond para.")
        XCTAssertEqual(d.paragraphs.count, 3)
        XCTAssertEqual(d.sentences.count, 4)
        XCTAssertEqual(d.sentences[2].paragraph, 1)
    }

    func testRangesAreValidForArbitraryBytes() {
        let inputs = ["", "\u{0}\u{0}", "é’’“", "\u{1F600} ok.", String(repeating: "\"", count: 50), "x\u{FEFF}y"]
        for s in inputs {
            let d = Document(id: "t", text: s)
            for t in d.tokens {
                XCTAssertTrue(t.range.start >= 0 && t.range.end <= d.bytes.count && t.range.start < t.range.end)
                XCTAssertNotEqual(d.bytes[t.range.start] & 0xC0, 0x80, "token starts mid-scalar in \(s.debugDescription)")
                if t.range.end < d.bytes.count { XCTAssertNotEqual(d.bytes[t.range.end] & 0xC0, 0x80) }
            }
        }
    }

    func testARunLongerThanATokenHoldsGoesOnAsMoreTokensCoveringIt() {
        let long = Token.maxLength * 2 + 123
        let inputs = ["Start " + String(repeating: "a", count: long) + " end.",
                      "Start " + String(repeating: "é", count: long / 2) + " end.",
                      "Start " + String(repeating: ".", count: long) + " end.",
                      "Start " + String(repeating: "-", count: long) + " end."]
        for s in inputs {
            let d = Document(id: "t", text: s)
            XCTAssertEqual(d.string(token: 0), "Start")
            XCTAssertEqual(d.string(token: d.tokens.count - 2), "end")
            let run = d.tokens[1..<(d.tokens.count - 2)]
            XCTAssertGreaterThan(run.count, 2, "the run was cut into pieces")
            var at = 6
            for t in run {
                XCTAssertEqual(t.range.start, at, "pieces are contiguous")
                XCTAssertLessThanOrEqual(t.range.length, Token.maxLength)
                XCTAssertNotEqual(d.bytes[t.range.start] & 0xC0, 0x80, "a piece starts mid-scalar")
                at = t.range.end
            }
            XCTAssertEqual(at, 6 + s.utf8.count - "Start ".utf8.count - " end.".utf8.count)
        }
    }

    func testTokensSentencesAndParagraphsStaySmall() {
        // a corpus holds one per word, sentence and paragraph
        XCTAssertEqual(MemoryLayout<Token>.stride, 8)
        XCTAssertEqual(MemoryLayout<Sentence>.stride, 20)
        XCTAssertEqual(MemoryLayout<Paragraph>.stride, 24)
        XCTAssertEqual(MemoryLayout<MentionRef>.stride, 8)
        XCTAssertEqual(MemoryLayout<Mention>.stride, 12)
    }
}
