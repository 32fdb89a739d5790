#if canImport(Glibc)
import Glibc
#endif

/// File names as the file system has them: bytes, which need not be UTF-8 (a Latin-1 `caf\xE9.txt`
/// copied from an old disk). Readout keeps paths as Strings, so a byte that is not part of valid
/// UTF-8 is held as one private-use character, U+10FE80 to U+10FEFF for bytes 0x80 to 0xFF, and
/// turned back into that byte for every system call. The mapping loses nothing either way: a
/// name that really holds one of those characters has its four bytes held the same way.
///
/// Shown to people, such a byte reads `\xE9` (`TerminalText`), and `"\xE9"` inside double quotes
/// types it back (`Lexer`).
public enum PathBytes {
    /// The first of the 128 characters standing for bytes 0x80...0xFF (minus 0x80).
    static let base: UInt32 = 0x10FE00

    /// The byte `scalar` stands for, when it stands for one.
    @inline(__always)
    public static func rawByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        return v >= base + 0x80 && v <= base + 0xFF ? UInt8(v - base) : nil
    }

    /// The character standing for `byte` (0x80...0xFF).
    public static func character(for byte: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(base + UInt32(byte))!
    }

    /// Bytes from the system (a file name, an argument, a typed line) as a String: valid UTF-8 as
    /// it is, every other byte as its private-use character.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let a = Array(bytes)
        if let s = String(validating: a, as: UTF8.self), !s.utf8.contains(0xF4) { return s }
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < a.count {
            let n = validSequenceLength(a, at: i)
            if n == 0 {
                scalars.append(character(for: a[i]))
                i += 1
                continue
            }
            let s = String(decoding: a[i..<(i + n)], as: UTF8.self).unicodeScalars.first!
            if rawByte(s) != nil {
                // a real U+10FExx in the name: keep its bytes, so encoding gives them back
                for b in a[i..<(i + n)] { scalars.append(character(for: b)) }
            } else {
                scalars.append(s)
            }
            i += n
        }
        return String(scalars)
    }

    /// `decode` of a NUL-terminated C string.
    public static func decode(cString p: UnsafePointer<CChar>) -> String {
        decode(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
    }

    /// `s` as the bytes to give the system, each private-use byte character back as its byte.
    public static func encode(_ s: String) -> [UInt8] {
        guard s.utf8.contains(0xF4) else { return Array(s.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            if let b = rawByte(u) { out.append(b) } else { out += Array(String(u).utf8) }
        }
        return out
    }

    /// Runs `body` with `path` as a NUL-terminated C string of its system bytes.
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> R) rethrows -> R {
        guard path.utf8.contains(0xF4) else { return try path.withCString(body) }
        var bytes = encode(path).map { CChar(bitPattern: $0) }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// Whether `s` holds a character standing for a byte.
    public static func holdsRawBytes(_ s: String) -> Bool {
        s.utf8.contains(0xF4) && s.unicodeScalars.contains { rawByte($0) != nil }
    }

    /// The length of the valid UTF-8 sequence starting at `i`, or 0 when none starts there.
    private static func validSequenceLength(_ a: [UInt8], at i: Int) -> Int {
        let b0 = a[i]
        if b0 < 0x80 { return 1 }
        func cont(_ k: Int, _ lo: UInt8 = 0x80, _ hi: UInt8 = 0xBF) -> Bool {
            i + k < a.count && a[i + k] >= lo && a[i + k] <= hi
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }
}
