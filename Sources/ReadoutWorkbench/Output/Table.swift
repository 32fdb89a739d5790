/// A column of a result table.
public struct Column: Sendable, Equatable {
    /// Header shown in table and CSV output.
    public var title: String
    /// Field name in JSON output (stable, snake_case).
    public var key: String
    /// True when this column may be shortened to fit the terminal (long text).
    public var flexible: Bool
    /// True to align text to the right (the left context of a concordance); numbers always are.
    public var alignRight: Bool
    /// For flexible columns: wrap long text onto more lines (true) or cut it with "…" (false,
    /// for concordance contexts that must stay on one line).
    public var wraps: Bool
    /// For flexible columns: the part of the width this column keeps when flexible columns must
    /// narrow, against the others' (a column of share 3 ends about three times as wide as one of
    /// share 1). The column people read (a quote's text) keeps more than the names beside it.
    public var share: Int
    /// For a column of fractional numbers: the decimals every cell shows in tables and CSV
    /// (`120.0`, `89.8`), so one column has one format; JSON keeps the number as it is.
    public var decimals: Int?

    public init(_ title: String, key: String? = nil, flexible: Bool = false, alignRight: Bool = false, wraps: Bool = true,
                share: Int = 1, decimals: Int? = nil) {
        self.decimals = decimals
        self.title = title
        self.key = key ?? title.lowercased().replacingOccurrences(of: " ", with: "_")
        self.flexible = flexible
        self.alignRight = alignRight
        self.wraps = wraps && !alignRight
        self.share = max(1, share)
    }
}

extension Column {
    /// The text of `v` in this column's table and CSV cells.
    func cellText(_ v: Value) -> String {
        if let places = decimals, case .double(let d) = v, d.isFinite { return String(format: "%.\(places)f", d) }
        return v.cellText
    }
}

/// Rows of values under named columns: rendered aligned, as CSV, or as JSON objects.
///
/// A long result can be a table whose rows are made as they are written, a block at a time
/// (`init(_:count:rows:)`), so that printing a whole corpus's quotes never holds them all.
public struct Table: Sendable, Equatable {
    public var columns: [Column]
    private var made: [[Value]]?
    private var source: RowSource?

    /// Makes the rows of a range on demand.
    private struct RowSource: Sendable {
        let count: Int
        let rows: @Sendable (Range<Int>) -> [[Value]]
    }

    /// A table of these rows.
    public init(_ columns: [Column], rows: [[Value]] = []) {
        self.columns = columns
        self.made = rows
    }

    /// A table of `count` rows that `rows` makes a range at a time, when they are written
    /// (perhaps more than once, and on several cores: it must give the same rows each time).
    public init(_ columns: [Column], count: Int, rows: @escaping @Sendable (Range<Int>) -> [[Value]]) {
        self.columns = columns
        self.source = RowSource(count: count, rows: rows)
    }

    /// The rows (all of them made now, for a table that makes its rows on demand).
    public var rows: [[Value]] {
        get { made ?? source!.rows(0..<source!.count) }
        set { made = newValue; source = nil }
    }

    /// Number of rows.
    public var rowCount: Int { made?.count ?? source!.count }

    /// The rows of `range`, in order (made now for a table that makes its rows on demand).
    func rows(in range: Range<Int>) -> [[Value]] {
        if let made { return Array(made[range]) }
        return source!.rows(range)
    }

    /// Ranges of at most `size` rows covering the table, in order.
    func blocks(of size: Int) -> [Range<Int>] {
        let n = rowCount, size = max(1, size)
        return stride(from: 0, to: n, by: size).map { $0..<min($0 + size, n) }
    }

    public static func == (a: Table, b: Table) -> Bool { a.columns == b.columns && a.rows == b.rows }

    /// The rows as JSON objects keyed by column key.
    public var jsonValue: Value {
        .array(rows.map { row in .object(zip(columns, row).map { Value.Field($0.key, $1) }) })
    }

    /// Writes `jsonValue` as JSON without building it, handing it on between rows.
    func writeJSON(to w: inout ByteWriter) {
        w.append(UInt8(ascii: "["))
        writeRowObjects(to: &w, separator: UInt8(ascii: ","), last: false)
        w.append(UInt8(ascii: "]"))
    }

    /// Writes each row object on its own line (JSON lines), handing them on between rows.
    func writeJSONLines(to w: inout ByteWriter) {
        writeRowObjects(to: &w, separator: 0x0A, last: true)
    }

    /// The row objects with `separator` between them (and after the last when `last`).
    private func writeRowObjects(to w: inout ByteWriter, separator: UInt8, last: Bool) {
        var first = true
        for block in blocks(of: TableLayout.rowsPerBlock) {
            if Interrupt.isRequested { return } // Ctrl-C: the rest is not written
            for row in rows(in: block) {
                if !first && !last { w.append(separator) }
                first = false
                w.append(UInt8(ascii: "{"))
                for (k, (c, v)) in zip(columns, row).enumerated() {
                    if k > 0 { w.append(UInt8(ascii: ",")) }
                    Value.escape(c.key, to: &w)
                    w.append(UInt8(ascii: ":"))
                    v.writeJSON(to: &w)
                }
                w.append(UInt8(ascii: "}"))
                if last { w.append(separator) }
                w.flushIfFull()
            }
        }
    }
}

/// What a command produced, before rendering.
public struct CommandOutput: Sendable {
    /// One piece of human-oriented output.
    public enum Block: Sendable, Equatable {
        /// A section heading.
        case heading(String)
        /// Plain text, printed as is.
        case text(String)
        /// A table.
        case table(Table)
    }

    /// What table mode prints, in order.
    public var blocks: [Block]
    /// The one JSON value json mode prints; derived from the first table when nil.
    public var json: Value?
    /// The one table CSV mode prints, when the blocks' tables do not make one CSV table by
    /// themselves (`diff`: its sections in one table with a `section` column); nil for the blocks'.
    public var csv: Table?
    /// Whether this output changed the workspace (for unsaved-change tracking).
    public var mutates: Bool
    /// True when part of the work failed (errors already reported): the command counts as failed.
    public var partialFailure = false

    public init(blocks: [Block] = [], json: Value? = nil, mutates: Bool = false) {
        self.blocks = blocks
        self.json = json
        self.mutates = mutates
    }

    /// A table result: its JSON is the array of row objects unless given (derived when printed,
    /// so table and CSV output never build it).
    public static func table(_ t: Table, json: Value? = nil) -> CommandOutput {
        CommandOutput(blocks: [.table(t)], json: json)
    }

    /// A status message: text in table mode, `{"ok":true,"message":…}` plus extra fields in JSON.
    public static func message(_ text: String, _ extra: [Value.Field] = [], mutates: Bool = false) -> CommandOutput {
        CommandOutput(blocks: [.text(text)], json: .object([Value.Field("ok", .bool(true)), Value.Field("message", .string(text))] + extra),
                      mutates: mutates)
    }

    /// The JSON this output renders to.
    public var jsonValue: Value {
        if let j = json { return j }
        for b in blocks { if case .table(let t) = b { return t.jsonValue } }
        let text = blocks.compactMap { b -> String? in if case .text(let s) = b { return s }; return nil }.joined(separator: "\n")
        return .object([Value.Field("text", .string(text))])
    }
}
