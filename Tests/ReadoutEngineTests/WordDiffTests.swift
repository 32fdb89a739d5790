import XCTest
@testable import ReadoutEngine

final class WordDiffTests: XCTestCase {
    private func apply(_ runs: [WordDiff.Run], to a: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        for r in runs {
            switch r.op {
            case .equal: XCTAssertEqual(Array(a[i..<(i + r.words.count)]), r.words); out += r.words; i += r.words.count
            case .delete: XCTAssertEqual(Array(a[i..<(i + r.words.count)]), r.words); i += r.words.count
            case .insert: out += r.words
            }
        }
        XCTAssertEqual(i, a.count)
        return out
    }

    func testUpdatedStoryShowsChangedWords() {
        let old = WordDiff.words(Document(id: "a", text: "Ten people were hurt in the blast, police said."))
        let new = WordDiff.words(Document(id: "b", text: "Twelve people were hurt in the blast, officials said on Friday."))
        let runs = WordDiff.diff(old, new)
        XCTAssertEqual(apply(runs, to: old), new)
        XCTAssertEqual(runs.filter { $0.op == .delete }.map(\.words), [["Ten"], [" police"]])
        XCTAssertEqual(runs.filter { $0.op == .insert }.map(\.words), [["Twelve"], [" officials"], [" on", " Friday"]])
    }

    func testJoinRestoresTheTextExactly() {
        let text = "“We will act,” he said (firmly).\nNext — line’s end..."
        XCTAssertEqual(WordDiff.join(WordDiff.words(Document(id: "a", text: text))), text)
    }

    func testEdgeCases() {
        XCTAssertEqual(WordDiff.diff([], []), [])
        XCTAssertEqual(WordDiff.diff(["a"], []), [WordDiff.Run(op: .delete, words: ["a"])])
        XCTAssertEqual(WordDiff.diff([], ["b"]), [WordDiff.Run(op: .insert, words: ["b"])])
        let a = ["x", "y", "z", "x", "y"], b = ["y", "x", "z", "y", "x", "q"]
        XCTAssertEqual(apply(WordDiff.diff(a, b), to: a), b)
    }

}
