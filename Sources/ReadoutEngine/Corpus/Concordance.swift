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

    /// One line: context cut to whole characters, white space runs (line breaks too) as one space.
    public static func line(_ h: Hit, index: CorpusIndex, width: Int) -> ConcordanceLine {
        let d = index.documents[h.doc]
        let r = h.range
        let left = d.string(TextRange(max(0, r.start - width * 4), r.start))
        let right = d.string(TextRange(r.end, min(d.bytes.count, r.end + width * 4)))
        return ConcordanceLine(hit: h, paragraph: d.paragraphIndex(containing: r.start) ?? 0,
                               sentence: d.sentenceIndex(containing: r.start) ?? 0,
                               left: String(flatten(left).suffix(width)), keyword: flatten(d.string(r)),
                               right: String(flatten(right).prefix(width)))
    }

    /// Runs of white space as single spaces.
    static func flatten(_ s: String) -> String {
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
    /// The matches of `regex` in `doc`, as byte ranges, in order (empty matches skipped).
    public static func matches(_ regex: NSRegularExpression, in doc: Document) -> [TextRange] {
        let text = doc.text
        let ns = regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count))
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
        for m in ns where m.range.length > 0 {
            let s = advance(to: m.range.location)
            let e = advance(to: m.range.location + m.range.length) // matches do not overlap
            out.append(TextRange(s, e))
        }
        return out
    }
}
