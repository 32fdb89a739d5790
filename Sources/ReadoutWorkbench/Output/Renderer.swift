import ReadoutEngine

/// Turns command outputs into text for one output format. The only place output is formatted.
///
/// Rendering works on UTF-8 bytes and can stream: `render(_:to:)` hands the text on in chunks
/// of about `chunkSize` bytes, so a large result is never held as one string.
public struct Renderer: Sendable {
    /// The format results are printed in.
    public var format: OutputFormat
    /// Width and colour for table output.
    public var style: RenderStyle

    /// About how many bytes `render(_:to:)` hands on at a time.
    public static let chunkSize = 1 << 16

    /// A renderer for `format` with `style`.
    public init(format: OutputFormat, style: RenderStyle) {
        self.format = format
        self.style = style
    }

    /// The full text for `output`, ending in a newline unless empty.
    public func render(_ output: CommandOutput) -> String {
        String(decoding: renderBytes(output), as: UTF8.self)
    }

    /// The full text for `output` as UTF-8 bytes (what `render(_:)` returns, without the string).
    public func renderBytes(_ output: CommandOutput) -> [UInt8] {
        var w = ByteWriter()
        write(output, to: &w)
        return w.bytes
    }

    /// Hands the text for `output` to `sink` in pieces of about `chunkSize` bytes, cut between
    /// lines or values (never inside a character). Joined, the pieces are `render(output)`;
    /// `sink` is not called when that is empty.
    public func render(_ output: CommandOutput, chunkSize: Int = Renderer.chunkSize, to sink: (String) -> Void) {
        render(output, chunkSize: chunkSize, toBytes: { sink(String(decoding: $0, as: UTF8.self)) })
    }

    /// Like `render(_:chunkSize:to:)`, handing on the UTF-8 bytes (valid text, cut between
    /// characters) with no `String` made: what a front end writing to a file descriptor wants.
    public func render(_ output: CommandOutput, chunkSize: Int = Renderer.chunkSize, toBytes sink: ([UInt8]) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var w = ByteWriter(chunkSize: chunkSize, sink: sink)
            write(output, to: &w)
            w.flush()
        }
    }

    func write(_ output: CommandOutput, to w: inout ByteWriter) {
        switch format {
        case .json:
            if let j = output.json {
                j.writeJSON(to: &w)
            } else if let t = output.firstTable {
                t.writeJSON(to: &w) // the rows straight from the table: no Value tree
            } else {
                output.jsonValue.writeJSON(to: &w)
            }
            w.append(0x0A)
        case .jsonl:
            if let j = output.json {
                if case .array(let items) = j {
                    for (n, item) in items.enumerated() {
                        if n & 255 == 255 && Interrupt.isRequested { return } // Ctrl-C: the rest is not written
                        item.writeJSON(to: &w)
                        w.append(0x0A)
                        w.flushIfFull()
                    }
                } else {
                    j.writeJSON(to: &w)
                    w.append(0x0A)
                }
            } else if let t = output.firstTable {
                t.writeJSONLines(to: &w)
            } else {
                output.jsonValue.writeJSON(to: &w)
                w.append(0x0A)
            }
        case .csv:
            if let t = output.csv {
                CSV.write(t, to: &w)
                return
            }
            let hasTable = output.firstTable != nil
            var first = true
            for b in output.blocks {
                let t: Table
                switch b {
                case .table(let table): t = table
                case .text(let s) where !hasTable: t = Table([Column("text")], rows: [[.string(s)]])
                default: continue
                }
                if !first { w.appendLiteral("\r\n") }
                first = false
                CSV.write(t, to: &w)
            }
        case .table:
            for b in output.blocks {
                switch b {
                case .heading(let h):
                    if !w.isEmpty { w.append(0x0A) }
                    // a heading longer than the width wraps at spaces, as table cells do
                    for line in TableLayout.headingLines(TerminalText.escape(h), width: style.width) {
                        if style.color {
                            w.appendLiteral("\u{1B}[1m")
                            w.append(line)
                            w.appendLiteral("\u{1B}[0m")
                        } else {
                            w.append(line)
                        }
                        w.append(0x0A)
                    }
                case .text(let s):
                    w.append(TerminalText.escape(s))
                    if !(s.hasSuffix("\n") || s.isEmpty) { w.append(0x0A) }
                case .table(let t):
                    TableLayout.write(t, style: style, to: &w)
                }
                w.flushIfFull()
            }
        }
    }
}

extension CommandOutput {
    var firstTable: Table? {
        for b in blocks { if case .table(let t) = b { return t } }
        return nil
    }
}

/// RFC 4180 CSV: CRLF line ends, fields with comma, quote or line break quoted, quotes doubled.
public enum CSV {
    /// The table as CSV text: a header line, then one line per row.
    public static func render(_ t: Table) -> String {
        var w = ByteWriter()
        write(t, to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func write(_ t: Table, to w: inout ByteWriter) {
        for (i, c) in t.columns.enumerated() {
            if i > 0 { w.append(UInt8(ascii: ",")) }
            field(c.title, to: &w)
        }
        w.appendLiteral("\r\n")
        for block in t.blocks(of: TableLayout.rowsPerBlock) {
            if Interrupt.isRequested { return } // Ctrl-C: the rest is not written
            for row in t.rows(in: block) {
                for (i, v) in row.enumerated() {
                    if i > 0 { w.append(UInt8(ascii: ",")) }
                    switch v {
                    case .null: break
                    case .int(let n): w.appendDecimal(n)
                    default: field(t.columns[i].cellText(v), to: &w)
                    }
                }
                w.appendLiteral("\r\n")
                w.flushIfFull()
            }
        }
    }

    /// Writes `v` as a field, quoted when it holds a comma, quote or line break.
    static func field(_ v: String, to w: inout ByteWriter) {
        var v = v
        let done = v.withUTF8 { b -> Bool in
            // Quote only when a comma, quote, CR or LF is its own character. With ASCII on both
            // sides it is; otherwise (a combining mark after it, say) the String code decides.
            var special = false
            for k in 0..<b.count {
                let x = b[k]
                guard x == 0x2C || x == 0x22 || x == 0x0A || x == 0x0D else { continue }
                special = true
                if (x == 0x2C || x == 0x22) && ((k > 0 && b[k - 1] >= 0x80) || (k + 1 < b.count && b[k + 1] >= 0x80)) {
                    return false
                }
            }
            guard special else {
                w.append(b)
                return true
            }
            w.append(0x22)
            var run = 0
            for k in 0..<b.count where b[k] == 0x22 {
                w.append(UnsafeBufferPointer(rebasing: b[run...k]))
                w.append(0x22)
                run = k + 1
            }
            w.append(UnsafeBufferPointer(rebasing: b[run...]))
            w.append(0x22)
            return true
        }
        if !done { w.append(field(v)) }
    }

    /// `v` as a field, decided on characters (the reference for `field(_:to:)`).
    static func field(_ v: String) -> String {
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}

/// Aligned text tables that fit a width, measured in terminal columns (`TerminalColumns`).
///
/// A table too wide for the width narrows its flexible columns first (not below 12 columns), then
/// its other text columns (not below 12), then every text column (not below 1); a narrowed column
/// wraps its text onto more lines, or cuts it with "…" when it must stay on one line. Columns of
/// numbers never narrow. So a line is wider than the width only when the numbers, the gaps and a
/// column for each text column cannot fit, or when a column narrowed to one is to hold a
/// character two columns wide: those are the minimums a table cannot go below.
public enum TableLayout {
    /// The table as aligned text: header, rule, rows (long text wrapped or cut) and a row count.
    public static func render(_ t: Table, style: RenderStyle) -> String {
        render(t, style: style, rowsPerBlock: TableLayout.rowsPerBlock)
    }

    /// `render(_:style:)` with blocks of `rowsPerBlock` rows (the text does not depend on it).
    static func render(_ t: Table, style: RenderStyle, rowsPerBlock: Int) -> String {
        var w = ByteWriter()
        write(t, style: style, to: &w, rowsPerBlock: rowsPerBlock)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Part of a row's text in a byte arena, with its width in terminal columns.
    struct Span {
        var start: Int
        var end: Int
        var width: Int
        static let empty = Span(start: 0, end: 0, width: 0)
        /// True when every scalar is one byte (then one column each: other scalars have more
        /// bytes than columns).
        var isASCII: Bool { end - start == width }
    }

    /// Rows measured or laid out together, on every core when a table has several such blocks.
    static let rowsPerBlock = 128
    /// Blocks laid out at a time before they are handed on, so a long table is never held whole.
    static let blocksPerWave = 4

    /// Column widths are found in one pass over the cells; rows are then laid out into bytes and
    /// written to `out`, which may hand them on as it fills. Both passes work on blocks of rows, on
    /// every core for a long table; blocks are joined in row order, so the text is the same.
    static func write(_ t: Table, style: RenderStyle, to out: inout ByteWriter, rowsPerBlock: Int = TableLayout.rowsPerBlock) {
        let n = t.columns.count
        // flexible wrapping columns keep a cell's line breaks; other columns show them as spaces
        let keepsBreaks = t.columns.map { $0.flexible && $0.wraps }
        let blocks = t.blocks(of: rowsPerBlock)
        var widths = t.columns.map { width($0.title) }
        var numeric = [Bool](repeating: t.rowCount > 0, count: n)
        for m in ParallelMap.map(blocks.indices, threshold: 2, { measure(t, keepsBreaks, blocks[$0]) }) {
            for i in 0..<n {
                widths[i] = max(widths[i], m.widths[i])
                numeric[i] = numeric[i] && m.numeric[i]
            }
        }
        let gap = 2
        let natural = widths
        var over = widths.reduce(0, +) + gap * max(0, widths.count - 1) - style.width
        let share = t.columns.map(\.share)
        over = narrow(&widths, over: over, share: share, floor: 12) { t.columns[$0].flexible }
        // still too wide: the other text columns give way too, then every text column below 12
        if over > 0 { over = narrow(&widths, over: over, share: share, floor: 12) { !t.columns[$0].flexible && !numeric[$0] } }
        if over > 0 { over = narrow(&widths, over: over, share: share, floor: 1) { !numeric[$0] } }
        // a narrowed column that may wrap does; flexible ones may be narrowed to exactly their text
        let wraps = t.columns.indices.map { t.columns[$0].wraps && (t.columns[$0].flexible || widths[$0] < natural[$0]) }
        let lines = LineWriter(widths: widths, numeric: numeric, alignRight: t.columns.map(\.alignRight), color: style.color)

        var arena: [UInt8] = []
        var spans = [Span](repeating: .empty, count: n)
        for (i, c) in t.columns.enumerated() { spans[i] = append(c.title, to: &arena) }
        var scratch: [UInt8] = []
        lines.write(spans, from: arena, header: true, scratch: &scratch, to: &out)
        for (i, w) in widths.enumerated() {
            if i > 0 { out.appendSpaces(gap) }
            out.bytes.append(contentsOf: repeatElement(UInt8(ascii: "-"), count: w))
        }
        out.append(0x0A)

        let fixedWidths = widths
        var previousSpaced = false
        for wave in stride(from: 0, to: blocks.count, by: blocksPerWave) {
            // Ctrl-C: the rest is neither laid out nor written (the workbench says "interrupted")
            if Interrupt.isRequested { return }
            let range = wave..<min(wave + blocksPerWave, blocks.count)
            let laidOut = ParallelMap.map(range, threshold: 2) {
                layOut(t, blocks[$0], keepsBreaks: keepsBreaks, wraps: wraps, widths: fixedWidths, lines: lines)
            }
            for block in laidOut {
                // a block opens with the blank line before a wrapped row unless the row before it left one
                let skip = previousSpaced && block.leadingBlank ? 1 : 0
                block.bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[skip...])) }
                previousSpaced = block.endsSpaced
                out.flushIfFull()
            }
        }
        out.appendLiteral("(")
        out.appendDecimal(t.rowCount)
        out.appendLiteral(t.rowCount == 1 ? " row)\n" : " rows)\n")
    }

    /// Narrows the widest of the columns `eligible` picks toward the next widest, one step at a
    /// time, none below `floor`, until the table is no longer `over` or none can narrow; returns
    /// how much it is still over. Widths are compared per share, so a column of share 3 counts a
    /// third of its width.
    static func narrow(_ widths: inout [Int], over: Int, share: [Int], floor: Int, _ eligible: (Int) -> Bool) -> Int {
        var over = over
        while over > 0 {
            let flex = widths.indices.filter { eligible($0) && widths[$0] > floor }
            guard let i = flex.max(by: { widths[$0] * share[$1] < widths[$1] * share[$0] }) else { break }
            // the next widest column's width per share, as a width of column i (rounded up)
            let next = flex.filter { $0 != i }.map { (widths[$0] * share[i] + share[$0] - 1) / share[$0] }.max() ?? floor
            let cut = max(1, min(over, widths[i] - max(floor, next)))
            widths[i] -= cut
            over -= cut
        }
        return over
    }

    /// The widest cell of each column over `rows`, and whether every cell there is a number.
    private static func measure(_ t: Table, _ keepsBreaks: [Bool], _ rows: Range<Int>) -> (widths: [Int], numeric: [Bool]) {
        let n = t.columns.count
        var widths = [Int](repeating: 0, count: n)
        var numeric = [Bool](repeating: true, count: n)
        for row in t.rows(in: rows) {
            for i in 0..<n {
                guard i < row.count else {
                    numeric[i] = false
                    continue
                }
                let v = row[i]
                switch v {
                case .null: break
                case .int(let x): widths[i] = max(widths[i], decimalWidth(x))
                default:
                    numeric[i] = numeric[i] && v.isNumber
                    var c = TerminalText.escape(keepsBreaks[i] ? t.columns[i].cellText(v) : clean(t.columns[i].cellText(v)))
                    widths[i] = max(widths[i], c.withUTF8 { b in b.contains(0x0A) ? widestLine(b) : UTF8Text.width(b) })
                }
            }
        }
        return (widths, numeric)
    }

    /// Rows laid out as text: `wraps` columns wrap onto more lines instead of being cut (those
    /// that `keepsBreaks` keep their line breaks), with a blank line around each row that takes
    /// several lines. `leadingBlank`: the text opens with such a blank line; `endsSpaced`: it ends with one.
    private static func layOut(_ t: Table, _ rows: Range<Int>, keepsBreaks: [Bool], wraps: [Bool], widths: [Int], lines: LineWriter)
        -> (bytes: [UInt8], leadingBlank: Bool, endsSpaced: Bool) {
        let n = t.columns.count
        var out = ByteWriter()
        var arena: [UInt8] = []
        var scratch: [UInt8] = []
        var spans = [Span](repeating: .empty, count: n)
        var wrapped = [[Span]](repeating: [], count: n)
        var isWrapped = [Bool](repeating: false, count: n)
        var spaced = false
        var leadingBlank = false
        let blockRows = t.rows(in: rows)
        for r in rows {
            let row = blockRows[r - rows.lowerBound]
            arena.removeAll(keepingCapacity: true)
            var height = 1
            for i in 0..<n {
                isWrapped[i] = false
                guard i < row.count else {
                    spans[i] = .empty
                    continue
                }
                let v = row[i]
                if case .int(let x) = v {
                    let start = arena.count
                    arena.appendDecimal(x)
                    spans[i] = Span(start: start, end: arena.count, width: arena.count - start)
                    if !(wraps[i] && spans[i].width > widths[i]) { continue }
                }
                var c = TerminalText.escape(keepsBreaks[i] ? t.columns[i].cellText(v) : clean(t.columns[i].cellText(v)))
                c.withUTF8 { b in
                    let start = arena.count
                    arena.append(contentsOf: b)
                    spans[i] = Span(start: start, end: arena.count, width: UTF8Text.width(b))
                    if wraps[i] && (b.contains(0x0A) || spans[i].width > widths[i]) {
                        wrapped[i].removeAll(keepingCapacity: true)
                        wrapCell(b, widths[i], into: &arena, lines: &wrapped[i])
                        isWrapped[i] = true
                        height = max(height, wrapped[i].count)
                    }
                }
            }
            if height > 1 && r > 0 && !spaced {
                if r == rows.lowerBound { leadingBlank = true }
                out.append(0x0A)
            }
            if height == 1 {
                lines.write(spans, from: arena, header: false, scratch: &scratch, to: &out)
            } else {
                var line = [Span](repeating: .empty, count: n)
                for k in 0..<height {
                    for i in 0..<n {
                        if isWrapped[i] {
                            line[i] = k < wrapped[i].count ? wrapped[i][k] : .empty
                        } else {
                            line[i] = k == 0 ? spans[i] : .empty
                        }
                    }
                    lines.write(line, from: arena, header: false, scratch: &scratch, to: &out)
                }
            }
            spaced = height > 1 && r + 1 < t.rowCount
            if spaced { out.append(0x0A) }
        }
        return (out.bytes, leadingBlank, spaced)
    }

    /// Writes lines of cells padded to column widths.
    struct LineWriter {
        let widths: [Int]
        let numeric: [Bool]
        let alignRight: [Bool]
        let color: Bool

        /// Writes one line. It is laid out in `scratch` with plain stores and appended to `out`
        /// in one piece: appending cell by cell and pad by pad cost more than the copying itself.
        func write(_ cells: [Span], from arena: [UInt8], header: Bool, scratch: inout [UInt8], to out: inout ByteWriter) {
            let bold = header && color
            // at most: each cell's bytes, its padding, an ellipsis (3 bytes), the gap, colour codes
            var bound = 1
            for (i, w) in widths.enumerated() { bound += cells[i].end - cells[i].start + w + 5 + (bold ? 8 : 0) }
            if scratch.count < bound { scratch = [UInt8](repeating: 0, count: bound) }
            let length = scratch.withUnsafeMutableBufferPointer { s in
                arena.withUnsafeBufferPointer { a in
                    var n = 0
                    func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                        for b in bytes { s[n] = b; n += 1 }
                    }
                    func put(_ literal: StaticString) { literal.withUTF8Buffer { put($0) } }
                    func spaces(_ count: Int) {
                        for _ in 0..<max(0, count) { s[n] = 0x20; n += 1 }
                    }
                    for (i, w) in widths.enumerated() {
                        var c = cells[i]
                        let right = !header && alignRight[i]
                        var cw = c.width
                        var ellipsis = 0 // 1: "…" before (cut from the left), 2: after
                        if cw > w {
                            // cut to what fits beside the ellipsis (narrower if a wide character does not fit)
                            let keep = max(0, w - 1)
                            if right {
                                if c.isASCII { c.start = c.end - keep; cw = keep } else { (c.start, cw) = UTF8Text.suffixStart(a, c.start, c.end, columns: keep) }
                                ellipsis = 1
                            } else {
                                if c.isASCII { c.end = c.start + keep; cw = keep } else { (c.end, cw) = UTF8Text.prefixEnd(a, c.start, c.end, columns: keep) }
                                ellipsis = 2
                            }
                            cw += 1
                        }
                        let pad = max(0, w - cw)
                        if i > 0 { spaces(2) }
                        if bold { put("\u{1B}[1m") }
                        if numeric[i] || right { spaces(pad) }
                        if ellipsis == 1 { put("…") }
                        put(UnsafeBufferPointer(rebasing: a[c.start..<c.end]))
                        if ellipsis == 2 { put("…") }
                        if !(numeric[i] || right) && i != widths.count - 1 { spaces(pad) }
                        if bold { put("\u{1B}[0m") }
                    }
                    return n
                }
            }
            let lineStart = out.bytes.count
            scratch.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[..<length])) }
            TableLayout.trimTrailingSpaces(&out.bytes, from: lineStart)
            out.append(0x0A)
        }
    }

    /// Drops the spaces that end `bytes[from...]`, as removing the last character while it ends
    /// in a space would: a Prepend mark before the spaces forms one character with the last one.
    static func trimTrailingSpaces(_ bytes: inout [UInt8], from lineStart: Int) {
        var end = bytes.count
        while end > lineStart && bytes[end - 1] == 0x20 { end -= 1 }
        guard end < bytes.count else { return }
        let joins = end > lineStart && bytes[end - 1] >= 0x80
            && bytes.withUnsafeBufferPointer { UTF8Text.mayJoinNext(UTF8Text.scalar(endingAt: end - 1, in: $0)) }
        if joins {
            var s = String(decoding: bytes[lineStart...], as: UTF8.self)
            while s.utf8.last == 0x20 { s.removeLast() }
            bytes.removeSubrange(lineStart...)
            bytes.append(contentsOf: s.utf8)
        } else {
            bytes.removeSubrange(end...)
        }
    }

    /// Copies `s` into `arena`.
    static func append(_ s: String, to arena: inout [UInt8]) -> Span {
        var s = s
        return s.withUTF8 { b in
            let start = arena.count
            arena.append(contentsOf: b)
            return Span(start: start, end: arena.count, width: UTF8Text.width(b))
        }
    }

    /// Digits (and sign) of `x`.
    static func decimalWidth(_ x: Int) -> Int {
        var m = x.magnitude
        var n = x < 0 ? 2 : 1
        while m >= 10 {
            m /= 10
            n += 1
        }
        return n
    }

    /// The widest line of `b` in columns: lines end at LF characters (a CR LF pair is one
    /// character, not a break).
    static func widestLine(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        var widest = 0
        var lineStart = 0
        for k in 0...b.count where k == b.count || (b[k] == 0x0A && !(k > 0 && b[k - 1] == 0x0D)) {
            widest = max(widest, UTF8Text.width(b, lineStart, k))
            lineStart = k + 1
        }
        return widest
    }

    /// The lines cell text `b` shows as in a column `limit` wide: each of its lines (split at LF
    /// characters) cleaned and wrapped. Appends them to `arena`.
    static func wrapCell(_ b: UnsafeBufferPointer<UInt8>, _ limit: Int, into arena: inout [UInt8], lines: inout [Span]) {
        var pieceStart = 0
        for k in 0...b.count where k == b.count || (b[k] == 0x0A && !(k > 0 && b[k - 1] == 0x0D)) {
            let piece = UnsafeBufferPointer(rebasing: b[pieceStart..<k])
            pieceStart = k + 1
            if piece.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                var cleaned = clean(String(decoding: piece, as: UTF8.self))
                cleaned.withUTF8 { wrapLine($0, limit, into: &arena, lines: &lines) }
            } else {
                wrapLine(piece, limit, into: &arena, lines: &lines)
            }
        }
    }

    /// `wrap(_:_:)` on bytes: appends the lines of `b` (no line breaks) to `arena`.
    static func wrapLine(_ b: UnsafeBufferPointer<UInt8>, _ limit: Int, into arena: inout [UInt8], lines: inout [Span]) {
        // Words are split at space characters. A space next to a combining mark or a Prepend
        // mark is part of a larger character and splits nothing: leave those to the String code.
        for k in 0..<b.count where b[k] == 0x20 {
            if (k + 1 < b.count && b[k + 1] >= 0x80 && UTF8Text.mayJoinPrevious(UTF8Text.scalar(startingAt: k + 1, in: b)))
                || (k > 0 && b[k - 1] >= 0x80 && UTF8Text.mayJoinNext(UTF8Text.scalar(endingAt: k - 1, in: b))) {
                for line in wrap(String(decoding: b, as: UTF8.self), limit) { lines.append(append(line, to: &arena)) }
                return
            }
        }
        let limit = max(1, limit)
        let before = lines.count
        var current = -1 // arena index where the line being filled starts, or -1
        var currentWidth = 0
        var k = 0
        while k < b.count {
            if b[k] == 0x20 {
                k += 1
                continue
            }
            var start = k
            while k < b.count && b[k] != 0x20 { k += 1 }
            var ww = UTF8Text.width(b, start, k)
            let ascii = ww == k - start
            while ww > limit {
                if current >= 0 {
                    lines.append(Span(start: current, end: arena.count, width: currentWidth))
                    current = -1
                    currentWidth = 0
                }
                let (cut, cw) = ascii ? (start + limit, limit) : piece(b, start, k, limit)
                let s = arena.count
                arena.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<cut]))
                lines.append(Span(start: s, end: arena.count, width: cw))
                start = cut
                ww -= cw
            }
            if start == k { continue } // the word's last piece was a line of its own
            if current < 0 {
                current = arena.count
                currentWidth = ww
            } else if currentWidth + 1 + ww <= limit {
                arena.append(0x20)
                currentWidth += 1 + ww
            } else {
                lines.append(Span(start: current, end: arena.count, width: currentWidth))
                current = arena.count
                currentWidth = ww
            }
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<k]))
        }
        if current >= 0 || lines.count == before {
            lines.append(current >= 0 ? Span(start: current, end: arena.count, width: currentWidth) : .empty)
        }
    }

    /// Where the piece of a long word `b[start..<end]` that is split off onto a line `limit`
    /// columns wide ends, and its width: as much as fits, or one character (with its marks) when
    /// not even that does (a wide character in a column one wide: the line is wider).
    static func piece(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ limit: Int) -> (end: Int, width: Int) {
        let fit = UTF8Text.prefixEnd(b, start, end, columns: limit)
        return fit.end > start ? fit : UTF8Text.firstCharacterEnd(b, start, end)
    }

    /// Display width in terminal columns.
    @inline(__always) static func width(_ s: String) -> Int {
        TerminalColumns.width(s)
    }

    /// The lines a heading shows as at `width`: itself when it fits, else wrapped at spaces.
    static func headingLines(_ h: String, width: Int) -> [String] {
        guard !h.isEmpty, TableLayout.width(h) > width || h.utf8.contains(0x0A) else { return [h] }
        return h.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(clean(String($0)), max(1, width)) }
    }

    /// `s` split where a line `limit` columns wide would take its first piece (`piece(_:_:_:_:)`).
    static func splitPiece(_ s: String, _ limit: Int) -> (piece: String, width: Int, rest: String) {
        var s = s
        return s.withUTF8 { b in
            let (cut, w) = piece(b, 0, b.count, limit)
            return (String(decoding: UnsafeBufferPointer(rebasing: b[..<cut]), as: UTF8.self), w,
                    String(decoding: UnsafeBufferPointer(rebasing: b[cut...]), as: UTF8.self))
        }
    }

    /// Breaks text into lines of at most `width` columns at spaces (long words are split).
    /// The reference for `wrapLine`, which falls back to it for spaces inside larger characters.
    static func wrap(_ s: String, _ limit: Int) -> [String] {
        let limit = max(1, limit)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var ww = width(w)
            while ww > limit {
                if !current.isEmpty { lines.append(current); current = ""; currentWidth = 0 }
                let (first, fw, rest) = splitPiece(w, limit)
                lines.append(first)
                w = rest
                ww -= fw
            }
            if w.isEmpty { continue }
            if current.isEmpty {
                current = w
                currentWidth = ww
            } else if currentWidth + 1 + ww <= limit {
                current += " " + w
                currentWidth += 1 + ww
            } else {
                lines.append(current)
                current = w
                currentWidth = ww
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// `s` with line breaks and tabs (as characters: CR LF is one) turned into single spaces.
    static func clean(_ s: String) -> String {
        var s = s
        guard s.withUTF8({ $0.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) }) else { return s }
        return String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
