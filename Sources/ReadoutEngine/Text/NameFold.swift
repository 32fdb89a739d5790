/// Folds names for comparison: lower case, letters and digits only, no leading "the",
/// so "whitehouse", "White House" and "the White House" are one name.
public enum NameFold {
    public static func fold(_ s: String) -> String {
        var t = s.fastLowercased()
        if t.hasPrefix("the ") { t.removeFirst(4) }
        // ASCII names (nearly all) keep their letters and digits on bytes; others go by Unicode properties
        if t.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: t.utf8.filter { $0 &- 0x61 < 26 || $0 &- 0x30 < 10 }, as: UTF8.self)
        }
        return String(t.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
