import Dispatch
import Foundation
import Synchronization

/// Order-preserving parallel map over many items (serial for few).
public enum ParallelMap {
    /// Maps `indices` with `f`, using every core when there are at least `threshold` items.
    /// Workers take the next index as they finish one, so uneven items balance out.
    public static func map<T: Sendable>(_ indices: Range<Int>, threshold: Int = 8, _ f: @Sendable (Int) -> T) -> [T] {
        let n = indices.count
        if n < threshold { return indices.map(f) }
        let workers = min(n, ProcessInfo.processInfo.activeProcessorCount)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < n else { return }
                    (slots.base + i).initialize(to: f(indices.lowerBound + i))
                }
            }
            initialized = n
        }
    }
}

extension ParallelMap {
    /// Maps `indices` with `f` on every core when `parallel` is true, on one when it is false,
    /// and when it is nil, on every core when there are at least `threshold` items.
    public static func map<T: Sendable>(_ indices: Range<Int>, parallel: Bool?, threshold: Int = 8,
                                        _ f: @Sendable (Int) -> T) -> [T] {
        map(indices, threshold: parallel.map { $0 ? 0 : Int.max } ?? threshold, f)
    }
}

/// The result buffer of a parallel map: each index is written once, by one worker, and read
/// only after every worker is done.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
