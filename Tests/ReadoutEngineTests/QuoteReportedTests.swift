import XCTest
@testable import ReadoutEngine

/// Reported speech: leading and trailing cues, hearers, `according to`, nested and mixed quotes.
final class QuoteReportedTests: XCTestCase {
    func testSaidThat() {
        XCTAssertEqual(QuoteTest.lines("The Kremlin said in a separate statement that the call had taken place at Washington’s initiative."),
                       ["indirect | Kremlin | Kremlin | the call had taken place at Washington’s initiative"])
    }

    func testSaidWithoutThatKeepsInnerCueAsContent() {
        XCTAssertEqual(QuoteTest.lines("The White House said Biden told Putin he wants to build on the agreement."),
                       ["indirect | White House | White House | Biden told Putin he wants to build on the agreement"])
    }

    func testToldHearerThat() {
        let (q, d) = QuoteTest.only("Chancellor Gordon Brown told MPs that the economy would grow by 3% next year.")!
        XCTAssertEqual(q.speaker, "Gordon Brown")
        XCTAssertEqual(q.cue, "told")
        XCTAssertEqual(d.string(q.content), "the economy would grow by 3% next year")
    }

    func testToldHearerWithoutThat() {
        let (q, d) = QuoteTest.only("Mr Blair told reporters he expected the vote to be close.")!
        XCTAssertEqual(q.speaker, "Blair")
        XCTAssertEqual(d.string(q.content), "he expected the vote to be close")
    }

    func testTrailingCue() {
        let text = "It would mean paid leave would be increased to nine months by 2007, Ms Hewitt told GMTV's Sunday programme."
        XCTAssertEqual(QuoteTest.lines(text), ["indirect | Hewitt | - | It would mean paid leave would be increased to nine months by 2007"])
    }

    func testAccordingToTrailingAndLeading() {
        XCTAssertEqual(QuoteTest.lines("Retail sales fell sharply in January, according to the Bank of England."),
                       ["indirect | Bank of England | Bank of England | Retail sales fell sharply in January"])
        XCTAssertEqual(QuoteTest.lines("According to Reuters, the talks collapsed late on Friday."),
                       ["indirect | Reuters | Reuters | the talks collapsed late on Friday"])
    }

    func testNestedAttributionKeepsSpeakerAndReporter() {
        let (q, d) = QuoteTest.only("The Kremlin confirmed that Biden proposed a high-level meeting with Putin, Reuters said.")!
        XCTAssertEqual(q.speaker, "Kremlin")
        XCTAssertEqual(q.reportedBy, "Reuters")
        XCTAssertEqual(q.cue, "confirmed")
        XCTAssertEqual(d.string(q.content), "Biden proposed a high-level meeting with Putin")
    }

    func testOuterSpeakerThatIsNotAReporterKeepsTheWholeClause() {
        let (q, _) = QuoteTest.only("Biden met Putin in June. At the same time, the US president warned the Russian leader the US would react to cyber-hacks, the White House said.")!
        XCTAssertEqual(q.speaker, "White House")
        XCTAssertNil(q.reportedBy)
    }

    func testMixedQuote() {
        let text = "Defence Secretary Geoff Hoon said the appointment was a \"significant strengthening\" of the alliance."
        let (q, d) = QuoteTest.only(text)!
        XCTAssertEqual(q.kind, .mixed)
        XCTAssertEqual(q.speaker, "Geoff Hoon")
        XCTAssertEqual(d.string(q.content), "the appointment was a \"significant strengthening\" of the alliance")
    }

    func testNonStatementsAreNotQuotes() {
        XCTAssertEqual(QuoteTest.lines("Biden proposed a future summit meeting between the two leaders."), [])
        XCTAssertEqual(QuoteTest.lines("The new rules were announced by the Trade Secretary on Monday."), [])
        XCTAssertEqual(QuoteTest.lines("He was told to leave the building by police."), [])
        XCTAssertEqual(QuoteTest.lines("The firm said goodbye to its chairman."), [])
    }
}

extension QuoteReportedTests {
    /// Found by fuzzing: a cue with a hearer that runs to the end of the text ("told reporters")
    /// has no reported clause, and must not read past the last token.
    func testCueWhoseHearerEndsTheTextHasNoClause() {
        for text in ["The minister told reporters", "Mr Smith told the Russian leader", "She told him"] {
            let a = Analyzer().analyze([Document(id: "t", text: text)])
            XCTAssertTrue(a.quotes.allSatisfy { $0.content.end <= text.utf8.count }, text)
        }
    }

    /// A participle after a comma is no turned-round attribution (`…, explaining Syria's role`), and
    /// one after a subordinator has no subject of its own (`…, their first appearance since announcing …`).
    func testAParticipleAfterACommaNamesNoSpeaker() {
        let briefing = "Israeli officials gave a briefing to ambassadors on Monday, explaining Syria's alleged involvement."
        XCTAssertFalse(QuoteTest.analyze(briefing).quotes.contains { $0.speaker == "Syria's alleged involvement" })
        let dinner = "Prince Charles and Mrs Parker Bowles hosted a dinner at Windsor Castle, their first public appearance since announcing their engagement."
        XCTAssertFalse(QuoteTest.analyze(dinner).quotes.contains { $0.speaker == "their first public appearance" })
    }

    /// A time clause after the cue is a circumstance of any length: `…, the Tory leader said after
    /// mockingly welcoming the chancellor back to the campaign`.
    func testATimeClauseAfterTheCueKeepsTheAttribution() {
        let text = """
        The Budget was not about the country, but "all about the interests of the Labour party," the Tory leader said \
        after mockingly welcoming the chancellor back to the election campaign.
        """
        XCTAssertEqual(QuoteTest.lines(text), ["mixed | the Tory leader | - | The Budget was not about the country, but \"all about the interests of the Labour party"])
    }

    /// States and figures are no statements: `appear unhappy`, `posted mixed results`, and an act's
    /// participle right after its noun (`Any investor accepting the compensation`); `investors
    /// expecting a deal` and `appeared to suggest` still attribute.
    func testStatesFiguresAndParticiplesOfActsAreNoStatements() {
        XCTAssertEqual(QuoteTest.lines("United's players also appear unhappy at the prospect of a takeover."), [])
        XCTAssertEqual(QuoteTest.lines("US retailers posted mixed results for December, while many others were forced to cut prices."), [])
        XCTAssertEqual(QuoteTest.lines("Any investor accepting the compensation will have to waive the right to take their case to the ombudsman."), [])
        XCTAssertEqual(QuoteTest.lines("A former Marsh executive pleaded guilty to fraud charges in New York on Tuesday."), [])
        XCTAssertEqual(QuoteTest.analyze("But investors expecting a big deal at a premium may want to think twice.").quotes.count, 1)
        XCTAssertEqual(QuoteTest.analyze("The senator appeared to suggest that the bill would fail.").quotes.first?.speaker, "The senator")
    }
}
