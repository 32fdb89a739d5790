/// A half-open range of UTF-8 byte offsets into a document's text.
///
/// Every analysed item (token, sentence, mention, quote) holds one of these
/// rather than a copy of its text, as spaCy's spans do.
///
/// Offsets are stored as 32-bit values (documents are far below 4 GB; `load` caps file size),
/// so a token is 12 bytes and a corpus of a million tokens stays small.
public struct TextRange: Hashable, Comparable, Sendable, Codable {
    @usableFromInline var lo: UInt32
    @usableFromInline var hi: UInt32

    /// First byte of the range.
    @inlinable public var start: Int {
        get { Int(lo) }
        set { lo = UInt32(clamping: newValue) }
    }
    /// One past the last byte of the range.
    @inlinable public var end: Int {
        get { Int(hi) }
        set { hi = UInt32(clamping: newValue) }
    }

    /// Creates a range; `end` is clamped to be no less than `start`.
    public init(_ start: Int, _ end: Int) {
        self.lo = UInt32(clamping: start)
        self.hi = UInt32(clamping: max(start, end))
    }

    /// A range from offsets already known to be in order (`lo <= hi`), with no clamping.
    @inlinable init(uncheckedLo lo: UInt32, hi: UInt32) {
        self.lo = lo
        self.hi = hi
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Int.self, forKey: .start), try c.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    /// Number of bytes covered.
    public var length: Int { end - start }
    /// True when the range covers nothing.
    public var isEmpty: Bool { end <= start }

    /// True when `other` lies wholly inside this range.
    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    /// True when the two ranges share at least one byte.
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    /// The smallest range covering both.
    public func union(_ other: TextRange) -> TextRange { TextRange(min(start, other.start), max(end, other.end)) }

    public static func < (a: TextRange, b: TextRange) -> Bool {
        a.start != b.start ? a.start < b.start : a.end < b.end
    }
}

/// Why an analysed item exists: the rule, gazetteer entry or cue that produced it.
public struct Evidence: Hashable, Sendable, Codable {
    /// Short machine-stable name of the rule, e.g. `gazetteer`, `title+name`, `cue-after`.
    public var rule: String
    /// Human-readable detail, e.g. the gazetteer list and entry, or the cue verb.
    public var detail: String

    public init(rule: String, detail: String) {
        self.rule = rule
        self.detail = detail
    }
}
