/// One word of a command line, with where it started.
public struct Word: Equatable, Sendable {
    /// The word's text, with quotes removed and escapes applied.
    public var text: String
    /// 1-based column of its first character in the line.
    public var column: Int
    /// True when any part of it was quoted (so `=` and `>` inside are literal).
    public var quoted: Bool
    /// For `key=value` words: the key, when the `=` stood outside quotes after an identifier.
    public var key: String?

    public init(_ text: String, column: Int, quoted: Bool = false, key: String? = nil) {
        self.text = text
        self.column = column
        self.quoted = quoted
        self.key = key
    }
}

/// Where one command's output goes instead of the terminal.
public struct Redirect: Equatable, Sendable {
    /// The file named after `>` or `>>`.
    public var path: String
    /// True for `>>`.
    public var append: Bool
    /// Column of the `>`.
    public var column: Int
}

/// One command of a line: `name args... [> file]`.
public struct Statement: Equatable, Sendable {
    /// The command name as typed (may end in `!`).
    public var name: Word
    /// Everything after the name, before any redirect.
    public var args: [Word]
    /// Output redirection, if any.
    public var redirect: Redirect?
    /// The statement's own text, trimmed, for history and echo.
    public var source: String
}

/// Splits a line into statements and words.
///
/// `;` separates statements, `#` at the start of a word begins a comment, values may be
/// quoted with "…" or '…' (backslash escapes `\"`, `\\`, `\n`, `\t` inside double quotes, and
/// `\xE9` for a byte of a file name that is not UTF-8, as errors and `docs` show it), and
/// `> file` / `>> file` end a statement with a redirect.
public enum Lexer {
    /// Lexes a whole line. Empty statements (blank or comment-only) are dropped.
    public static func statements(_ line: String) throws(ReadoutError) -> [Statement] {
        let chars = Array(line)
        var result: [Statement] = []
        var words: [Word] = []
        var redirect: Redirect?
        var pendingRedirect: (append: Bool, column: Int)?
        var stmtStart = 0
        var i = 0

        func finish(_ end: Int) throws(ReadoutError) {
            if let p = pendingRedirect {
                throw ReadoutError("'\(p.append ? ">>" : ">")' needs a file name", hint: "write e.g. 'entities > out.csv'", column: p.column)
            }
            defer { words = []; redirect = nil }
            guard let first = words.first else {
                if let r = redirect { throw ReadoutError("redirect with no command", column: r.column) }
                return
            }
            // appended one by one: `String(chars[a..<b])` took the unspecialised generic initialiser,
            // whose type look-ups cost more than the rest of lexing a command at start-up
            var text = ""
            for c in chars[stmtStart..<end] { text.append(c) }
            let src = text.trimmingCharacters(in: " \t")
            result.append(Statement(name: first, args: Array(words.dropFirst()), redirect: redirect, source: src))
        }

        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" || c == "\r" || c == "\n" { i += 1; continue }
            if c == ";" {
                try finish(i)
                i += 1
                stmtStart = i
                continue
            }
            if c == "#" {
                try finish(i)
                return result
            }
            if c == ">" {
                if redirect != nil || pendingRedirect != nil {
                    throw ReadoutError("only one redirect per command", column: i + 1)
                }
                let append = i + 1 < chars.count && chars[i + 1] == ">"
                pendingRedirect = (append, i + 1)
                i += append ? 2 : 1
                continue
            }
            // a word: runs of unquoted and quoted parts with no space between
            let column = i + 1
            var text = ""
            var quoted = false
            var key: String?
            while i < chars.count {
                let ch = chars[i]
                if ch == " " || ch == "\t" || ch == ";" || ch == "\r" || ch == "\n" { break }
                if ch == ">" && !text.isEmpty && !quoted { break }
                if ch == ">" && text.isEmpty { break }
                if ch == "\"" || ch == "'" {
                    let open = i
                    quoted = true
                    i += 1
                    var closed = false
                    while i < chars.count {
                        let q = chars[i]
                        if q == ch { closed = true; i += 1; break }
                        if q == "\\" && ch == "\"" && i + 1 < chars.count {
                            let e = chars[i + 1]
                            if e == "x", let byte = hexByte(chars, at: i + 2) {
                                text.unicodeScalars.append(byte < 0x80 ? Unicode.Scalar(byte) : PathBytes.character(for: byte))
                                i += 4
                                continue
                            }
                            switch e {
                            case "n": text.append("\n")
                            case "t": text.append("\t")
                            default: text.append(e)
                            }
                            i += 2
                            continue
                        }
                        text.append(q)
                        i += 1
                    }
                    if !closed {
                        throw ReadoutError("unterminated \(ch == "\"" ? "double" : "single") quote", hint: "close it with \(ch)", column: open + 1)
                    }
                    continue
                }
                if ch == "=" && !quoted && key == nil && !text.isEmpty
                    && text.allSatisfy({ $0.isLetter || $0 == "_" }) {
                    key = text
                }
                text.append(ch)
                i += 1
            }
            let w = Word(text, column: column, quoted: quoted, key: key)
            if let p = pendingRedirect {
                redirect = Redirect(path: w.text, append: p.append, column: p.column)
                pendingRedirect = nil
            } else if let r = redirect {
                throw ReadoutError("unexpected '\(w.text)' after the redirect to '\(r.path)'", hint: "put the redirect last", column: column)
            } else {
                words.append(w)
            }
        }
        try finish(chars.count)
        return result
    }

    /// The byte written as two hex digits at `i` (`E9` of `\xE9`), if two are there.
    private static func hexByte(_ chars: [Character], at i: Int) -> UInt8? {
        guard i + 1 < chars.count, let hi = chars[i].hexDigitValue, let lo = chars[i + 1].hexDigitValue else { return nil }
        return UInt8(hi << 4 | lo)
    }

    /// Quotes `s` for a command line when it needs it; a file-name byte that is not UTF-8
    /// (`PathBytes`) is written `\xE9`.
    public static func quote(_ s: String) -> String {
        let raw = PathBytes.holdsRawBytes(s)
        if !raw, !s.isEmpty, !s.contains(where: { " \t;#\"'>=\\".contains($0) }) { return s }
        var body = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        if raw {
            body = String(body.unicodeScalars.map { u in
                PathBytes.rawByte(u).map { "\\x" + String($0, radix: 16, uppercase: true) } ?? String(u)
            }.joined())
        }
        return "\"" + body + "\""
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}
