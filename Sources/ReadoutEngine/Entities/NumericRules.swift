/// MONEY and PERCENT rules: `$1.2bn`, `£10m`, `5 million dollars`, `3.5%`, `five per cent`.
enum NumericRules {
    static let currencySymbols: WordSet = ["$", "£", "€", "¥", "US$"]
    static let currencyWords: WordSet = ["dollar", "dollars", "pound", "pounds", "euro", "euros", "pence", "cents",
                                             "yen", "yuan", "roubles", "rubles", "rupees", "francs", "sterling"]
    static let scales: WordSet = ["million", "billion", "trillion", "bn", "m", "k", "thousand", "mn", "tn"]

    /// True for a number token, or a word like `10m`, `1.5bn`.
    static func isAmount(_ t: TokenText, _ i: Int) -> Bool {
        if t.tokens[i].kind == .number { return true }
        guard t.tokens[i].kind == .word, let f = t.words[i].utf8.first, f >= 0x30 && f <= 0x39 else { return false }
        let letters = t.words[i].drop { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "," }
        return scales.contains(String(letters))
    }

    /// A MONEY or PERCENT expression starting at token `k` (sentence ends at `e`).
    static func match(_ t: TokenText, _ k: Int, _ e: Int) -> (end: Int, label: EntityLabel, detail: String)? {
        let tok = t.tokens[k]
        if tok.kind == .symbol, currencySymbols.contains(t.words[k]), k + 1 < e, isAmount(t, k + 1) {
            var end = k + 2
            if end < e, scales.contains(t.words[end]) { end += 1 }
            return (end, .money, "currency symbol")
        }
        if tok.kind == .word, t.words[k] == "US", k + 2 < e, t.words[k + 1] == "$", isAmount(t, k + 2) {
            var end = k + 3
            if end < e, scales.contains(t.words[end]) { end += 1 }
            return (end, .money, "currency symbol")
        }
        if tok.kind == .word {
            guard let f = t.words[k].utf8.first, (f >= 0x30 && f <= 0x39) || t.info[k].isNumberWord else { return nil }
        } else if tok.kind != .number {
            return nil
        }
        let lw = t.lower(k)
        let numeric = isAmount(t, k) || t.info[k].isNumberWord && !["many", "several", "few", "couple"].contains(lw)
        guard numeric else { return nil }
        var i = k + 1
        if i < e, scales.contains(t.words[i]) { i += 1 }
        guard i < e else { return nil }
        if t.words[i] == "%" { return (i + 1, .percent, "percent sign") }
        if t.words[i] == "percent" { return (i + 1, .percent, "percent") }
        if t.words[i] == "per", i + 1 < e, t.words[i + 1] == "cent" { return (i + 2, .percent, "per cent") }
        if currencyWords.contains(t.words[i]) { return (i + 1, .money, "currency word") }
        return nil
    }
}
