import XCTest
@testable import ReadoutEngine

final class LemmatizerTests: XCTestCase {
    let l = Lemmatizer.shared

    func testPlurals() {
        XCTAssertEqual(l.lemma("talks"), "talk")
        XCTAssertEqual(l.lemma("policies"), "policy")
        XCTAssertEqual(l.lemma("taxes"), "tax")
        XCTAssertEqual(l.lemma("matches"), "match")
        XCTAssertEqual(l.lemma("prices"), "price")
        XCTAssertEqual(l.lemma("houses"), "house")
        XCTAssertEqual(l.lemma("classes"), "class")
        XCTAssertEqual(l.lemma("men"), "man")
        XCTAssertEqual(l.lemma("crises"), "crisis")
    }

    func testVerbForms() {
        XCTAssertEqual(l.lemma("said"), "say")
        XCTAssertEqual(l.lemma("hoped"), "hope")
        XCTAssertEqual(l.lemma("helped"), "help")
        XCTAssertEqual(l.lemma("stopped"), "stop")
        XCTAssertEqual(l.lemma("planned"), "plan")
        XCTAssertEqual(l.lemma("added"), "add")
        XCTAssertEqual(l.lemma("called"), "call")
        XCTAssertEqual(l.lemma("tried"), "try")
        XCTAssertEqual(l.lemma("voted"), "vote")
        XCTAssertEqual(l.lemma("running"), "run")
        XCTAssertEqual(l.lemma("making"), "make")
        XCTAssertEqual(l.lemma("talking"), "talk")
        XCTAssertEqual(l.lemma("proposed"), "propose")
        XCTAssertEqual(l.lemma("discussed"), "discuss")
    }

    func testWordsLeftAlone() {
        for w in ["news", "crisis", "status", "business", "meeting", "this", "was", "us", "bus", "need", "thing", "during", "red"] {
            XCTAssertEqual(l.lemma(w), w, w)
        }
    }
}
