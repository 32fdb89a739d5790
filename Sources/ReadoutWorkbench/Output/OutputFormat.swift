/// How results are printed.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns that fit the terminal, for people.
    case table
    /// RFC 4180 CSV, for spreadsheets and scripts.
    case csv
    /// One JSON value per command on one line, for scripts.
    case json
    /// JSON lines for pipelines: a table's rows one object per line, any other result its one
    /// value on one line (`jq`, `pandas.read_json(lines=True)`, Spark read it row by row).
    case jsonl

    /// True for the JSON formats, where a failed command prints an error object in its place.
    public var isJSON: Bool { self == .json || self == .jsonl }
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
