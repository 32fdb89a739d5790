/// Text made safe to show on a terminal: control characters that a terminal would act on (ESC
/// starting an escape sequence, BEL, NUL, backspace, CR, DEL, the C1 controls such as CSI U+009B)
/// are shown as visible escapes (`^[`, `^G`, `^@`, `^H`, `^M`, `^?`, `<U+009B>`) instead of being
/// sent. Line feeds, CR LF line ends and tabs stay. A byte of a file name that is not UTF-8, held
/// as a private-use character (`PathBytes`), shows as `\xE9`. Used for every human-readable output
/// (tables, text, headings, errors and warnings); JSON escapes control characters itself and CSV
/// carries the data as it is.
public enum TerminalText {
    /// `s` with control characters made visible; `s` itself (no copy) when it has none.
    public static func escape(_ s: String) -> String {
        var s = s
        guard s.withUTF8({ needsEscape($0) }) else { return s }
        var out: [UInt8] = []
        s.withUTF8 { b in
            out.reserveCapacity(b.count + 16)
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x7F {
                    out += [0x5E, 0x3F] // ^?
                } else if c < 0x20 && c != 0x0A && c != 0x09 && !(c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) {
                    out += [0x5E, c + 0x40] // ^@ ... ^_
                } else if c == 0xC2, i + 1 < b.count, (0x80...0x9F).contains(b[i + 1]) {
                    out += Array("<U+00\(String(b[i + 1], radix: 16, uppercase: true))>".utf8)
                    i += 1
                } else if let raw = rawByte(b, at: i) {
                    out += Array("\\x\(String(raw, radix: 16, uppercase: true))".utf8)
                    i += 3
                } else {
                    out.append(c)
                }
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `b` holds a byte `escape` would change.
    @inline(__always)
    static func needsEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x20 {
                if c != 0x0A && c != 0x09 && !(c == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) { return true }
            } else if c == 0x7F {
                return true
            } else if c == 0xC2, i + 1 < b.count, b[i + 1] >= 0x80, b[i + 1] <= 0x9F {
                return true
            } else if c == 0xF4, rawByte(b, at: i) != nil {
                return true
            }
            i += 1
        }
        return false
    }

    /// The file-name byte (`PathBytes`) whose character is encoded at `i` (F4 8F BA/BB xx), if one is.
    @inline(__always)
    static func rawByte(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt8? {
        guard b[i] == 0xF4, i + 3 < b.count, b[i + 1] == 0x8F, b[i + 2] == 0xBA || b[i + 2] == 0xBB else { return nil }
        return 0x80 + ((b[i + 2] - 0xBA) << 6) + (b[i + 3] - 0x80)
    }
}
