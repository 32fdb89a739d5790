import Foundation

/// A JSON-shaped value with ordered object keys, so output is stable.
public enum Value: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case object([Field])

    /// One key of an object.
    public struct Field: Equatable, Sendable {
        public var key: String
        public var value: Value
        public init(_ key: String, _ value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// Builds an object, dropping keys whose value is `nil`.
    public static func obj(_ pairs: KeyValuePairs<String, Value?>) -> Value {
        .object(pairs.compactMap { k, v in v.map { Field(k, $0) } })
    }

    /// A string, or null.
    public static func str(_ s: String?) -> Value { s.map { .string($0) } ?? .null }

    /// Text for a table cell or CSV field.
    public var cellText: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "yes" : "no"
        case .int(let i): return String(i)
        case .double(let d): return Value.format(d)
        case .string(let s): return s
        case .array(let a): return a.map(\.cellText).joined(separator: ", ")
        case .object(let f): return f.map { "\($0.key)=\($0.value.cellText)" }.joined(separator: " ")
        }
    }

    /// True for numbers, which tables align right.
    public var isNumber: Bool {
        switch self { case .int, .double: return true; default: return false }
    }

    static func format(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "NaN" : (d < 0 ? "-Infinity" : "Infinity") }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        return String(format: "%.4g", d) == "0" ? "0" : String(format: "%.3f", d)
    }

    /// Compact one-line JSON.
    public var json: String {
        var w = ByteWriter()
        writeJSON(to: &w)
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// Writes compact one-line JSON; a streaming writer may hand it on between array elements.
    func writeJSON(to w: inout ByteWriter) {
        switch self {
        case .null: w.appendLiteral("null")
        case .bool(let b): w.appendLiteral(b ? "true" : "false")
        case .int(let i): w.appendDecimal(i)
        case .double(let d): w.append(d.isFinite ? Value.format(d) : "null")
        case .string(let str): Value.escape(str, to: &w)
        case .array(let a):
            w.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { w.append(UInt8(ascii: ",")) }
                v.writeJSON(to: &w)
                w.flushIfFull()
            }
            w.append(UInt8(ascii: "]"))
        case .object(let fields):
            w.append(UInt8(ascii: "{"))
            for (i, f) in fields.enumerated() {
                if i > 0 { w.append(UInt8(ascii: ",")) }
                Value.escape(f.key, to: &w)
                w.append(UInt8(ascii: ":"))
                f.value.writeJSON(to: &w)
            }
            w.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string literal: `"` and `\` escaped, `\n`, `\r`, `\t`, other control characters
    /// and U+2028/U+2029 as `\uXXXX` (lowercase hex); everything else as is.
    static func escape(_ str: String, to w: inout ByteWriter) {
        w.append(UInt8(ascii: "\""))
        var str = str
        str.withUTF8 { b in
            var run = 0
            var k = 0
            while k < b.count {
                let x = b[k]
                let escaped: Bool
                switch x {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0..<0x20: escaped = true
                case 0xE2: escaped = k + 2 < b.count && b[k + 1] == 0x80 && (b[k + 2] == 0xA8 || b[k + 2] == 0xA9)
                default: escaped = false
                }
                guard escaped else {
                    k += 1
                    continue
                }
                w.append(UnsafeBufferPointer(rebasing: b[run..<k]))
                w.append(UInt8(ascii: "\\"))
                switch x {
                case 0x22, 0x5C: w.append(x)
                case 0x0A: w.append(UInt8(ascii: "n"))
                case 0x0D: w.append(UInt8(ascii: "r"))
                case 0x09: w.append(UInt8(ascii: "t"))
                case 0xE2:
                    w.appendLiteral("u202")
                    w.append(b[k + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
                    k += 2
                default:
                    w.appendLiteral("u00")
                    w.append(hexDigits[Int(x >> 4)])
                    w.append(hexDigits[Int(x & 15)])
                }
                k += 1
                run = k
            }
            w.append(UnsafeBufferPointer(rebasing: b[run..<b.count]))
        }
        w.append(UInt8(ascii: "\""))
    }

    /// Member `key` of an object.
    public subscript(key: String) -> Value? {
        if case .object(let f) = self { return f.first { $0.key == key }?.value }
        return nil
    }
}
