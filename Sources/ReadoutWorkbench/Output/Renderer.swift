/// Turns command outputs into text for one output format. The only place output is formatted.
public struct Renderer: Sendable {
    public var format: OutputFormat
    public var style: RenderStyle

    public init(format: OutputFormat, style: RenderStyle) {
        self.format = format
        self.style = style
    }

    /// The full text for `output`, ending in a newline unless empty.
    public func render(_ output: CommandOutput) -> String {
        switch format {
        case .json:
            return output.jsonValue.json + "\n"
        case .csv:
            var parts: [String] = []
            for b in output.blocks {
                switch b {
                case .table(let t): parts.append(CSV.render(t))
                case .text(let s): if !output.blocks.contains(where: { if case .table = $0 { return true }; return false }) {
                    parts.append(CSV.render(Table([Column("text")], rows: [[.string(s)]])))
                }
                case .heading: break
                }
            }
            return parts.joined(separator: "\r\n")
        case .table:
            var out = ""
            for b in output.blocks {
                switch b {
                case .heading(let h):
                    if !out.isEmpty { out += "\n" }
                    out += (style.color ? "\u{1B}[1m" + h + "\u{1B}[0m" : h) + "\n"
                case .text(let s):
                    out += s.hasSuffix("\n") || s.isEmpty ? s : s + "\n"
                case .table(let t):
                    out += TableLayout.render(t, style: style)
                }
            }
            return out
        }
    }
}

/// RFC 4180 CSV: CRLF line ends, fields with comma, quote or line break quoted, quotes doubled.
public enum CSV {
    public static func render(_ t: Table) -> String {
        var s = t.columns.map { field($0.title) }.joined(separator: ",") + "\r\n"
        for row in t.rows {
            s += row.map { field($0.cellText) }.joined(separator: ",") + "\r\n"
        }
        return s
    }

    static func field(_ v: String) -> String {
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }
}

/// Aligned text tables that fit a width by shortening flexible columns.
public enum TableLayout {
    public static func render(_ t: Table, style: RenderStyle) -> String {
        let cells: [[String]] = t.rows.map { row in row.enumerated().map { i, v in
            i < t.columns.count && t.columns[i].flexible && t.columns[i].wraps ? v.cellText : clean(v.cellText)
        } }
        var widths = t.columns.map { $0.title.count }
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], c.split(separator: "\n").map(\.count).max() ?? 0)
            }
        }
        let gap = 2
        let total = { widths.reduce(0, +) + gap * max(0, widths.count - 1) }
        var over = total() - style.width
        // shrink the widest flexible column toward the next widest, one step at a time, not below 12
        while over > 0 {
            let flex = widths.indices.filter { t.columns[$0].flexible && widths[$0] > 12 }
            guard let i = flex.max(by: { widths[$0] < widths[$1] }) else { break }
            let next = flex.filter { $0 != i }.map { widths[$0] }.max() ?? 12
            let cut = max(1, min(over, widths[i] - max(12, next)))
            widths[i] -= cut
            over -= cut
        }
        let numeric = t.columns.indices.map { i in !t.rows.isEmpty && t.rows.allSatisfy { i < $0.count && ($0[i].isNumber || $0[i] == .null) } }
        func line(_ row: [String], header: Bool) -> String {
            var parts: [String] = []
            for (i, w) in widths.enumerated() {
                var c = i < row.count ? row[i] : ""
                let right = !header && t.columns[i].alignRight
                if c.count > w { c = right ? "…" + String(c.suffix(max(0, w - 1))) : String(c.prefix(max(0, w - 1))) + "…" }
                let pad = String(repeating: " ", count: max(0, w - c.count))
                let last = i == widths.count - 1
                var cell = numeric[i] || right ? pad + c : (last ? c : c + pad)
                if header && style.color { cell = "\u{1B}[1m" + cell + "\u{1B}[0m" }
                parts.append(cell)
            }
            var s = parts.joined(separator: String(repeating: " ", count: gap))
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(t.columns.map(\.title), header: true) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap)) + "\n"
        var spaced = false
        for (r, row) in cells.enumerated() {
            // flexible text columns wrap onto more lines (and keep their line breaks) instead of being cut
            var columns: [[String]] = []
            for (i, w) in widths.enumerated() {
                let c = i < row.count ? row[i] : ""
                if t.columns[i].flexible && t.columns[i].wraps {
                    columns.append(c.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(clean(String($0)), w) })
                } else {
                    columns.append([c])
                }
            }
            let height = columns.map(\.count).max() ?? 1
            if height > 1 && r > 0 && !spaced { out += "\n" }
            for k in 0..<height { out += line(columns.map { k < $0.count ? $0[k] : "" }, header: false) + "\n" }
            spaced = height > 1 && r + 1 < cells.count
            if spaced { out += "\n" }
        }
        out += "(\(t.rows.count) row\(t.rows.count == 1 ? "" : "s"))\n"
        return out
    }

    /// Breaks text into lines of at most `width` characters at spaces (long words are split).
    static func wrap(_ s: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = Substring(word)
            while w.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(w.prefix(width)))
                w = w.dropFirst(width)
            }
            if current.isEmpty { current = String(w) } else if current.count + 1 + w.count <= width { current += " " + w } else {
                lines.append(current)
                current = String(w)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func clean(_ s: String) -> String {
        guard s.contains(where: { $0.isNewline || $0 == "\t" }) else { return s }
        return String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
