/// The encoding a file was read in.
public enum SourceEncoding: String, Sendable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case utf32LE = "utf-32le"
    case utf32BE = "utf-32be"
    case windows1252 = "windows-1252"
}

/// Decodes file bytes: UTF-8 (with or without BOM), UTF-32 and UTF-16 with a BOM, UTF-16 without
/// one by its zero bytes, else Windows-1252.
public enum TextDecoding {
    /// The outcome of decoding one file.
    public enum Result: Equatable {
        case text(String, SourceEncoding)
        /// Looks binary (NUL bytes or many control characters outside UTF-16).
        case binary
    }

    /// Decodes a file's bytes, or finds them binary.
    public static func decode(_ bytes: [UInt8]) -> Result {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return .text(String(decoding: bytes[3...], as: UTF8.self), .utf8BOM)
        }
        // UTF-32's marks first: the little-endian one starts like UTF-16's
        if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            return .text(utf32(bytes[4...], littleEndian: true), .utf32LE)
        }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return .text(utf32(bytes[4...], littleEndian: false), .utf32BE)
        }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return .text(utf16(bytes[2...], littleEndian: true), .utf16LE) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return .text(utf16(bytes[2...], littleEndian: false), .utf16BE) }
        if looksBinary(bytes) {
            if let littleEndian = unmarkedUTF16(bytes) {
                let text = utf16(bytes, littleEndian: littleEndian)
                if !looksBinary(Array(text.utf8)) { return .text(text, littleEndian ? .utf16LE : .utf16BE) }
            }
            return .binary
        }
        if let s = String(validating: bytes, as: UTF8.self) { return .text(s, .utf8) }
        return .text(windows1252(bytes), .windows1252)
    }

    /// Binary when the first 8 KiB hold a NUL byte or more than 10% control characters.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { looksBinary($0) }
    }

    /// Binary when the first 8 KiB hold a NUL byte or more than 10% control characters.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let sample = UnsafeBufferPointer(rebasing: bytes.prefix(8192))
        guard let p = sample.baseAddress, !sample.isEmpty else { return false }
        let n = sample.count
        var control = 0
        var i = 0
        while i < n {
            // eight bytes at a time: a word with no byte below 0x20 (nearly all of a text) has
            // nothing to count; only words holding one are looked at byte by byte
            if i + 8 <= n {
                let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let end = min(i + 8, n)
            while i < end {
                let b = p[i]
                if b == 0 { return true }
                if b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { control += 1 }
                i += 1
            }
        }
        return control * 10 > n
    }

    /// Whether `b` is well-formed UTF-8, as `String(validating:as:)` judges it, without making a String.
    static func isValidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let p = b.baseAddress else { return true }
        let n = b.count
        var i = 0
        @inline(__always) func tail(_ j: Int) -> Bool { j < n && p[j] & 0xC0 == 0x80 }
        @inline(__always) func within(_ j: Int, _ r: ClosedRange<UInt8>) -> Bool { j < n && r.contains(p[j]) }
        while i < n {
            // ASCII runs, eight bytes at a time
            while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            guard i < n else { return true }
            let c = p[i]
            switch c {
            case 0x00...0x7F: i += 1
            case 0xC2...0xDF:
                guard tail(i + 1) else { return false }
                i += 2
            case 0xE0:
                guard within(i + 1, 0xA0...0xBF), tail(i + 2) else { return false }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard tail(i + 1), tail(i + 2) else { return false }
                i += 3
            case 0xED:
                guard within(i + 1, 0x80...0x9F), tail(i + 2) else { return false }
                i += 3
            case 0xF0:
                guard within(i + 1, 0x90...0xBF), tail(i + 2), tail(i + 3) else { return false }
                i += 4
            case 0xF1...0xF3:
                guard tail(i + 1), tail(i + 2), tail(i + 3) else { return false }
                i += 4
            case 0xF4:
                guard within(i + 1, 0x80...0x8F), tail(i + 2), tail(i + 3) else { return false }
                i += 4
            default:
                return false
            }
        }
        return true
    }

    /// Whether the bytes look like UTF-16 without a byte-order mark, and which way round: text in
    /// Latin script has a zero byte in nearly every other place (the high byte of each character),
    /// and almost none in the places between. Judged on the first 8 KiB; nil when it does not look so.
    static func unmarkedUTF16(_ bytes: [UInt8]) -> Bool? {
        let pairs = min(bytes.count, 8192) / 2
        guard pairs >= 2 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for k in 0..<pairs {
            if bytes[2 * k] == 0 { zeroEven += 1 }
            if bytes[2 * k + 1] == 0 { zeroOdd += 1 }
        }
        // a third of the characters at least are ASCII, and under one in a hundred end in a zero byte
        if zeroOdd * 3 >= pairs && zeroEven * 100 < pairs { return true }
        if zeroEven * 3 >= pairs && zeroOdd * 100 < pairs { return false }
        return nil
    }

    /// UTF-32 code units; a unit that is no Unicode scalar becomes U+FFFD.
    static func utf32<C: Collection>(_ bytes: C, littleEndian: Bool) -> String where C.Element == UInt8 {
        var s = String.UnicodeScalarView()
        var it = bytes.makeIterator()
        while let a = it.next(), let b = it.next(), let c = it.next(), let d = it.next() {
            let v = littleEndian ? UInt32(a) | UInt32(b) << 8 | UInt32(c) << 16 | UInt32(d) << 24
                                 : UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
            s.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return String(s)
    }

    static func utf16<C: Collection>(_ bytes: C, littleEndian: Bool) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var it = bytes.makeIterator()
        while let a = it.next(), let b = it.next() {
            units.append(littleEndian ? UInt16(a) | UInt16(b) << 8 : UInt16(a) << 8 | UInt16(b))
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F.
    static func windows1252(_ bytes: [UInt8]) -> String {
        let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                              0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178]
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v)!)
        }
        return String(s)
    }
}
