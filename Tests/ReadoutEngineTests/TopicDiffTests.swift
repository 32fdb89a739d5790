import XCTest
@testable import ReadoutEngine

final class TopicDiffTests: XCTestCase {
    private func statement(_ text: String, _ mentions: [(String, EntityLabel, String)] = []) -> TopicDiff.Statement {
        let d = Document(id: "t", text: text)
        var ms: [TopicExtractor.NamedMention] = []
        for (surface, label, canonical) in mentions {
            var from = text.utf8.startIndex
            while let r = text[from...].range(of: surface) {
                let s = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
                ms.append(.init(range: TextRange(s, s + surface.utf8.count), label: label, canonical: canonical))
                from = r.upperBound
            }
        }
        ms.sort { $0.range < $1.range }
        return TopicDiff.Statement(document: d, content: TextRange(0, d.bytes.count), mentions: ms)
    }

    private func keys(_ t: String, _ m: [(String, EntityLabel, String)] = []) -> [String] {
        let s = statement(t, m)
        return TopicExtractor().topics(in: s.document, range: s.content, mentions: s.mentions).map(\.key)
    }

    func testNounPhrasesAreNormalisedForCaseArticleAndPlural() {
        XCTAssertTrue(keys("They raised the Election Interferences again").contains("election interference"))
        XCTAssertTrue(keys("the arms control treaties").contains("arms control treaty"))
        XCTAssertTrue(keys("the arms control treaties").contains("treaty"))
    }

    func testEntitiesAreTopicsByCanonicalNameButPeopleAreNot() {
        let k = keys("Biden discussed Iran with the US", [("Biden", .person, "Joseph Biden"), ("Iran", .gpe, "Iran"), ("US", .gpe, "United States")])
        XCTAssertTrue(k.contains("iran"))
        XCTAssertTrue(k.contains("united states"))
        XCTAssertFalse(k.contains("joseph biden"))
    }

    /// Issue 20, clean topics: no contractions (`don't`, `We've`), titles (`programme Mr`), amounts
    /// written as words (`35bn`) or spans of time (`few months`), while named days stay topics.
    func testContractionsTitlesAmountsAndSpansOfTimeAreNoTopics() {
        let k = keys("We've said the plan doesn't work, and the programme Mr Jones backed won't close the 35bn gap in a few months "
                     + "or by Holocaust Memorial Day; they're right about the country you're in.")
        XCTAssertFalse(k.contains { $0.contains("'") || $0.contains("\u{2019}") }, "\(k)")
        XCTAssertFalse(k.contains { $0.hasSuffix(" mr") || $0 == "mr" }, "\(k)")
        XCTAssertFalse(k.contains { $0.contains("35bn") }, "\(k)")
        XCTAssertFalse(k.contains("few month"), "\(k)")
        XCTAssertTrue(k.contains("gap") && k.contains("programme") && k.contains("country"), "\(k)")
        XCTAssertTrue(k.contains { $0.hasPrefix("holocaust memorial") }, "\(k)")
    }

    func testVerbsBreakPhrases() {
        let k = keys("Putin had explained his views on eastern Ukraine", [("Putin", .person, "Vladimir Putin"), ("Ukraine", .gpe, "Ukraine")])
        XCTAssertTrue(k.contains("eastern ukraine"))
        XCTAssertFalse(k.contains { $0.contains("explain") })
    }

    func testSharedOnlyAandOnlyBWithTopicsInTheirOwnClause() {
        let a = [statement("They discussed arms control and election interference.", []),
                 statement("Biden proposed a summit meeting in a third country.", [("Biden", .person, "Joseph Biden")])]
        let b = [statement("Biden wants to cooperate on arms control, Iran's nuclear programme and climate change.",
                           [("Biden", .person, "Joseph Biden"), ("Iran", .gpe, "Iran")]),
                 statement("The Kremlin confirmed that Biden proposed a high-level meeting.", [("Kremlin", .org, "Kremlin"), ("Biden", .person, "Joseph Biden")])]
        let d = TopicDiff.compare(a, b)
        XCTAssertEqual(Set(d.shared.map(\.key)), ["arms control", "meeting"])
        XCTAssertTrue(d.onlyB.map(\.key).contains("iran"))
        XCTAssertTrue(d.onlyB.map(\.key).contains("climate change"))
        XCTAssertTrue(d.onlyA.map(\.key).contains("election interference"))
        XCTAssertFalse(d.onlyA.map(\.key).contains("interference"), "a head cited only with its phrase is pruned")
        XCTAssertFalse(d.onlyA.map(\.key).contains("arms control"))
        let meeting = d.shared.first { $0.key == "meeting" }!
        XCTAssertEqual(a[1].document.string(meeting.a[0].clause), "Biden proposed a summit meeting in a third country")
    }
}


extension TopicDiffTests {
    /// The rail-strike case: pay and ticket offices are shared; job cuts and safety are the
    /// union's alone; modernisation and the public consultation are the company's alone; the
    /// sides' own names are not topics.
    func testStrikeCaseLandsEachTopicInItsColumn() {
        let union = [statement("talks with Network Rail broke down over pay and job cuts on Tuesday"),
                     statement("Our members have not had a pay rise in three years, and the company wants to close ticket offices"),
                     statement("safety would suffer if maintenance jobs were cut")]
        let company = [statement("the RMT union had rejected a fair pay offer of 4%"),
                       statement("This offer is affordable and fair, and modernisation will secure the railway's future"),
                       statement("no ticket offices would close without a public consultation")]
        let d = TopicDiff.compare(union, company, participants: ["Network Rail", "RMT", "the union"])
        XCTAssertEqual(Set(d.shared.map(\.key)), ["pay", "ticket office"])
        XCTAssertTrue(d.onlyA.map(\.key).contains("job cut"))
        XCTAssertTrue(d.onlyA.map(\.key).contains("safety"))
        XCTAssertTrue(d.onlyB.map(\.key).contains("modernisation"))
        XCTAssertTrue(d.onlyB.map(\.key).contains("public consultation"))
        let all = (d.shared + d.onlyA + d.onlyB).map(\.key)
        XCTAssertFalse(all.contains { $0.contains("network") || $0.contains("rail ") || $0 == "rmt union" })
    }
}
