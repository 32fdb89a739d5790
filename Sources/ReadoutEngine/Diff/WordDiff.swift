/// Word-level differences between two versions of a text (NewsDiffs-style), by Myers' O(ND) algorithm.
public enum WordDiff {
    /// One run of the edit script.
    public enum Op: String, Sendable {
        case equal, delete, insert
    }

    /// A run of words that are equal, deleted from the old text, or inserted in the new.
    public struct Run: Sendable, Equatable {
        public var op: Op
        public var words: [String]
    }

    /// Splits a text into tokens, each with a leading space when one preceded it, and paragraph
    /// breaks as "¶", so `join` restores the text exactly.
    public static func words(_ d: Document) -> [String] {
        var out: [String] = []
        var lastPara = -1
        for s in d.sentences {
            if s.paragraph != lastPara && lastPara >= 0 { out.append("¶") }
            lastPara = s.paragraph
            for i in s.tokens {
                let t = d.tokens[i]
                let space = t.has(Token.spaceBefore) && !t.has(Token.paragraphStart)
                out.append((space ? " " : "") + d.string(t.range))
            }
        }
        return out
    }

    /// The shortest edit script turning `a` into `b`, as runs.
    public static func diff(_ a: [String], _ b: [String]) -> [Run] {
        let n = a.count, m = b.count
        let maxD = n + m
        if maxD == 0 { return [] }
        var v = [Int](repeating: 0, count: 2 * maxD + 2)
        var trace: [[Int]] = []
        let off = maxD + 1
        outer: for d in 0...maxD {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[off + k - 1] < v[off + k + 1]) { x = v[off + k + 1] } else { x = v[off + k - 1] + 1 }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[off + k] = x
                if x >= n && y >= m { trace.append(v); break outer }
                k += 2
            }
        }
        // backtrack
        var ops: [(Op, String)] = []
        var x = n, y = m
        for d in stride(from: trace.count - 2, through: 0, by: -1) {
            let vd = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && vd[off + k - 1] < vd[off + k + 1]) { prevK = k + 1 } else { prevK = k - 1 }
            let prevX = vd[off + prevK], prevY = prevX - prevK
            while x > prevX && y > prevY { ops.append((.equal, a[x - 1])); x -= 1; y -= 1 }
            if d > 0 {
                if x == prevX { ops.append((.insert, b[y - 1])); y -= 1 } else { ops.append((.delete, a[x - 1])); x -= 1 }
            }
        }
        while x > 0 && y > 0 { ops.append((.equal, a[x - 1])); x -= 1; y -= 1 }
        ops.reverse()
        var runs: [Run] = []
        for (op, w) in ops {
            if let last = runs.last, last.op == op { runs[runs.count - 1].words.append(w) } else { runs.append(Run(op: op, words: [w])) }
        }
        return runs
    }

    /// Joins tokens from `words` back into text.
    public static func join(_ words: [String]) -> String {
        var s = ""
        for w in words {
            if w == "¶" { s += "\n"; continue }
            s += s.isEmpty || s.hasSuffix("\n") ? String(w.drop(while: { $0 == " " })) : w
        }
        return s
    }
}
