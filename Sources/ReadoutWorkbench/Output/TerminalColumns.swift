/// How many terminal columns text takes, as wcwidth(3) counts them: combining marks and
/// zero-width format characters take none, East Asian wide and fullwidth characters and emoji
/// shown as emoji take two, everything else one. Tables are laid out in these columns.
public enum TerminalColumns {
    /// Columns taken by the scalar whose value is `v`. ASCII and the rest of Latin-1 are one
    /// column (the control characters never reach a table: `TerminalText` makes them visible;
    /// the soft hyphen counts one, as in wcwidth).
    @inline(__always) public static func width(_ v: UInt32) -> Int {
        v < 0x300 ? 1 : widthAbove02FF(v)
    }

    /// `width(_:)` for scalars from U+0300 on.
    static func widthAbove02FF(_ v: UInt32) -> Int {
        // general punctuation people type (dashes, curly quotes, ellipsis): one column
        if v >= 0x2010 && v <= 0x2027 { return 1 }
        // Hangul medial vowels and final consonants join the syllable before them
        if v >= 0x1160 && v <= 0x11FF { return 0 }
        guard let u = Unicode.Scalar(v) else { return 1 }
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v >= 0x1100 && isWide(v) { return 2 }
        if v >= 0x231A && u.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Whether `v` is East Asian Wide (W) or Fullwidth (F).
    static func isWide(_ v: UInt32) -> Bool {
        var low = 0, high = wide.count / 2 - 1
        guard v >= wide[0] && v <= wide[wide.count - 1] else { return false }
        while low <= high {
            let mid = (low + high) / 2
            if v < wide[2 * mid] {
                high = mid - 1
            } else if v > wide[2 * mid + 1] {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// First and last scalar of each run of East Asian Wide (W) and Fullwidth (F) characters,
    /// from Unicode 14.0's EastAsianWidth.txt, with runs joined across unassigned code points
    /// and the CJK planes 2 and 3 whole (which that file makes wide by default): a compact table
    /// in the manner of Markus Kuhn's wcwidth.c (https://www.cl.cam.ac.uk/~mgk25/ucs/wcwidth.c).
    static let wide: [UInt32] = [
        0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
        0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
        0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
        0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
        0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x303E,
        0x3041, 0x3247, 0x3250, 0x4DBF, 0x4E00, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAD9,
        0xFE10, 0xFE19, 0xFE30, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x1B2FB, 0x1F004, 0x1F004,
        0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C,
        0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E,
        0x1F440, 0x1F440, 0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
        0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2,
        0x1F6D5, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7F0, 0x1F90C, 0x1F93A, 0x1F93C, 0x1F945,
        0x1F947, 0x1F9FF, 0x1FA70, 0x1FAF6, 0x20000, 0x3FFFD,
    ]

    /// Columns taken by the UTF-8 text `b` (valid UTF-8, as Swift strings hold).
    public static func width(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        UTF8Text.width(b, 0, b.count)
    }

    /// Columns taken by `s`.
    public static func width(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { width($0) }
    }
}
