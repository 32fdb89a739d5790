import Foundation

/// One line of a concordance (keyword in context).
public struct ConcordanceLine: Hashable, Sendable {
    /// The match.
    public var hit: Hit
    /// Index of the paragraph holding the match (0-based).
    public var paragraph: Int
    /// Index of the sentence holding the match (0-based).
    public var sentence: Int
    /// Up to `width` characters before the match, line breaks as spaces.
    public var left: String
    /// The match as written.
    public var keyword: String
    /// Up to `width` characters after the match.
    public var right: String
}

/// Concordance order.
public enum ConcordanceSort: String, CaseIterable, Sendable {
    /// Corpus order: document, then position.
    case doc
    /// By the words before the keyword, nearest first (1L, 2L, 3L).
    case left
    /// By the words after the keyword (1R, 2R, 3R).
    case right
}

/// Builds keyword-in-context lines.
public enum Concordance {
    /// Lines for `hits`, each with `width` characters of context either side, in `sort` order.
    public static func lines(_ hits: [Hit], index: CorpusIndex, width: Int, sort: ConcordanceSort = .doc) -> [ConcordanceLine] {
        var hs = hits.sorted()
        switch sort {
        case .doc: break
        case .left, .right:
            let keyed = hs.map { ($0, sortKey($0, index: index, left: sort == .left)) }
            hs = keyed.sorted { $0.1 != $1.1 ? $0.1.lexicographicallyPrecedes($1.1) : $0.0 < $1.0 }.map(\.0)
        }
        return hs.map { line($0, index: index, width: width) }
    }

    /// The words nearest the hit on one side (up to three), lower-cased, nearest first.
    static func sortKey(_ h: Hit, index: CorpusIndex, left: Bool) -> [String] {
        let d = index.documents[h.doc]
        let tt = index.tokenTerms[h.doc]
        var key: [String] = []
        if left {
            var k = d.tokenIndex(atOrAfter: h.range.start) - 1
            while k >= 0, key.count < 3 {
                if d.tokens[k].kind == .word || d.tokens[k].kind == .number { key.append(index.terms[Int(tt[k])]) }
                k -= 1
            }
        } else {
            var k = d.tokenIndex(atOrAfter: h.range.end)
            while k < d.tokens.count, key.count < 3 {
                if d.tokens[k].kind == .word || d.tokens[k].kind == .number { key.append(index.terms[Int(tt[k])]) }
                k += 1
            }
        }
        while key.count < 3 { key.append("") }
        return key
    }

    /// One line: context cut to whole Unicode scalars, white space runs (line breaks too) as one
    /// space, the space next to the keyword dropped. Works on bytes, so long lists stay fast.
    public static func line(_ h: Hit, index: CorpusIndex, width: Int) -> ConcordanceLine {
        let d = index.documents[h.doc]
        let c = context(d, h.range, width: width)
        return ConcordanceLine(hit: h, paragraph: d.paragraphIndex(containing: h.range.start) ?? 0,
                               sentence: d.sentenceIndex(containing: h.range.start) ?? 0,
                               left: c.left, keyword: c.keyword, right: c.right)
    }

    /// The keyword at `r` in `d` with up to `width` characters of context each side, as a
    /// concordance line shows it (also used by `mentions`).
    public static func context(_ d: Document, _ r: TextRange, width: Int) -> (left: String, keyword: String, right: String) {
        d.bytes.withUnsafeBufferPointer { b in
            let left = flatBytes(b, max(0, r.start - width * 4), r.start)
            let right = flatBytes(b, r.end, min(b.count, r.end + width * 4))
            return (cut(left, width, fromEnd: true), String(decoding: flatBytes(b, r.start, r.end), as: UTF8.self),
                    cut(right, width, fromEnd: false))
        }
    }

    /// Bytes `s..<e` with every run of ASCII white space as one space (starting on a scalar boundary).
    static func flatBytes(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8] {
        var i = s
        while i < e, b[i] & 0xC0 == 0x80 { i += 1 }
        var out: [UInt8] = []
        out.reserveCapacity(e - i)
        var space = false
        while i < e {
            let c = b[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0B || c == 0x0C {
                if !space { out.append(0x20) }
                space = true
            } else {
                out.append(c)
                space = false
            }
            i += 1
        }
        return out
    }

    /// At most `width` scalars from one end of UTF-8 `bytes` (not counting spaces next to the
    /// keyword), spaces at both ends trimmed.
    static func cut(_ bytes: [UInt8], _ width: Int, fromEnd: Bool) -> String {
        var lo = 0, hi = bytes.count
        if fromEnd {
            while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
            var n = 0, i = hi
            while i > lo, n < width {
                i -= 1
                if bytes[i] & 0xC0 != 0x80 { n += 1 }
            }
            lo = i
            while lo < hi, bytes[lo] == 0x20 { lo += 1 }
        } else {
            while lo < hi, bytes[lo] == 0x20 { lo += 1 }
            var n = 0, i = lo
            while i < hi {
                if bytes[i] & 0xC0 != 0x80 {
                    if n == width { break }
                    n += 1
                }
                i += 1
            }
            hi = i
            while hi > lo, bytes[hi - 1] == 0x20 { hi -= 1 }
        }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// Runs of white space as single spaces.
    public static func flatten(_ s: String) -> String {
        guard s.contains(where: { $0.isWhitespace && $0 != " " }) || s.contains("  ") else { return s }
        var out = ""
        var space = false
        for c in s {
            if c.isWhitespace { if !space { out.append(" ") }; space = true } else { out.append(c); space = false }
        }
        return out
    }
}

/// Regular-expression matching over documents, with UTF-8 ranges.
public enum RegexSearch {
    /// Why matching stopped before the end.
    public enum Stop: Error, Equatable {
        /// One match took more than the budget of work (`(a+)+$` on a run of letters backtracks without end).
        case budget
        /// `cancelled` said so (Ctrl-C, a terminating signal).
        case cancelled
    }

    /// Work allowed for one match, in the matcher's progress reports beyond one per place a match is
    /// tried; ICU reports once per 10,000 steps of its engine, so about 5 million steps (under a
    /// second) go on one match before it is given up.
    public static let matchBudget = 500
    /// However the work is counted, no match is looked for longer than this (seconds): a long
    /// document leaves room for many places to try, and a report per place.
    public static let matchSeconds = 20.0

    /// The matches of `regex` in `doc`, as byte ranges, in order (empty matches skipped). Stops with
    /// `.budget` when one match costs more than `budget` (see `matchBudget`), and with `.cancelled`
    /// when `cancelled` returns true (asked every few hundred reports).
    public static func matches(_ regex: NSRegularExpression, in doc: Document, budget: Int = matchBudget,
                               cancelled: () -> Bool = { false }) throws(Stop) -> [TextRange] {
        let text = doc.text
        let length = text.utf16.count
        var ns: [NSRange] = []
        var stopped: Stop? = nil
        // The matcher reports progress at every place it tries a match and every 10,000 steps within
        // one: since the last match there can be at most one report per place left to try, so reports
        // beyond those are steps of one match.
        var reports = 0, lastEnd = 0
        var since = DispatchTime.now().uptimeNanoseconds
        let limit = UInt64(matchSeconds * 1e9)
        withoutActuallyEscaping(cancelled) { cancelled in
        regex.enumerateMatches(in: text, options: [.reportProgress], range: NSRange(location: 0, length: length)) { m, _, stop in
            if let m {
                ns.append(m.range)
                reports = 0
                lastEnd = m.range.location + m.range.length
                since = DispatchTime.now().uptimeNanoseconds
                return
            }
            reports += 1
            if reports - (length - lastEnd + 1) > budget {
                stopped = .budget
            } else if reports & 0xFF == 0 {
                if cancelled() { stopped = .cancelled }
                else if DispatchTime.now().uptimeNanoseconds - since > limit { stopped = .budget }
            }
            if stopped != nil { stop.pointee = true }
        }
        }
        if let stopped { throw stopped }
        guard !ns.isEmpty else { return [] }
        // walk the bytes once, turning UTF-16 offsets (increasing) into UTF-8 offsets
        var u16 = 0, u8 = 0
        let bytes = doc.bytes
        func advance(to target: Int) -> Int {
            while u16 < target, u8 < bytes.count {
                let c = bytes[u8]
                let len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
                u8 += len
                u16 += len == 4 ? 2 : 1
            }
            return u8
        }
        var out: [TextRange] = []
        for m in ns where m.length > 0 {
            let s = advance(to: m.location)
            let e = advance(to: m.location + m.length) // matches do not overlap
            out.append(TextRange(s, e))
        }
        return out
    }
}

extension Document {
    /// Unicode scalar offsets (what Python's `str` indexes) of many UTF-8 offsets, in one pass.
    public func scalarOffsets(_ utf8Offsets: [Int]) -> [Int] {
        let order = utf8Offsets.indices.sorted { utf8Offsets[$0] < utf8Offsets[$1] }
        var out = [Int](repeating: 0, count: utf8Offsets.count)
        var i = 0, n = 0
        for k in order {
            let target = max(0, min(utf8Offsets[k], bytes.count))
            while i < target {
                if bytes[i] & 0xC0 != 0x80 { n += 1 }
                i += 1
            }
            out[k] = n
        }
        return out
    }
}
