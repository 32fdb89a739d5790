/// The coarse class of a token.
public enum TokenKind: UInt8, Sendable, Codable {
    /// Letters, possibly with internal apostrophes, hyphens or periods (`U.S.`, `build-up`).
    case word
    /// Digits, possibly with internal `,` or `.` (`1,400`, `3.5`).
    case number
    /// A possessive or clitic split from the word before it (`’s`, `'s`).
    case clitic
    /// A quotation mark: `"`, `“`, `”`, `‘`, `’` or `'` standing as a quote.
    case quote
    /// Sentence-ending punctuation: `.`, `!`, `?`.
    case terminal
    /// An ellipsis, `...` or `…`.
    case ellipsis
    /// A dash standing alone: `—`, `–`, `--` or a spaced `-`.
    case dash
    /// Any other punctuation: `,` `;` `:` `(` `)` and so on.
    case punct
    /// A currency or other symbol: `£`, `$`, `€`, `%`, `&`.
    case symbol
}

/// One token: a small value holding a range into its document's text.
///
/// Eight bytes: where it starts, its length (the tokenizer ends a token at `maxLength` bytes),
/// its kind and its flags. A corpus holds a token for every word and mark, so the size counts.
public struct Token: Hashable, Sendable {
    @usableFromInline var start: UInt32
    @usableFromInline var length: UInt16
    /// Its coarse class.
    public var kind: TokenKind
    /// Bit flags, see the static members.
    public var flags: UInt8

    /// The longest token, in bytes; the tokenizer splits a longer run of word characters.
    public static let maxLength = Int(UInt16.max)

    /// Where the token lies in the text (UTF-8 offsets); a range longer than `maxLength` is cut to it.
    @inlinable public var range: TextRange {
        get { TextRange(uncheckedLo: start, hi: start &+ UInt32(length)) }
        set {
            start = UInt32(clamping: newValue.start)
            length = UInt16(clamping: newValue.end - newValue.start)
        }
    }

    /// The first letter is upper case.
    public static let capitalized: UInt8 = 1
    /// Every letter is upper case and there are at least two.
    public static let allCaps: UInt8 = 2
    /// The token opens a sentence (after any opening quotes).
    public static let sentenceStart: UInt8 = 4
    /// Whitespace (or the start of text) precedes the token.
    public static let spaceBefore: UInt8 = 8
    /// The word ends in a period that does not end a sentence (`Mr.`, `U.S.`, `W.`).
    public static let abbreviation: UInt8 = 16
    /// For quote marks: the mark opens a quotation (by shape or position).
    public static let opening: UInt8 = 32
    /// For quote marks: the mark closes a quotation (by shape or position).
    public static let closing: UInt8 = 64
    /// The token starts a paragraph.
    public static let paragraphStart: UInt8 = 128

    public init(range: TextRange, kind: TokenKind, flags: UInt8 = 0) {
        start = UInt32(clamping: range.start)
        length = UInt16(clamping: range.end - range.start)
        self.kind = kind
        self.flags = flags
    }

    /// True when every bit of `flag` is set.
    @inlinable public func has(_ flag: UInt8) -> Bool { flags & flag == flag }
    /// True for word tokens whose first letter is upper case.
    @inlinable public var isCapitalized: Bool { kind == .word && has(Token.capitalized) }
}

/// A sentence: its text range and the tokens it spans.
///
/// Indices are held as 32-bit values (20 bytes a sentence); the properties are `Int` ranges.
public struct Sentence: Hashable, Sendable {
    /// Where the sentence lies in the text.
    public var range: TextRange
    private var tokenSpan: IndexSpan
    private var paragraphIndex: UInt32

    /// Indices into the document's tokens.
    public var tokens: Range<Int> {
        get { tokenSpan.range }
        set { tokenSpan = IndexSpan(newValue) }
    }
    /// Index of the paragraph holding it.
    public var paragraph: Int {
        get { Int(paragraphIndex) }
        set { paragraphIndex = UInt32(newValue) }
    }

    public init(range: TextRange, tokens: Range<Int>, paragraph: Int) {
        self.range = range
        self.tokenSpan = IndexSpan(tokens)
        self.paragraphIndex = UInt32(paragraph)
    }
}

/// A paragraph: one non-empty line (or block of lines) of the source text.
///
/// Indices are held as 32-bit values (24 bytes a paragraph); the properties are `Int` ranges.
public struct Paragraph: Hashable, Sendable {
    /// Where the paragraph lies in the text, without its line break.
    public var range: TextRange
    private var sentenceSpan: IndexSpan
    private var tokenSpan: IndexSpan

    /// Indices into the document's sentences.
    public var sentences: Range<Int> {
        get { sentenceSpan.range }
        set { sentenceSpan = IndexSpan(newValue) }
    }
    /// Indices into the document's tokens.
    public var tokens: Range<Int> {
        get { tokenSpan.range }
        set { tokenSpan = IndexSpan(newValue) }
    }

    public init(range: TextRange, sentences: Range<Int>, tokens: Range<Int>) {
        self.range = range
        self.sentenceSpan = IndexSpan(sentences)
        self.tokenSpan = IndexSpan(tokens)
    }
}

/// A range of indices into a document's tokens or sentences, in 32 bits each.
struct IndexSpan: Hashable, Sendable {
    private var lower: UInt32
    private var upper: UInt32

    init(_ r: Range<Int>) {
        lower = UInt32(r.lowerBound)
        upper = UInt32(r.upperBound)
    }

    var range: Range<Int> { Int(lower)..<Int(upper) }
}
