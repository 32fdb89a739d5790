/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// The candidates closest to `name` within a small edit distance (all ties, in the given order).
    public static func closest(to name: String, in candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(name.lowercased())
        guard !target.isEmpty else { return [] }
        let maxDistance = max(1, min(3, target.count / 3 + 1))
        var scored: [(Int, Int, String)] = []
        for (i, c) in candidates.enumerated() {
            let lc = Array(c.lowercased())
            var d = distance(target, lc)
            if lc.starts(with: target) && target.count >= 2 { d = 0 }
            if d <= maxDistance { scored.append((d, i, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        guard let best = scored.first?.0 else { return [] }
        return scored.filter { $0.0 == best }.prefix(limit).map { $0.2 }
    }

    /// Damerau-Levenshtein (optimal string alignment) distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cur[j] = min(cur[j], prev2[j - 2] + 1)
                }
            }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[b.count]
    }
}
