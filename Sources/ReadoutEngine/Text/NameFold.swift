/// Folds names for comparison: lower case, letters and digits only, no leading "the",
/// so "whitehouse", "White House" and "the White House" are one name.
public enum NameFold {
    public static func fold(_ s: String) -> String {
        // ASCII names (nearly all) fold on their bytes; others take the Unicode properties
        var ascii = true
        for b in s.utf8 where b >= 0x80 { ascii = false; break }
        if ascii {
            var bytes = Array(s.utf8)
            for i in bytes.indices where bytes[i] &- 0x41 < 26 { bytes[i] |= 0x20 }
            var start = 0
            if bytes.count >= 4, bytes[0] == 0x74, bytes[1] == 0x68, bytes[2] == 0x65, bytes[3] == 0x20 { start = 4 }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count - start)
            for b in bytes[start...] where b &- 0x61 < 26 || b &- 0x30 < 10 { out.append(b) }
            return String(decoding: out, as: UTF8.self)
        }
        var t = s.lowercased()
        if t.hasPrefix("the ") { t.removeFirst(4) }
        return String(t.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
