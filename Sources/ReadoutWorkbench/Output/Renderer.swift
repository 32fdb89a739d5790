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
        let wraps = t.columns.map { $0.flexible && $0.wraps }
        let cells: [[String]] = t.rows.map { row in row.enumerated().map { i, v in
            i < wraps.count && wraps[i] ? v.cellText : clean(v.cellText)
        } }
        var widths = t.columns.map { width($0.title) }
        for row in cells {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], hasLineBreak(c) ? c.split(separator: "\n").map { width(String($0)) }.max() ?? 0 : width(c))
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
        let separator = String(repeating: " ", count: gap)
        let spaces = String(repeating: " ", count: (widths.max() ?? 0) + 1)
        func line(_ row: [String], header: Bool, into out: inout String) {
            // written straight into `out`: no per-cell padded copies
            for (i, w) in widths.enumerated() {
                var c = i < row.count ? row[i] : ""
                let right = !header && t.columns[i].alignRight
                var cw = width(c)
                if cw > w {
                    c = right ? "…" + suffix(c, max(0, w - 1)) : prefix(c, max(0, w - 1)) + "…"
                    cw = w
                }
                let pad = max(0, w - cw)
                let last = i == widths.count - 1
                if i > 0 { out += separator }
                if header && style.color { out += "\u{1B}[1m" }
                if numeric[i] || right {
                    out += spaces.prefix(pad)
                    out += c
                } else {
                    out += c
                    if !last { out += spaces.prefix(pad) }
                }
                if header && style.color { out += "\u{1B}[0m" }
            }
            while out.utf8.last == 0x20 { out.removeLast() }
            out += "\n"
        }
        var out = ""
        out.reserveCapacity(cells.count * (total() + 1) + 256)
        line(t.columns.map(\.title), header: true, into: &out)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: separator) + "\n"
        var spaced = false
        for (r, row) in cells.enumerated() {
            // flexible text columns wrap onto more lines (and keep their line breaks) instead of being cut
            var columns: [[String]] = []
            var height = 1
            for (i, w) in widths.enumerated() {
                let c = i < row.count ? row[i] : ""
                if wraps[i] && (hasLineBreak(c) || width(c) > w) {
                    let lines = c.split(separator: "\n", omittingEmptySubsequences: false).flatMap { wrap(clean(String($0)), w) }
                    height = max(height, lines.count)
                    columns.append(lines)
                } else {
                    columns.append([c])
                }
            }
            if height > 1 && r > 0 && !spaced { out += "\n" }
            if height == 1 {
                line(row, header: false, into: &out)
            } else {
                for k in 0..<height { line(columns.map { k < $0.count ? $0[k] : "" }, header: false, into: &out) }
            }
            spaced = height > 1 && r + 1 < cells.count
            if spaced { out += "\n" }
        }
        out += "(\(t.rows.count) row\(t.rows.count == 1 ? "" : "s"))\n"
        return out
    }

    /// Display width: Unicode scalars, counted on the UTF-8 bytes (fast for large tables).
    @inline(__always) static func width(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    @inline(__always) static func hasLineBreak(_ s: String) -> Bool { s.utf8.contains(0x0A) }

    /// The first `n` scalars of `s`.
    static func prefix(_ s: String, _ n: Int) -> String {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars.prefix(n) { v.append(u) }
        return String(v)
    }

    /// The last `n` scalars of `s`.
    static func suffix(_ s: String, _ n: Int) -> String {
        var v = String.UnicodeScalarView()
        for u in s.unicodeScalars.suffix(n) { v.append(u) }
        return String(v)
    }

    /// Breaks text into lines of at most `width` characters at spaces (long words are split).
    static func wrap(_ s: String, _ limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = String(word)
            var ww = width(w)
            while ww > limit {
                if !current.isEmpty { lines.append(current); current = ""; currentWidth = 0 }
                lines.append(prefix(w, limit))
                w = String(String.UnicodeScalarView(w.unicodeScalars.dropFirst(limit)))
                ww -= limit
            }
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

    static func clean(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return s }
        return String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
