/// A small rule-based English lemmatiser for nouns and verbs.
///
/// Irregular forms come from `Data/lemma-irregulars.tsv` (which also lists look-alikes that are
/// already lemmas: `news`, `crisis`, `meeting`). Regular forms are undone by suffix rules —
/// plural `-s`, `-es`, `-ies`; past `-ed`, `-ied`; participle `-ing` — and, where a rule offers
/// several stems (`hoped` → `hope` or `hop`), the first one found in the word list
/// `Data/common-words.txt` wins, in the order: stem + `e`, bare stem, undoubled stem.
/// Words it cannot reduce are returned unchanged. Input is a lower-cased word.
public struct Lemmatizer: Sendable {
    private let irregular: [String: String]
    private let known: WordSet

    /// The lemmatiser with the shipped data.
    public static let shared = Lemmatizer()

    /// Builds a lemmatiser; the defaults load the shipped irregulars and word list.
    public init(irregular: [String: String]? = nil, known: Set<String>? = nil) {
        if let i = irregular {
            self.irregular = i
        } else {
            var d: [String: String] = [:]
            for line in DataFiles.lines("lemma-irregulars.tsv") {
                let f = line.split(separator: "\t")
                if f.count == 2 { d[String(f[0])] = String(f[1]) }
            }
            self.irregular = d
        }
        // the entity rules' copy of the word list: the file is read and hashed once per process
        self.known = known.map { WordSet($0) } ?? Lexicon.shared.lists.commonWords
    }

    /// The lemma of a lower-cased word.
    public func lemma(_ w: String) -> String {
        if let l = irregular[w] { return l }
        let u = Array(w.utf8)
        let n = u.count
        guard n > 3, u.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 == 0x2D }) else { return w }
        func has(_ s: String) -> Bool { w.hasSuffix(s) }
        func cut(_ k: Int) -> String { String(decoding: u[0..<(n - k)], as: UTF8.self) }
        // plurals and third person
        if has("ies") { return n > 4 ? cut(3) + "y" : cut(1) }
        if has("ss") || has("us") || has("is") || has("'s") { return w }
        if has("es") {
            let stem = cut(2)
            if stem.hasSuffix("ss") || stem.hasSuffix("x") || stem.hasSuffix("z") || stem.hasSuffix("ch") || stem.hasSuffix("sh") {
                return stem
            }
            return cut(1)
        }
        if has("s") { return cut(1) }
        // past tense and participles
        if has("ied") { return n > 4 ? cut(3) + "y" : cut(1) }
        if has("eed") { return w } // need, agreed handled by the list
        if has("ed"), n > 4 { return pick(cut(2)) ?? w }
        if has("ing"), n > 5 { return pick(cut(3)) ?? w }
        return w
    }

    /// The best lemma for a verb stem with its suffix removed, or nil when none is a word.
    private func pick(_ stem: String) -> String? {
        let s = Array(stem.utf8)
        guard let last = s.last, s.count >= 2, s.contains(where: { Lemmatizer.isVowel($0) }) else { return nil }
        let e = stem + "e"
        // `hoped` → hope, `helped` → help: prefer stem+e only after a single consonant following a vowel
        let cvc = s.count >= 2 && !Lemmatizer.isVowel(last) && Lemmatizer.isVowel(s[s.count - 2]) && last != 0x77 && last != 0x78 && last != 0x79
        if cvc && known.contains(e) { return e }
        if known.contains(stem) { return stem }
        if s.count >= 3, last == s[s.count - 2], !Lemmatizer.isVowel(last) {
            let undoubled = String(decoding: s.dropLast(), as: UTF8.self)
            if known.contains(undoubled) { return undoubled }
        }
        if known.contains(e) { return e }
        return nil
    }

    private static func isVowel(_ c: UInt8) -> Bool { c == 0x61 || c == 0x65 || c == 0x69 || c == 0x6F || c == 0x75 }
}
