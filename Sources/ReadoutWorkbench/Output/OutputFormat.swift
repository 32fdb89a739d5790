/// How results are printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns that fit the terminal, for people.
    case table
    /// RFC 4180 CSV, for spreadsheets and scripts.
    case csv
    /// One JSON value per command on one line, for scripts.
    case json
}

/// Where and how output is shown: width, colour.
public struct RenderStyle: Sendable, Equatable {
    /// Terminal width in columns; tables fit within it.
    public var width: Int
    /// Whether ANSI colour is used.
    public var color: Bool

    public init(width: Int = 100, color: Bool = false) {
        self.width = width
        self.color = color
    }
}
