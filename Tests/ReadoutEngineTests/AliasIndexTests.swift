import XCTest
@testable import ReadoutEngine

/// The alias index holds one id in its table and keeps lists apart for aliases of several entities.
final class AliasIndexTests: XCTestCase {
    func testAddKeepsFirstSeenOrderWithoutRepeatsAndSorts() {
        var index = AliasIndex()
        index.add("blair", 3)
        index.add("blair", 3)
        index.add("brown", 1)
        index.add("brown", 7)
        index.add("brown", 1)
        index.add("brown", 2)
        XCTAssertEqual(index["blair"], [3])
        XCTAssertEqual(index["brown"], [1, 7, 2])
        XCTAssertNil(index["howard"])
        index.sortLists(by: <)
        XCTAssertEqual(index["brown"], [1, 2, 7])
        XCTAssertEqual(index.dictionary, ["blair": [3], "brown": [1, 2, 7]])
        XCTAssertEqual(AliasIndex(index.dictionary).dictionary, index.dictionary)
    }

    func testTheAnalysisIndexAnswersAsItsDictionary() {
        let texts = ["Tony Blair met Gordon Brown in London.", "Mr Brown and Mr Blair spoke.", "Brown, the chancellor, left. The US and the United States."]
        let a = Analyzer().analyze(texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element) })
        let d = a.aliasIndex
        XCTAssertFalse(d.isEmpty)
        for (k, ids) in d { XCTAssertEqual(a.entityIDs(alias: k), ids, k) }
        XCTAssertEqual(a.entityIDs(alias: "The US"), d["us"])
        XCTAssertEqual(a.entityIDs(alias: "nobody here"), [])
    }
}
