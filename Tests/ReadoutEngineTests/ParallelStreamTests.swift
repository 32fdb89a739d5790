import Synchronization
import XCTest
@testable import ReadoutEngine

/// `ParallelMap.stream`: results reach the consumer in index order, the same serial or parallel,
/// and no more than the window wait unconsumed.
final class ParallelStreamTests: XCTestCase {
    func testResultsArriveInOrderSerialOrParallel() {
        for n in [0, 1, 2, 7, 64, 1000] {
            for parallel in [false, true] {
                var seen: [Int] = []
                ParallelMap.stream(n, parallel: parallel, window: 5, produce: { $0 * 3 }) { i, v in
                    XCTAssertEqual(v, i * 3)
                    seen.append(i)
                }
                XCTAssertEqual(seen, Array(0..<n), "n=\(n) parallel=\(parallel)")
            }
        }
    }

    func testProducersStayWithinTheWindow() {
        let window = 4
        let produced = Atomic<Int>(0)
        var consumed = 0
        var mostAhead = 0
        ParallelMap.stream(400, parallel: true, window: window, produce: { i -> Int in
            // uneven work, so that some workers run ahead while the consumer is slow
            var x = i
            for _ in 0..<(i % 7) * 2000 { x = x &* 31 &+ 7 }
            produced.add(1, ordering: .sequentiallyConsistent)
            return x
        }) { _, _ in
            consumed += 1
            mostAhead = max(mostAhead, produced.load(ordering: .sequentiallyConsistent) - consumed)
            usleep(50) // a slow consumer
        }
        XCTAssertEqual(consumed, 400)
        XCTAssertLessThanOrEqual(mostAhead, window)
    }

    func testConcatenateJoinsEachIndexsArrayInOrder() {
        for parallel in [false, true] {
            let counts = (0..<300).map { $0 % 4 }
            let joined = ParallelMap.concatenate(counts, parallel: parallel) { i in (0..<counts[i]).map { "\(i).\($0)" } }
            XCTAssertEqual(joined, counts.indices.flatMap { i in (0..<counts[i]).map { "\(i).\($0)" } })
            XCTAssertEqual(ParallelMap.concatenate([0, 0], parallel: parallel) { _ in [Int]() }, [])
        }
    }
}
