import Dispatch
import Synchronization

/// Order-preserving parallel map over many items (serial for few).
public enum ParallelMap {
    /// Maps `indices` with `f`, using every core when there are at least `threshold` items.
    /// Workers take the next index as they finish one, so uneven items balance out.
    public static func map<T: Sendable>(_ indices: Range<Int>, threshold: Int = 8, _ f: @Sendable (Int) -> T) -> [T] {
        let n = indices.count
        if n < threshold { return indices.map(f) }
        let workers = min(n, Cores.available)
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

extension ParallelMap {
    /// Runs `produce` for every index in `0..<count` and hands each result to `consume` on the
    /// calling thread, in index order. With `parallel`, `produce` runs on every core while the
    /// caller consumes, and at most `window` results wait to be consumed, so a pipeline whose
    /// last step is serial (the corpus-wide merge) holds a few documents' intermediate results
    /// at a time instead of every document's. Serial or parallel, `consume` sees the same values
    /// in the same order.
    public static func stream<T: Sendable>(_ count: Int, parallel: Bool, window: Int = 64,
                                           produce: @escaping @Sendable (Int) -> T, consume: (Int, T) -> Void) {
        guard parallel, count > 1 else {
            for i in 0..<count { consume(i, produce(i)) }
            return
        }
        let results = TakeOnce<T>(count: count)
        let ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        // a worker takes a place in the window before it takes an index; the consumer frees one per result
        let room = DispatchSemaphore(value: max(1, window))
        let next = Atomic<Int>(0)
        let workers = min(count, Cores.available)
        let done = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    room.wait()
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < count else { room.signal(); return }
                    results.put(i, produce(i))
                    ready[i].signal()
                }
            }
        }
        for i in 0..<count {
            ready[i].wait()
            let value = results.take(i)
            room.signal()
            consume(i, value)
        }
        done.wait()
    }
}

extension ParallelMap {
    /// The arrays `f` gives for `0..<counts.count`, joined in order, made in parallel as `map`
    /// is. Each array is written straight to its place in the result, so the per-index arrays
    /// and the joined one never all exist at once. `f(i)` must give exactly `counts[i]` elements
    /// (it is not called at all when every count is 0).
    public static func concatenate<T: Sendable>(_ counts: [Int], parallel: Bool?, threshold: Int = 8,
                                                _ f: @Sendable (Int) -> [T]) -> [T] {
        var starts = [Int](repeating: 0, count: counts.count)
        var total = 0
        for (i, c) in counts.enumerated() {
            starts[i] = total
            total += c
        }
        guard total > 0 else { return [] }
        let offsets = starts
        return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            _ = map(0..<counts.count, parallel: parallel, threshold: threshold) { i in
                let part = f(i)
                precondition(part.count == counts[i], "concatenate: index \(i) gave \(part.count) elements, not \(counts[i])")
                _ = UnsafeMutableBufferPointer(start: slots.base + offsets[i], count: part.count).initialize(from: part)
            }
            initialized = total
        }
    }
}

/// Values by index, each put once and taken once, so that each lives only until the step that
/// needs it takes it. The caller orders a put before its take (a signal per index, or one worker
/// per index); different indices may be used on different threads at once.
final class TakeOnce<T: Sendable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    /// Room for `count` values, none put yet.
    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    /// The values, each waiting to be taken.
    init(_ values: consuming [T]) {
        count = values.count
        base = .allocate(capacity: count)
        for (i, v) in values.enumerated() { (base + i).initialize(to: v) }
    }

    /// Puts the value of index `i`.
    func put(_ i: Int, _ value: T) { base[i] = value }

    /// Takes the value of index `i`, which then is let go here.
    func take(_ i: Int) -> T { base[i].take()! }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// The result buffer of a parallel map: each index is written once, by one worker, and read
/// only after every worker is done.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
