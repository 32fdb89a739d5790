import XCTest
@testable import ReadoutEngine

/// The seed article: five direct quotations and seven reported statements, nothing else.
final class QuoteSeedTests: XCTestCase {
    /// `seeds/000_4fd503e8c5c9a19c.txt`.
    static let seed = """
    United States President Joseph Biden and President Vladimir Putin of Russia spoke by telephone on Friday and Biden proposed a future summit meeting between the two leaders, as the new US administration seeks a more constructive relationship with Moscow.
    “They discussed a number of regional and global issues, including the intent of the United States and Russia to pursue a strategic stability dialogue on a range of arms control and emerging security issues,” the White House said in a statement.
    The Kremlin said in a separate statement that Biden told Putin that the US president wants to normalise bilateral ties and to cooperate on arms control, Iran’s nuclear programme, Afghanistan and climate change, the Reuters news outlet reported.
    The White House said Biden told Putin he wants to build on the agreement he reached with Putin in January to extend the New START Treaty, limiting strategic nuclear arms for another five years.
    At the same time, the US president warned the Russian leader the US would react to Russian cyber-hacks, election interference and military activity in the Ukraine, the White House said.
    “President Biden also made clear that the United States will act firmly in defence of its national interests in response to Russia’s actions, such as cyber intrusions and election interference,” the US readout of the call said.
    “President Biden emphasized the United States’ unwavering commitment to Ukraine’s sovereignty and territorial integrity. The President voiced our concerns over the sudden Russian military build-up in occupied Crimea and on Ukraine’s borders, and called on Russia to de-escalate tensions,” the White House said.
    The Kremlin confirmed that Biden proposed a high-level meeting with Putin, but gave no indication of how the Russian leader had responded to that suggestion, Reuters said.
    Biden proposed a summit meeting in a third country in the coming months to discuss the full range of issues facing the US and Russia, Biden said.
    The Kremlin said the call had taken place at Washington’s initiative and that Putin had explained his views on eastern Ukraine where a simmering conflict has escalated.
    Biden reaffirmed his goal of building a stable and predictable relationship with Russia consistent with US interests, according to the US side.
    “Our approach to our relationship with Russia is one where we certainly expect the relationship to remain a challenge,” White House Press Secretary Jen Psaki said on Tuesday.
    “We expect there will be continued difficult conversations. We are prepared to confront those, but our goal is to have a relationship with Russia that is predictable and stable,” Psaki told reporters at the White House.
    Formal summit meetings between the US and Russia have been limited to once per four-year term for the American leader in the recent past.
    Putin and former US President Donald Trump held a summit meeting in Helsinki, Finland, in 2018. Former President Barack Obama met in 2010 with former Russia President Dmitry Medvedev. Former President George W Bush met twice with Putin in 2005 and 2001.
    """

    func testSeedQuotesSpeakersSourcesAndReporters() {
        let a = Analyzer().analyze([Document(id: "seed", text: Self.seed)])
        let d = a.documents[0].document
        let got = a.quotes.map { q in
            "\(q.id) \(q.kind.rawValue) | \(q.speaker ?? "-") | \(q.source ?? "-") | \(q.reportedBy ?? "-") | \(q.cue) | "
                + d.string(q.content).split(separator: " ").prefix(4).joined(separator: " ")
        }
        XCTAssertEqual(got, [
            "q1 direct | White House | White House | - | said | They discussed a number",
            "q2 indirect | Kremlin | Kremlin | Reuters | said | Biden told Putin that",
            "q3 indirect | White House | White House | - | said | Biden told Putin he",
            "q4 indirect | White House | White House | - | said | At the same time,",
            "q5 direct | White House | White House | - | said | President Biden also made",
            "q6 direct | White House | White House | - | said | President Biden emphasized the",
            "q7 indirect | Kremlin | Kremlin | Reuters | confirmed | Biden proposed a high-level",
            "q8 indirect | Joseph Biden | White House | - | said | Biden proposed a summit",
            "q9 indirect | Kremlin | Kremlin | - | said | the call had taken",
            "q10 indirect | White House | White House | - | according to | Biden reaffirmed his goal",
            "q11 direct | Jen Psaki | White House | - | said | Our approach to our",
            "q12 direct | Jen Psaki | White House | - | told | We expect there will",
        ])
        XCTAssertEqual(d.string(a.quotes[4].speakerRange!), "the US readout of the call")
        XCTAssertEqual(d.string(a.quotes[9].speakerRange!), "the US side")
        // the two-sentence quotation is one quote, content without the cue
        XCTAssertTrue(d.string(a.quotes[5].content).hasSuffix("called on Russia to de-escalate tensions"))
        XCTAssertTrue(d.string(a.quotes[5].span).hasSuffix("the White House said."))
    }

    func testSerialAndParallelGiveTheSameQuotes() {
        let docs = (0..<10).map { Document(id: "d\($0)", text: Self.seed) }
        let one = Analyzer(parallel: false).analyze(docs).quotes
        let many = Analyzer(parallel: true).analyze(docs).quotes
        XCTAssertEqual(one, many)
        XCTAssertEqual(one.count, 120)
    }
}
