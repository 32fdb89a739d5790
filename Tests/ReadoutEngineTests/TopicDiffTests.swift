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

