import Foundation

/// A JSON-shaped value with ordered object keys, so output is stable.
public indirect enum Value: Equatable, Sendable {
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
        var s = ""
        write(into: &s)
        return s
    }

    func write(into s: inout String) {
        switch self {
        case .null: s += "null"
        case .bool(let b): s += b ? "true" : "false"
        case .int(let i): s += String(i)
        case .double(let d): s += d.isFinite ? Value.format(d) : "null"
        case .string(let str): Value.escape(str, into: &s)
        case .array(let a):
            s += "["
            for (i, v) in a.enumerated() {
                if i > 0 { s += "," }
                v.write(into: &s)
            }
            s += "]"
        case .object(let fields):
            s += "{"
            for (i, f) in fields.enumerated() {
                if i > 0 { s += "," }
                Value.escape(f.key, into: &s)
                s += ":"
                f.value.write(into: &s)
            }
            s += "}"
        }
    }

    static func escape(_ str: String, into s: inout String) {
        s += "\""
        for u in str.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
                    s += String(format: "\\u%04x", u.value)
                } else {
                    s.unicodeScalars.append(u)
                }
            }
        }
        s += "\""
    }

    /// Member `key` of an object.
    public subscript(key: String) -> Value? {
        if case .object(let f) = self { return f.first { $0.key == key }?.value }
        return nil
    }
}
