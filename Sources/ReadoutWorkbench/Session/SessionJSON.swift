import Foundation

/// A parsed JSON value that remembers where it started in the file, so errors about it
/// (syntax or schema) can name a line and column.
struct JSONNode: Sendable {
    /// One member of an object, with the offset of its key.
    struct Member: Sendable {
        var key: String
        var keyOffset: Int
        var value: JSONNode
    }

    enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    var kind: Kind
    /// Byte offset of the value's first character.
    var offset: Int

    /// What the value is, for messages ("a string", "an array").
    var typeName: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A JSON syntax error at a byte offset.
struct JSONSyntaxError: Error, Equatable {
    var message: String
    var offset: Int
}

/// A strict RFC 8259 JSON parser over UTF-8 bytes that reports the byte offset of the first
/// problem: no trailing commas, no comments, no invalid UTF-8, no lone surrogates, no duplicate keys.
struct JSONReader {
    /// Deepest nesting accepted, so a hostile file cannot overflow the stack.
    static let maxDepth = 256

    private let bytes: [UInt8]
    private var i = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses one JSON value filling the whole input (whitespace aside).
    static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var r = JSONReader(bytes)
        r.skipBOMAndWhitespace()
        let v = try r.value()
        r.skipWhitespace()
        if r.i < bytes.count { throw JSONSyntaxError(message: "unexpected text after the end of the JSON value", offset: r.i) }
        return v
    }

    /// 1-based line and column (in Unicode scalars) of byte `offset` in `bytes`.
    static func lineColumn(_ bytes: [UInt8], offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        let end = min(offset, bytes.count)
        var k = 0
        while k < end {
            let b = bytes[k]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }

    private mutating func skipBOMAndWhitespace() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
    }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private func endError(_ what: String) -> JSONSyntaxError {
        JSONSyntaxError(message: "unexpected end of file (truncated?) \(what)", offset: i)
    }

    private func describeByte(_ at: Int) -> String {
        let b = bytes[at]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return String(format: "byte 0x%02X", b)
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONNode {
        guard i < bytes.count else { throw endError("where a value should be") }
        let start = i
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return JSONNode(kind: .string(try string()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(kind: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(kind: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(kind: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw JSONSyntaxError(message: "expected a value, found \(describeByte(i))", offset: i)
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = i
        let n = word.utf8CodeUnitCount
        for k in 0..<n {
            guard i < bytes.count else { throw endError("inside '\(word)'") }
            guard bytes[i] == word.utf8Start[k] else {
                throw JSONSyntaxError(message: "invalid literal (expected '\(word)')", offset: start)
            }
            i += 1
        }
    }

    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONReader.maxDepth { throw JSONSyntaxError(message: "nested more than \(JSONReader.maxDepth) levels deep", offset: i) }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONNode {
        let start = i
        try enter()
        i += 1
        var members: [JSONNode.Member] = []
        var seen = Set<String>()
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            depth -= 1
            return JSONNode(kind: .object(members), offset: start)
        }
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw endError("inside an object") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(message: "expected a key in double quotes, found \(describeByte(i))", offset: i)
            }
            let keyOffset = i
            let key = try string()
            guard seen.insert(key).inserted else { throw JSONSyntaxError(message: "duplicate key '\(key)'", offset: keyOffset) }
            skipWhitespace()
            guard i < bytes.count else { throw endError("after a key") }
            guard bytes[i] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(message: "expected ':' after key '\(key)', found \(describeByte(i))", offset: i)
            }
            i += 1
            skipWhitespace()
            let v = try value()
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: v))
            skipWhitespace()
            guard i < bytes.count else { throw endError("inside an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; break }
            throw JSONSyntaxError(message: "expected ',' or '}' in an object, found \(describeByte(i))", offset: i)
        }
        depth -= 1
        return JSONNode(kind: .object(members), offset: start)
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONNode {
        let start = i
        try enter()
        i += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            depth -= 1
            return JSONNode(kind: .array(items), offset: start)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard i < bytes.count else { throw endError("inside an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; break }
            throw JSONSyntaxError(message: "expected ',' or ']' in an array, found \(describeByte(i))", offset: i)
        }
        depth -= 1
        return JSONNode(kind: .array(items), offset: start)
    }

    /// A string starting at the opening quote; leaves `i` after the closing quote.
    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = i
        i += 1
        var runStart = i
        var scratch: [UInt8]?
        while true {
            guard i < bytes.count else { throw JSONSyntaxError(message: "unexpected end of file (truncated?) inside a string", offset: open) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s: String
                if var buf = scratch {
                    buf.append(contentsOf: bytes[runStart..<i])
                    s = try Self.validated(buf[...], offset: open)
                } else {
                    s = try Self.validated(bytes[runStart..<i], offset: open)
                }
                i += 1
                return s
            }
            if b < 0x20 {
                throw JSONSyntaxError(message: "control character (byte 0x\(String(format: "%02X", b))) inside a string; it must be escaped", offset: i)
            }
            if b != UInt8(ascii: "\\") { i += 1; continue }
            if scratch == nil { scratch = [] }
            scratch!.append(contentsOf: bytes[runStart..<i])
            let escapeAt = i
            i += 1
            guard i < bytes.count else { throw JSONSyntaxError(message: "unexpected end of file (truncated?) inside a string", offset: open) }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): scratch!.append(0x22)
            case UInt8(ascii: "\\"): scratch!.append(0x5C)
            case UInt8(ascii: "/"): scratch!.append(0x2F)
            case UInt8(ascii: "b"): scratch!.append(0x08)
            case UInt8(ascii: "f"): scratch!.append(0x0C)
            case UInt8(ascii: "n"): scratch!.append(0x0A)
            case UInt8(ascii: "r"): scratch!.append(0x0D)
            case UInt8(ascii: "t"): scratch!.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4(escapeAt)
                if (0xD800...0xDBFF).contains(scalar) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw JSONSyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", offset: escapeAt)
                    }
                    i += 2
                    let low = try hex4(escapeAt)
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw JSONSyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", offset: escapeAt)
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw JSONSyntaxError(message: "unpaired UTF-16 surrogate in \\u escape", offset: escapeAt)
                }
                scratch!.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw JSONSyntaxError(message: "invalid escape '\\\(Character(Unicode.Scalar(e)))' in a string", offset: escapeAt)
            }
            runStart = i
        }
    }

    private mutating func hex4(_ escapeAt: Int) throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw JSONSyntaxError(message: "unexpected end of file (truncated?) inside a \\u escape", offset: escapeAt) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError(message: "invalid \\u escape (needs 4 hex digits)", offset: escapeAt)
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }

    private static func validated(_ slice: ArraySlice<UInt8>, offset: Int) throws(JSONSyntaxError) -> String {
        let s = slice.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        guard let s else { throw JSONSyntaxError(message: "invalid UTF-8 inside a string", offset: offset) }
        return s
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONNode {
        let start = i
        var isInteger = true
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits(_ r: inout JSONReader) -> Int {
            var n = 0
            while r.i < r.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(r.bytes[r.i]) { r.i += 1; n += 1 }
            return n
        }
        guard i < bytes.count else { throw endError("inside a number") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) {
                throw JSONSyntaxError(message: "numbers cannot have leading zeros", offset: start)
            }
        } else if digits(&self) == 0 {
            throw JSONSyntaxError(message: "invalid number", offset: start)
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            if digits(&self) == 0 { throw JSONSyntaxError(message: "invalid number (no digits after '.')", offset: start) }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            isInteger = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw JSONSyntaxError(message: "invalid number (no digits in the exponent)", offset: start) }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger {
            guard let v = Int(text) else { throw JSONSyntaxError(message: "number \(text) is out of range", offset: start) }
            return JSONNode(kind: .int(v), offset: start)
        }
        guard let d = Double(text), d.isFinite else { throw JSONSyntaxError(message: "number \(text) is out of range", offset: start) }
        return JSONNode(kind: .double(d), offset: start)
    }
}

extension Value {
    /// Pretty-printed JSON as UTF-8: 2-space indent, one key or array item per line, keys in
    /// the order given, `[]`/`{}` for empty containers, non-ASCII written as is, and a final newline.
    /// The same value always gives the same bytes.
    public var prettyJSON: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 12)
        Value.pretty(self, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(0x0A)
        for _ in 0..<indent { out.append(0x20) }
    }

    private static func pretty(_ v: Value, indent: Int, into out: inout [UInt8]) {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? "\(d)" : "null").utf8)
        case .string(let s): escapeBytes(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, into: &out)
                pretty(item, indent: indent + 2, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (k, f) in fields.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(indent + 2, into: &out)
                escapeBytes(f.key, into: &out)
                out.append(contentsOf: ": ".utf8)
                pretty(f.value, indent: indent + 2, into: &out)
            }
            newline(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal: `"` and `\` escaped, control characters as `\n`, `\t`… or `\u00XX`.
    static func escapeBytes(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        var s = s
        s.withUTF8 { buf in
            var runStart = 0
            for k in 0..<buf.count {
                let b = buf[k]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<k]))
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                default:
                    out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(b >> 4)], hexDigits[Int(b & 15)]])
                }
                runStart = k + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count]))
        }
        out.append(0x22)
    }
}
