/// Rendered UTF-8 on its way out. Renderers append bytes and call `flushIfFull()` between
/// complete pieces (never inside a UTF-8 sequence), so every chunk handed on is valid text.
struct ByteWriter {
    /// Bytes not yet handed on.
    var bytes: [UInt8] = []
    /// Bytes handed on so far.
    private(set) var flushed = 0
    /// Hand the buffer on once it holds this many bytes.
    let chunkSize: Int
    /// Receives full chunks; nil collects everything in `bytes`.
    private let sink: (([UInt8]) -> Void)?

    /// A writer that keeps everything in `bytes`.
    init() {
        chunkSize = Int.max
        sink = nil
    }

    /// A writer that hands `sink` chunks of about `chunkSize` bytes.
    init(chunkSize: Int, sink: @escaping ([UInt8]) -> Void) {
        self.chunkSize = max(1, chunkSize)
        self.sink = sink
        bytes.reserveCapacity(min(self.chunkSize, 1 << 20) + 4096)
    }

    /// True when nothing was written yet.
    var isEmpty: Bool { flushed == 0 && bytes.isEmpty }

    @inline(__always) mutating func append(_ b: UInt8) { bytes.append(b) }

    @inline(__always) mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inline(__always) mutating func append(_ b: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: b) }

    /// Appends the bytes of a literal.
    @inline(__always) mutating func appendLiteral(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private static let spaces: StaticString = "                                                                "

    /// Appends `count` spaces.
    @inline(__always) mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let n = min(left, 64)
            ByteWriter.spaces.withUTF8Buffer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<n])) }
            left -= n
        }
    }

    /// Appends `i` in decimal, as `String(i)` spells it.
    @inline(__always) mutating func appendDecimal(_ i: Int) { bytes.appendDecimal(i) }

    /// Hands the buffer on if it holds a chunk. Call only between complete UTF-8 sequences.
    @inline(__always) mutating func flushIfFull() {
        if bytes.count >= chunkSize { flush() }
    }

    /// Hands on whatever is buffered (with a sink); without one, keeps it.
    mutating func flush() {
        guard let sink, !bytes.isEmpty else { return }
        sink(bytes)
        flushed += bytes.count
        bytes.removeAll(keepingCapacity: true)
    }
}

extension Array where Element == UInt8 {
    /// Appends `i` in decimal, as `String(i)` spells it.
    mutating func appendDecimal(_ i: Int) {
        if i < 0 { append(UInt8(ascii: "-")) }
        var m = i.magnitude
        let start = count
        repeat {
            append(0x30 &+ UInt8(truncatingIfNeeded: m % 10))
            m /= 10
        } while m > 0
        self[start...].reverse()
    }
}

/// Helpers for valid UTF-8 (what Swift strings hold): widths and cuts in terminal columns
/// (`TerminalColumns`). A cut never splits a scalar nor parts a character from the zero-width
/// marks after it. Text that is all ASCII, one column a byte, takes a fast path.
enum UTF8Text {
    /// Columns taken by `b`.
    @inline(__always) static func width(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        width(b, 0, b.count)
    }

    /// Columns taken by `b[start..<end]`.
    @inline(__always) static func width(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let k = asciiEnd(b, start, end)
        return k == end ? end - start : k - start + columns(b, k, end)
    }

    /// Where the ASCII bytes that open `b[start..<end]` end: eight bytes at a time.
    @inline(__always) static func asciiEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var k = start
        if let base = b.baseAddress {
            let raw = UnsafeRawPointer(base)
            while k + 8 <= end && raw.loadUnaligned(fromByteOffset: k, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { k += 8 }
        }
        while k < end && b[k] < 0x80 { k += 1 }
        return k
    }

    /// Columns taken by `b[start..<end]`, scalar by scalar.
    static func columns(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var n = 0
        var k = start
        while k < end {
            if b[k] < 0x80 {
                n += 1
                k += 1
            } else {
                let (v, length) = decode(b, k)
                n += TerminalColumns.width(v)
                k += length
            }
        }
        return n
    }

    /// The value and byte length of the scalar whose first byte is `b[k]`.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(b[k])
        var value: UInt32
        var more: Int
        switch lead {
        case ..<0x80: return (lead, 1)
        case 0xC0..<0xE0: value = lead & 0x1F; more = 1
        case 0xE0..<0xF0: value = lead & 0x0F; more = 2
        default: value = lead & 0x07; more = 3
        }
        var j = k + 1
        while more > 0 && j < b.count {
            value = value << 6 | UInt32(b[j] & 0x3F)
            j += 1
            more -= 1
        }
        return (value, j - k)
    }

    /// Where the widest prefix of `b[start..<end]` that fits in `n` columns ends (a byte index),
    /// and its width. Zero-width marks stay with the character before them.
    static func prefixEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, columns n: Int) -> (end: Int, width: Int) {
        var used = 0
        var k = start
        while k < end {
            let (v, length) = decode(b, k)
            let w = TerminalColumns.width(v)
            if used + w > n { break }
            used += w
            k += length
        }
        return (k, used)
    }

    /// Where the widest suffix of `b[start..<end]` that fits in `n` columns begins (a byte index),
    /// and its width. A character and the zero-width marks after it are kept or dropped together.
    static func suffixStart(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, columns n: Int) -> (start: Int, width: Int) {
        var used = 0
        var kept = end // start of what is kept so far
        var k = end
        while k > start {
            k -= 1
            while k > start && b[k] & 0xC0 == 0x80 { k -= 1 }
            let w = TerminalColumns.width(decode(b, k).value)
            if w == 0 && k > start { continue } // a mark goes with the character before it
            if used + w > n { break }
            used += w
            kept = k
        }
        return (kept, used)
    }

    /// Where the first character of `b[start..<end]` ends: one scalar and the zero-width marks
    /// after it (what a cut keeps when not even that fits).
    static func firstCharacterEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (end: Int, width: Int) {
        guard start < end else { return (end, 0) }
        let (v, length) = decode(b, start)
        var k = start + length
        while k < end {
            let (m, l) = decode(b, k)
            guard TerminalColumns.width(m) == 0 else { break }
            k += l
        }
        return (k, TerminalColumns.width(v))
    }

    /// The scalar whose first byte is `b[k]`.
    static func scalar(startingAt k: Int, in b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        Unicode.Scalar(decode(b, k).value) ?? "\u{FFFD}"
    }

    /// The scalar whose last byte is `b[k]`.
    static func scalar(endingAt k: Int, in b: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var s = k
        while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
        return scalar(startingAt: s, in: b)
    }

    /// True unless `u`, written right after another scalar, surely starts a new character
    /// (it may be Extend, ZWJ or SpacingMark for grapheme breaking). Errs towards true.
    static func mayJoinPrevious(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x300 { return false }
        let p = u.properties
        if p.isGraphemeExtend || p.isEmojiModifier || u.value == 0x0E33 || u.value == 0x0EB3 { return true }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .currencySymbol, .mathSymbol, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// True unless `u` surely does not join the scalar after it into one character
    /// (it may be Prepend for grapheme breaking). Errs towards true.
    static func mayJoinNext(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x600 { return false }
        return u.value == 0x0D4E || u.value >= 0x11000 || u.properties.generalCategory == .format
    }
}
