/// The one error type of the workbench. Every failure a user can cause is one of these,
/// and `ErrorRenderer` is the one place that turns it into text.
public struct ReadoutError: Error, Equatable, Sendable {
    /// What went wrong, as one sentence without a trailing period.
    public var message: String
    /// How to fix it, when there is something to suggest ("did you mean 'quotes'?").
    public var hint: String?
    /// 1-based column in the command line the error points at, when it is about the input line.
    public var column: Int?
    /// The file the error is about, or the command file being run.
    public var file: String?
    /// 1-based line in `file`, when known.
    public var line: Int?

    public init(_ message: String, hint: String? = nil, column: Int? = nil, file: String? = nil, line: Int? = nil) {
        self.message = message
        self.hint = hint
        self.column = column
        self.file = file
        self.line = line
    }

    /// An unknown name, with the closest candidates offered ("did you mean 'quotes'?").
    public static func unknown(_ what: String, _ name: String, candidates: [String], column: Int? = nil,
                               listAll: Bool = false) -> ReadoutError {
        let close = Suggest.closest(to: name, in: candidates)
        var hint: String?
        if let first = close.first {
            hint = "did you mean " + close.prefix(3).map { "'\($0)'" }.joined(separator: " or ") + "?"
            if first.isEmpty { hint = nil }
        } else if listAll, !candidates.isEmpty {
            hint = "valid: " + candidates.joined(separator: ", ")
        }
        return ReadoutError("unknown \(what) '\(name)'", hint: hint, column: column)
    }
}

/// Renders errors and warnings, one line each, the same way everywhere.
public enum ErrorRenderer {
    /// `error: FILE:LINE: message - hint` (parts omitted when unknown).
    public static func render(_ e: ReadoutError, inputLine: String? = nil) -> String {
        var place = ""
        if let f = e.file { place = f + (e.line.map { ":\($0)" } ?? "") + ": " }
        var s = "error: " + place + e.message
        if let c = e.column { s += " (column \(c))" }
        if let h = e.hint { s += " - " + h }
        // the message quotes what was typed or read, which may hold terminal escapes
        return TerminalText.escape(s)
    }

    /// A caret line pointing at the error's column under the input, for interactive use.
    public static func caret(_ e: ReadoutError, prompt: String) -> String? {
        guard let c = e.column, c >= 1 else { return nil }
        return String(repeating: " ", count: prompt.count + c - 1) + "^"
    }

    /// `warning: message`.
    public static func warning(_ message: String) -> String { TerminalText.escape("warning: " + message) }
}
