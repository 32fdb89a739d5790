/// One bit per (first byte, length) of a set of words: a test that rejects most other words
/// before any hashing. Letters of either case share a bit, and words of 63 bytes or more share
/// the last length, so a word of the set always passes (others may pass too).
struct WordShapes: Sendable {
    /// Per first byte (lower-cased, low six bits): bit `n` for a word of `n` bytes.
    private var bits = [UInt64](repeating: 0, count: 64)

    @inline(__always) private static func bucket(_ first: UInt8) -> Int { Int((first | 0x20) & 63) }
    @inline(__always) private static func bit(_ length: Int) -> UInt64 { 1 << UInt64(min(length, 63)) }

    /// Notes the shape of `word`.
    mutating func insert(_ word: String) {
        guard let f = word.utf8.first else { return }
        bits[WordShapes.bucket(f)] |= WordShapes.bit(word.utf8.count)
    }

    /// False when no word of the set starts with `first` (in either case) and has `length` bytes.
    @inline(__always) func mayContain(first: UInt8, length: Int) -> Bool {
        bits[WordShapes.bucket(first)] & WordShapes.bit(length) != 0
    }
}
