/// A stretch of quoted words between an opening double quotation mark and its closing mark,
/// or the point where an unclosed quotation stops.
struct QuoteSegment: Equatable {
    /// Token index of the opening mark.
    var open: Int
    /// Token index of the closing mark; nil when the quotation was never closed.
    var close: Int?
    /// One past the last quoted token.
    var end: Int
    /// The segment continues the one before it: it opened while that one was still open
    /// (a continuation paragraph, or BBC style `…26 weeks. "We are going…` within a line).
    var continues: Bool
    /// One past the last token of the construct (the closing mark, else `end`).
    var after: Int { close.map { $0 + 1 } ?? end }
    /// The quoted tokens.
    var inner: Range<Int> { (open + 1)..<max(open + 1, end) }
}

/// Pairs double quotation marks into segments, paragraph by paragraph.
///
/// An opening mark while a quotation is open starts a continuation; a paragraph that ends with
/// a quotation open continues into the next one only if that one opens with a quotation mark.
/// Otherwise an unclosed quotation stops at the paragraph end, or after three sentences, so
/// an unbalanced mark never swallows the rest of the article.
enum QuoteMarks {
    /// Sentences an unclosed quotation may run over when nothing continues it.
    static let unclosedSentences = 3

    static func segments(_ t: QuoteText) -> [QuoteSegment] {
        var out: [QuoteSegment] = []
        var carry = false // the previous paragraph ended inside a quotation
        let paragraphs = t.doc.paragraphs
        for (pi, p) in paragraphs.enumerated() {
            var open: Int? = nil
            var cont = false
            for k in p.tokens where t.isQuoteMark[k] {
                let tok = t.tokens[k]
                if let o = open {
                    if tok.has(Token.closing) && !tok.has(Token.opening) {
                        out.append(QuoteSegment(open: o, close: k, end: k, continues: cont))
                        open = nil
                        cont = false
                    } else if tok.has(Token.opening) {
                        out.append(QuoteSegment(open: o, close: nil, end: k, continues: cont))
                        open = k
                        cont = true
                    }
                } else if tok.has(Token.opening) {
                    open = k
                    cont = carry && k == p.tokens.lowerBound
                }
                carry = false
            }
            carry = false
            if let o = open {
                let next = pi + 1 < paragraphs.count ? paragraphs[pi + 1].tokens.lowerBound : t.count
                let nextOpens = next < t.count && t.isQuoteMark[next] && t.tokens[next].has(Token.opening)
                var end = p.tokens.upperBound
                if !nextOpens {
                    let s = Int(t.sentenceOf[o]) + unclosedSentences - 1
                    if s < p.sentences.upperBound - 1 { end = t.doc.sentences[s].tokens.upperBound }
                }
                out.append(QuoteSegment(open: o, close: nil, end: end, continues: cont))
                carry = nextOpens
            }
        }
        return out.filter { !$0.inner.isEmpty }
    }
}
