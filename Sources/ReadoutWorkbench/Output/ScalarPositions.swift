import ReadoutEngine

/// Unicode scalar offsets (what JSON output gives as `start` and `end`) of ranges in the loaded
/// documents. Each document is walked from the offset asked last, forwards or back, so offsets
/// asked in text order (mentions, quotes) cost one walk over each document in all, however many
/// there are; an offset far behind is counted again from the start.
struct ScalarPositions {
    private let documents: [Document]
    /// Per document: the byte offset reached and the scalars before it.
    private var reached: [Int: (byte: Int, scalars: Int)] = [:]
    /// Bytes walked so far, for tests.
    private(set) var walked = 0

    init(_ documents: [Document]) { self.documents = documents }

    /// The scalar offsets of `range` in document `doc`.
    mutating func offsets(_ doc: Int, _ range: TextRange) -> (start: Int, end: Int) {
        let start = offset(doc, range.start)
        return (start, offset(doc, range.end))
    }

    /// The scalar offset of byte `utf8Offset` in document `doc` (clamped to its text).
    mutating func offset(_ doc: Int, _ utf8Offset: Int) -> Int {
        let bytes = documents[doc].bytes
        let target = max(0, min(utf8Offset, bytes.count))
        var (at, n) = reached[doc] ?? (0, 0)
        if target < at && target < at - target { (at, n) = (0, 0) }
        walked += abs(target - at)
        bytes.withUnsafeBufferPointer { b in
            // a scalar starts at every byte that is not a continuation byte (10xxxxxx)
            while at < target { n += b[at] & 0xC0 != 0x80 ? 1 : 0; at += 1 }
            while at > target { at -= 1; n -= b[at] & 0xC0 != 0x80 ? 1 : 0 }
        }
        reached[doc] = (at, n)
        return n
    }
}
