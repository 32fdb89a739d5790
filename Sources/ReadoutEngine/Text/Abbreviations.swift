/// Words that, followed by a period, do not end a sentence.
///
/// Titles, months, and common news abbreviations. Lower-cased, without the period.
enum Abbreviations {
    static let words: WordSet = [
        // titles and honorifics
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "rev", "gen", "col", "lt", "maj", "capt",
        "sgt", "cpl", "adm", "gov", "sen", "rep", "pres", "supt", "insp", "det", "hon", "rt", "messrs",
        // months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        // common shortenings
        "no", "nos", "vs", "v", "etc", "approx", "dept", "est", "fig", "inc", "ltd", "co", "corp",
        "bros", "mt", "ft", "vol", "ave", "blvd", "rd", "cf", "eg", "ie", "al", "op", "pp",
    ]

    /// Abbreviations that readily end a sentence too (`... in the U.S. The next ...`);
    /// after them a capitalised common sentence opener starts a new sentence.
    static let mayEndSentence: WordSet = ["etc", "inc", "ltd", "co", "corp", "bros"]
}
