/// The English stop-word list shipped as `Data/stop-words.txt` (spaCy's list; see `Data/README.md`).
public enum StopWords {
    /// Lower-cased stop words, apostrophes straight (`'s`, `n't`).
    public static let english: Set<String> = Set(DataFiles.lines("stop-words.txt").map { String($0) })

    /// True when `lowercased` is a stop word (a curly apostrophe counts as a straight one).
    public static func contains(_ lowercased: String) -> Bool {
        english.contains(lowercased) || (lowercased.contains("\u{2019}")
            && english.contains(lowercased.replacingOccurrences(of: "\u{2019}", with: "'")))
    }
}
