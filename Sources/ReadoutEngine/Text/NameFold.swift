/// Folds names for comparison: lower case, letters and digits only, no leading "the",
/// so "whitehouse", "White House" and "the White House" are one name.
public enum NameFold {
    public static func fold(_ s: String) -> String {
        var t = s.fastLowercased()
        if t.hasPrefix("the ") { t.removeFirst(4) }
        return String(t.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
