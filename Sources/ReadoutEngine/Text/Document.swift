import Synchronization

/// A document: it owns its text; tokens, sentences and paragraphs are ranges into it.
///
/// A document made from text is tokenised at once. A loaded document (`init(id:untokenized:)`)
/// is tokenised on the first use of its tokens, sentences or paragraphs and keeps them from then
/// on; the analysis tokenises each document for itself (`tokenized()`) and keeps only what it
/// finds, so a loaded and analysed corpus holds its text but not a token per word.
public struct Document: Sendable {
    /// Short, stable identifier within a workspace (e.g. `seed-000`, `business-001`).
    public let id: String
    /// The text as UTF-8 bytes; every `TextRange` indexes these. The document keeps only these,
    /// not a second copy as a `String`.
    public let bytes: [UInt8]
    /// The full text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Number of whitespace-separated words, as the reference pipeline counts them.
    public let wordCount: Int

    /// Tokens, sentences and paragraphs, when made with the document.
    private let made: Tokenizer.Output?
    /// Otherwise, where they are made on first use (shared by `withID` copies).
    private let onDemand: TokenLayout?

    /// Tokens in text order.
    public var tokens: [Token] { made?.tokens ?? onDemand!.output(bytes).tokens }
    /// Sentences in text order.
    public var sentences: [Sentence] { made?.sentences ?? onDemand!.output(bytes).sentences }
    /// Paragraphs (non-empty lines) in text order.
    public var paragraphs: [Paragraph] { made?.paragraphs ?? onDemand!.output(bytes).paragraphs }

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
        self.made = tokenizer.tokenize(bytes)
        self.onDemand = nil
        self.wordCount = Document.countWords(bytes)
    }

    /// A document from UTF-8 text (as `init(id:bytes:)` requires) that is tokenised on the first
    /// use of its tokens, sentences or paragraphs, not now: a workspace's loaded documents.
    public init(id: String, untokenized bytes: [UInt8]) {
        self.id = id
        self.bytes = bytes
        self.made = nil
        self.onDemand = TokenLayout()
        self.wordCount = Document.countWords(bytes)
    }

    private init(id: String, sharing other: Document, made: Tokenizer.Output?, onDemand: TokenLayout?) {
        self.id = id
        self.bytes = other.bytes
        self.wordCount = other.wordCount
        self.made = made
        self.onDemand = onDemand
    }

    /// The same document under another id; its text and tokens are shared, not copied.
    public func withID(_ id: String) -> Document {
        Document(id: id, sharing: self, made: made, onDemand: onDemand)
    }

    /// The document with its tokens at hand: itself when it has them, else a copy tokenised now
    /// that keeps them to itself (this document stays without), for work that needs every token
    /// of a document once and then lets them go.
    public func tokenized() -> Document {
        if made != nil { return self }
        return Document(id: id, sharing: self, made: onDemand!.madeOutput ?? Tokenizer().tokenize(bytes), onDemand: nil)
    }

    /// Whether the tokens are made (on a loaded document, once something has used them).
    public var isTokenized: Bool { made != nil || onDemand!.madeOutput != nil }

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
        let sentences = self.sentences
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
        let paragraphs = self.paragraphs
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
        let tokens = self.tokens
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

/// A loaded document's tokens, sentences and paragraphs, made on first use and kept.
final class TokenLayout: Sendable {
    private let state = Mutex<Tokenizer.Output?>(nil)

    /// The layout of `bytes`, made now if not yet.
    func output(_ bytes: [UInt8]) -> Tokenizer.Output {
        state.withLock { made in
            if let made { return made }
            let out = Tokenizer().tokenize(bytes)
            made = out
            return out
        }
    }

    /// The layout if it is made.
    var madeOutput: Tokenizer.Output? { state.withLock { $0 } }
}
