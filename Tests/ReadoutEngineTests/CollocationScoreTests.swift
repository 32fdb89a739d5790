import XCTest
@testable import ReadoutEngine

/// Collocation scores checked against values worked out by hand on a tiny corpus.
final class CollocationScoreTests: XCTestCase {
    /// Four sentences, twelve word tokens (N = 12):
    ///
    ///     Red fox runs. | Red fox sleeps. | Blue fox runs. | Red car stops.
    ///
    /// Node `fox` (3 occurrences), window 1 inside the sentence: the windows hold
    /// red, runs | red, sleeps | blue, runs, so R1 = 6 positions.
    ///
    /// `red`: O11 = 2, C1 = 3 (red occurs three times).
    ///   E11 = R1·C1/N = 6·3/12 = 1.5
    ///   MI  = log2(2/1.5) = log2(1.3333) = 0.415037
    ///   t   = (2 − 1.5)/√2 = 0.353553
    ///   table O = [2, 4, 1, 5] (O12 = 6−2, O21 = 3−2, O22 = 12−6−1),
    ///         E = [1.5, 4.5, 1.5, 4.5] (R1 = R2 = 6, C1 = 3, C2 = 9)
    ///   LL  = 2·(2·ln(2/1.5) + 4·ln(4/4.5) + 1·ln(1/1.5) + 5·ln(5/4.5))
    ///       = 2·(0.575364 − 0.471132 − 0.405465 + 0.526803) = 2·0.225570 = 0.451140
    ///
    /// `runs`: O11 = 2, C1 = 2. E11 = 6·2/12 = 1. MI = log2(2) = 1. t = (2 − 1)/√2 = 0.707107.
    ///   O = [2, 4, 0, 6], E = [1, 5, 1, 5]
    ///   LL = 2·(2·ln 2 + 4·ln 0.8 + 6·ln 1.2) = 2·(1.386294 − 0.892574 + 1.093929) = 3.175298
    ///
    /// `blue`: O11 = 1, C1 = 1. E11 = 0.5. MI = 1. t = 0.5/1 = 0.5.
    ///   O = [1, 5, 0, 6], E = [0.5, 5.5, 0.5, 5.5]
    ///   LL = 2·(ln 2 + 5·ln(5/5.5) + 6·ln(6/5.5)) = 2·(0.693147 − 0.476551 + 0.522068) = 1.477328
    let text = "Red fox runs. Red fox sleeps. Blue fox runs. Red car stops."

    func collocates(window: Int) -> [String: Collocate] {
        let index = CorpusIndex(documents: [Document(id: "d", text: text)])
        let nodes = index.hits(of: index.term("fox")!)
        XCTAssertEqual(nodes.count, 3)
        XCTAssertEqual(index.wordCount, 12)
        var out: [String: Collocate] = [:]
        for c in Collocation.collocates(of: nodes, index: index, window: window) { out[c.word] = c }
        return out
    }

    func testScoresMatchHandComputation() throws {
        let cs = collocates(window: 1)
        XCTAssertEqual(Set(cs.keys), ["red", "runs", "sleeps", "blue"])
        let red = try XCTUnwrap(cs["red"]).scores
        XCTAssertEqual(red.o11, 2); XCTAssertEqual(red.r1, 6); XCTAssertEqual(red.c1, 3); XCTAssertEqual(red.n, 12)
        XCTAssertEqual(red.e11, 1.5, accuracy: 1e-9)
        XCTAssertEqual(red.mi, 0.415037, accuracy: 1e-6)
        XCTAssertEqual(red.t, 0.353553, accuracy: 1e-6)
        XCTAssertEqual(red.ll, 0.451140, accuracy: 1e-5)

        let runs = try XCTUnwrap(cs["runs"]).scores
        XCTAssertEqual(runs.mi, 1, accuracy: 1e-9)
        XCTAssertEqual(runs.t, 0.707107, accuracy: 1e-6)
        XCTAssertEqual(runs.ll, 3.175298, accuracy: 1e-5)
        XCTAssertEqual(cs["runs"]!.left, 0); XCTAssertEqual(cs["runs"]!.right, 2)

        let blue = try XCTUnwrap(cs["blue"]).scores
        XCTAssertEqual(blue.mi, 1, accuracy: 1e-9)
        XCTAssertEqual(blue.t, 0.5, accuracy: 1e-9)
        XCTAssertEqual(blue.ll, 1.477328, accuracy: 1e-5)
    }

    /// Windows stop at the sentence end: with window 2 the right neighbours are still only
    /// `runs`/`sleeps`, never the next sentence's `Red`, so R1 stays 6.
    func testWindowsStayInsideTheSentence() {
        let cs = collocates(window: 2)
        XCTAssertEqual(cs["red"]?.scores.r1, 6)
        XCTAssertEqual(cs["red"]?.scores.o11, 2)
        XCTAssertEqual(cs["red"]?.right, 0)
    }

    /// Ranking: by LL, runs (3.18) > blue = sleeps (1.48, alphabetical) > red (0.45); `min` drops single co-occurrences.
    func testRankingAndMinimum() {
        let cs = Array(collocates(window: 1).values)
        XCTAssertEqual(Collocation.ranked(cs, by: .ll, min: 1).map(\.word), ["runs", "blue", "sleeps", "red"])
        XCTAssertEqual(Collocation.ranked(cs, by: .ll, min: 2).map(\.word), ["runs", "red"])
        XCTAssertEqual(Collocation.ranked(cs, by: .t, min: 1).first?.word, "runs")
    }

    /// A pair seen less often than expected gets a negative (repelling) log-likelihood.
    func testRepulsionIsNegative() {
        let s = AssociationScores(o11: 1, r1: 50, c1: 40, n: 100) // E11 = 20
        XCTAssertLessThan(s.ll, 0)
        XCTAssertLessThan(s.mi, 0)
    }

    /// Keyness LL by hand: 10 of 1,000 words in A and none of 1,000 in B: E = 5 each side,
    /// G² = 2·(10·ln(10/5)) = 13.862944; log ratio = log2((10/1000)/(0.5/1000)) = log2 20 = 4.321928.
    func testKeynessByHand() {
        XCTAssertEqual(Keyness.logLikelihood(a: 10, sizeA: 1000, b: 0, sizeB: 1000), 13.862944, accuracy: 1e-5)
        let index = CorpusIndex(documents: [Document(id: "a", text: "Sanctions sanctions talks."), Document(id: "b", text: "Talks talks talks.")])
        var a = Keyness.Counts(), b = Keyness.Counts()
        a.add(doc: 0, index: index)
        b.add(doc: 1, index: index)
        let scores = Keyness.compare(a, b, index: index, stopWords: true)
        // sanctions: a = 2 of 3, b = 0 of 3; E = 1 each; G² = 2·2·ln 2 = 2.772589; log ratio = log2((2/3)/(0.5/3)) = 2
        let s = scores.first { $0.word == "sanctions" }!
        XCTAssertTrue(s.overInA)
        XCTAssertEqual(s.ll, 2.772589, accuracy: 1e-5)
        XCTAssertEqual(s.logRatio, 2, accuracy: 1e-9)
        // talks: a = 1, b = 3; E = 2 each; G² = 2·(1·ln 0.5 + 3·ln 1.5) = 2·(−0.693147 + 1.216395) = 1.046496
        let t = scores.first { $0.word == "talks" }!
        XCTAssertFalse(t.overInA)
        XCTAssertEqual(t.ll, 1.046496, accuracy: 1e-5)
        XCTAssertEqual(Keyness.stars(13.9), "***")
        XCTAssertEqual(Keyness.stars(2.77), "")
    }
}
