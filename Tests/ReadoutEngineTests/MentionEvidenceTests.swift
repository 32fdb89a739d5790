import XCTest
@testable import ReadoutEngine

/// A corpus keeps each mention's rule; its detail is worked out again from the mention's document.
final class MentionEvidenceTests: XCTestCase {
    func testEachMentionsDetailComesBackFromItsOwnDocument() {
        let docs = [Document(id: "a", text: "Tony Blair met officials in France on Monday."),
                    Document(id: "b", text: "President Joseph Biden spoke in Paris. Biden then left for Berlin.")]
        let a = Analyzer().analyze(docs)
        for d in docs.indices {
            let ev = a.mentionEvidence(doc: d)
            XCTAssertEqual(ev.count, a.documents[d].mentions.count)
            XCTAssertEqual(ev.map(\.rule), a.documents[d].mentions.map(\.rule))
            XCTAssertTrue(ev.allSatisfy { !$0.detail.isEmpty }, "\(ev)")
        }
        let second = a.mentionEvidence(doc: 1)
        XCTAssertTrue(second.contains { $0.rule == "gazetteer" && $0.detail.contains("Paris") }, "\(second)")
        XCTAssertTrue(second.contains { $0.rule == "surname" && $0.detail.contains("Joseph Biden") }, "\(second)")
        XCTAssertFalse(second.contains { $0.detail.contains("France") }, "the first document's details")
    }
}
