import XCTest
@testable import ReadoutEngine

/// Direct quotations: where the speaker stands, quote-mark styles, continuations, unbalanced marks.
final class QuoteDirectTests: XCTestCase {
    func testSpeakerAfterTheQuoteCurly() {
        XCTAssertEqual(QuoteTest.lines("“We will not back down,” the White House said in a statement."),
                       ["direct | White House | White House | We will not back down"])
    }

    func testSpeakerBeforeTheQuoteWithAColon() {
        let text = "Northern Rock chief executive Adam Crosby said in a statement: \"The board has acted decisively to protect savers.\""
        let (q, d) = QuoteTest.only(text)!
        XCTAssertEqual(q.kind, .direct)
        XCTAssertEqual(q.speaker, "Adam Crosby")
        XCTAssertEqual(d.string(q.content), "The board has acted decisively to protect savers.")
        XCTAssertEqual(q.cue, "said")
        XCTAssertEqual(d.string(q.speakerRange!), "Northern Rock chief executive Adam Crosby")
    }

    func testInvertedCue() {
        XCTAssertEqual(QuoteTest.lines("Ministers met on Monday. \"This is a fair deal for farmers,\" said Mr Smith."),
                       ["direct | Smith | - | This is a fair deal for farmers"])
    }

    func testQuoteSplitAroundTheCueKeepsTheSpeakerForBothHalves() {
        let text = "Tony Blair spoke in Brighton. \"We have made progress,\" he said. \"But there is much more to do.\""
        XCTAssertEqual(QuoteTest.lines(text), ["direct | Tony Blair | - | We have made progress",
                                               "direct | Tony Blair | - | But there is much more to do."])
    }

    func testMultiSentenceQuoteIsOneQuote() {
        let text = "“The talks were useful. Both sides agreed to meet again,” the Foreign Office said."
        XCTAssertEqual(QuoteTest.lines(text), ["direct | Foreign Office | Foreign Office | The talks were useful. Both sides agreed to meet again"])
    }

    func testContinuationParagraphTakesTheSpeaker() {
        let text = """
        Ms Hewitt said: "We have already doubled the length of maternity pay.
        "We are going to extend the pay to nine months by 2007."
        Further details will be outlined on Monday.
        """
        let a = QuoteTest.analyze(text)
        XCTAssertEqual(a.quotes.count, 2)
        XCTAssertEqual(a.quotes.map(\.speaker), ["Hewitt", "Hewitt"])
        XCTAssertTrue(a.evidence(of: a.quotes[1]).contains { $0.rule == "inherited" })
    }

    func testBBCStyleContinuationWithinOneLine() {
        let text = "Ms Hewitt said: \"It was 13 weeks when we were elected, we have already taken it up to 26 weeks. \"We are going to extend the pay to nine months by 2007.\" She spoke in London."
        let lines = QuoteTest.lines(text)
        XCTAssertEqual(lines, ["direct | Hewitt | - | It was 13 weeks when we were elected, we have already taken it up to 26 weeks.",
                               "direct | Hewitt | - | We are going to extend the pay to nine months by 2007."])
    }

    func testUnbalancedQuoteDoesNotSwallowTheArticle() {
        let text = """
        The minister said: "We will act.
        Prices rose by 3% in March. Analysts expect a further rise. Shares fell. Markets were calm.
        The bank said it would raise rates.
        """
        let a = QuoteTest.analyze(text)
        let d = a.documents[0].document
        let direct = a.quotes.filter { $0.kind == .direct }
        XCTAssertEqual(direct.count, 1)
        XCTAssertEqual(d.string(direct[0].content), "We will act.")
        XCTAssertTrue(a.quotes.contains { $0.kind == .indirect && $0.speaker == "bank" || d.string($0.content) == "it would raise rates" })
    }

    func testScareQuotesAloneAreNotQuotations() {
        XCTAssertEqual(QuoteTest.lines("The so-called \"desperate\" maternity pay plan was dropped on Sunday."), [])
        // with a cue, the quoted word is the speaker's: a mixed quote, not a direct one
        XCTAssertEqual(QuoteTest.lines("The Tories dismissed the maternity pay plan as \"desperate\" on Sunday.").map { $0.split(separator: "|")[0] },
                       ["mixed "])
    }

    func testStraightQuotesAndQuestionMark() {
        let (q, d) = QuoteTest.only("\"Why should taxpayers foot the bill?\" asked Liberal Democrat spokeswoman Sandra Gidley.")!
        XCTAssertEqual(q.speaker, "Sandra Gidley")
        XCTAssertEqual(q.cue, "asked")
        XCTAssertEqual(d.string(q.content), "Why should taxpayers foot the bill?")
    }
}
