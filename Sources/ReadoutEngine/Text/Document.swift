/// A document: it owns its text; tokens, sentences and paragraphs are ranges into it.
public struct Document: Sendable {
    /// Short, stable identifier within a workspace (e.g. `seed-000`, `business-001`).
    public let id: String
    /// The text as UTF-8 bytes; every `TextRange` indexes these. The document keeps only these,
    /// not a second copy as a `String`.
    public let bytes: [UInt8]
    /// The full text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Tokens in text order.
    public let tokens: [Token]
    /// Sentences in text order.
    public let sentences: [Sentence]
    /// Paragraphs (non-empty lines) in text order.
    public let paragraphs: [Paragraph]

    /// Number of whitespace-separated words, as the reference pipeline counts them.
    public let wordCount: Int

    /// Creates and tokenises a document.
    public init(id: String, text: String, tokenizer: Tokenizer = Tokenizer()) {
        self.init(id: id, bytes: Array(text.utf8), tokenizer: tokenizer)
    }

    /// Creates and tokenises a document from its text as UTF-8 bytes, keeping `bytes` as they are
    /// (no copy). `bytes` must be valid UTF-8; then the document is the one `init(id:text:)` makes
    /// from `String(decoding: bytes, as: UTF8.self)`.
    public init(id: String, bytes: [UInt8], tokenizer: Tokenizer = Tokenizer()) {
        self.id = id
        self.bytes = bytes
        let out = tokenizer.tokenize(bytes)
        self.tokens = out.tokens
        self.sentences = out.sentences
        self.paragraphs = out.paragraphs
        self.wordCount = Document.countWords(bytes)
    }

    private init(id: String, sharing other: Document) {
        self.id = id
        self.bytes = other.bytes
        self.tokens = other.tokens
        self.sentences = other.sentences
        self.paragraphs = other.paragraphs
        self.wordCount = other.wordCount
    }

    /// The same document under another id; its text and tokens are shared, not copied.
    public func withID(_ id: String) -> Document {
        Document(id: id, sharing: self)
    }

    /// The text covered by `range`.
    public func string(_ range: TextRange) -> String {
        let s = max(0, min(range.start, bytes.count)), e = max(s, min(range.end, bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// The text of token `i`.
    public func string(token i: Int) -> String { string(tokens[i].range) }

    /// Words start where a non-space byte follows a space (or the start); spaces are
    /// `\t \n \v \f \r` and ` `. Branch-free, as it runs over every loaded byte.
    static func countWords(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { b in
            var count = 0
            var prevSpace = 1
            for c in b {
                // 0x09...0x0D or 0x20
                let space = (c &- 0x09 < 5 || c == 0x20) ? 1 : 0
                count &+= prevSpace & (space ^ 1)
                prevSpace = space
            }
            return count
        }
    }

    /// The index of the sentence containing byte `offset`, if any.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = sentences[mid].range
            if offset < r.start { hi = mid - 1 } else if offset >= r.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The index of the paragraph containing byte `offset`, if any.
    public func paragraphIndex(containing offset: Int) -> Int? {
        var lo = 0, hi = paragraphs.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = paragraphs[mid].range
            if offset < r.start { hi = mid - 1 } else if offset >= r.end { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    /// The index of the first token starting at or after byte `offset`.
    public func tokenIndex(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].range.start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Converts a UTF-8 offset to a Unicode scalar offset (what Python's `str` indexes).
    public func scalarOffset(_ utf8Offset: Int) -> Int {
        var n = 0
        for c in bytes[0..<max(0, min(utf8Offset, bytes.count))] where c & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
