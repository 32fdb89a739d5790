/// OntoNotes entity labels, as spaCy names them.
public enum EntityLabel: String, CaseIterable, Sendable, Codable, Comparable {
    case person = "PERSON"
    case norp = "NORP"
    case fac = "FAC"
    case org = "ORG"
    case gpe = "GPE"
    case loc = "LOC"
    case product = "PRODUCT"
    case event = "EVENT"
    case workOfArt = "WORK_OF_ART"
    case law = "LAW"
    case language = "LANGUAGE"
    case date = "DATE"
    case time = "TIME"
    case percent = "PERCENT"
    case money = "MONEY"
    case quantity = "QUANTITY"
    case ordinal = "ORDINAL"
    case cardinal = "CARDINAL"

    public static func < (a: EntityLabel, b: EntityLabel) -> Bool { a.rawValue < b.rawValue }

    /// True for values rather than names: dates, times, amounts, counts and ordinals. Values are
    /// no topics, merge by their text with their label, and `stats` and `report` count names
    /// without them. The one definition the engine, the workbench and the benchmark use.
    public var isValue: Bool {
        switch self {
        case .date, .time, .money, .percent, .quantity, .ordinal, .cardinal: return true
        default: return false
        }
    }
}

/// The kind of a quotation or reported statement.
public enum QuoteKind: String, CaseIterable, Sendable, Codable {
    /// Words inside quotation marks.
    case direct
    /// Reported speech with no quotation marks.
    case indirect
    /// Reported speech holding a partial direct quotation.
    case mixed
}
