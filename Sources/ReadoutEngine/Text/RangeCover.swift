/// A set of text ranges that answers "does one of them contain this range?" in O(log n): the
/// ranges sorted by start, with the furthest end reached so far beside each. A long document's
/// thousands of quotations are asked about for every antecedent a pronoun looks at, so a scan of
/// them all made speaker resolution quadratic in the document's length.
struct RangeCover: Sendable {
    private let starts: [Int]
    private let furthestEnd: [Int]

    init(_ ranges: [TextRange]) {
        let sorted = ranges.sorted { $0.start < $1.start }
        starts = sorted.map(\.start)
        var far = Int.min
        furthestEnd = sorted.map { far = max(far, $0.end); return far }
    }

    /// Whether some range of the set contains `r`.
    func contains(_ r: TextRange) -> Bool {
        var lo = 0, hi = starts.count // the first range starting after `r` starts
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid] <= r.start { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && furthestEnd[lo - 1] >= r.end
    }
}
