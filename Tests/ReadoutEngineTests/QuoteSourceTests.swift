import XCTest
@testable import ReadoutEngine

/// Sources: the body a speaker speaks for, and the cue list.
final class QuoteSourceTests: XCTestCase {
    func testPersonSpeaksForTheBodyOfTheirRole() {
        let text = "“We expect there will be continued difficult conversations,” White House Press Secretary Jen Psaki said on Tuesday."
        XCTAssertEqual(QuoteTest.lines(text), ["direct | Jen Psaki | White House | We expect there will be continued difficult conversations"])
    }

    func testBodiesSpeakForThemselvesAndCountriesForTheirGovernment() {
        let a = QuoteTest.analyze("The Kremlin said the talks were useful. Russia said the talks were useful too.")
        XCTAssertEqual(a.quotes.map(\.source), ["Kremlin", "Kremlin"])
        XCTAssertTrue(a.evidence(of: a.quotes[1]).contains { $0.detail.contains("convention") })
    }

    func testFormerLeadersDoNotSpeakForTheGovernment() {
        let a = QuoteTest.analyze("Former US President Donald Trump said the deal was a disaster.")
        XCTAssertEqual(a.quotes.first?.speaker, "Donald Trump")
        XCTAssertNotEqual(a.quotes.first?.source, "White House")
    }

    func testCueListHasFramesAndInflections() {
        let cues = CueVerbs.shared
        XCTAssertEqual(cues.forms["said"]?.lemma, "say")
        XCTAssertEqual(cues.forms["told"]?.frame, .addressee)
        XCTAssertEqual(cues.forms["according"]?.frame, .according)
        XCTAssertEqual(cues.forms["reported"]?.frame, .report)
        for w in ["added", "warned", "confirmed", "insisted", "noted", "wrote", "stated", "explained", "denied"] {
            XCTAssertNotNil(cues.forms[w], w)
        }
        XCTAssertNil(cues.forms["proposed"])
    }

    func testEveryQuoteExplainsItself() {
        let a = Analyzer().analyze([Document(id: "seed", text: QuoteSeedTests.seed)])
        let chains = a.quoteEvidence(doc: 0)
        XCTAssertEqual(chains.count, a.quotes.count)
        for (q, evidence) in zip(a.quotes, chains) {
            XCTAssertFalse(evidence.isEmpty, q.id)
            XCTAssertTrue(evidence.contains { $0.rule == "source" || $0.rule == "government-side" || $0.rule == "inherited" }, "\(q.id): \(evidence)")
            XCTAssertEqual(a.evidence(of: q), evidence)
        }
    }
}
