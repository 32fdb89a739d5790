/// A statement bound to its command: positionals and `key=value` options, validated.
public struct Invocation: Sendable {
    /// The command being run.
    public var spec: CommandSpec
    /// Positional words, in order.
    public var positionals: [Word]
    /// Options by key, in the order given.
    public var options: [String: Word]
    /// True when the name ended in `!`.
    public var force: Bool
    /// The statement's text.
    public var source: String

    /// Binds `statement` to `spec`, checking keys and positional counts.
    public init(spec: CommandSpec, statement: Statement) throws(ReadoutError) {
        self.spec = spec
        self.source = statement.source
        self.force = statement.name.text.hasSuffix("!")
        if force && !spec.allowsForce {
            throw ReadoutError("'\(spec.name)' has no forced form", hint: "drop the '!'", column: statement.name.column)
        }
        var positionals: [Word] = []
        var options: [String: Word] = [:]
        for w in statement.args {
            if let key = w.key, !spec.keys.isEmpty {
                guard let ks = spec.keys.first(where: { $0.name == key }) else {
                    let valid = spec.keys.map { $0.name + "=" }.joined(separator: " ")
                    let close = Suggest.closest(to: key, in: spec.keys.map(\.name))
                    let hint = (close.first.map { "did you mean '\($0)='? " } ?? "") + "valid keys: " + valid
                    throw ReadoutError("unknown key '\(key)' for '\(spec.name)'", hint: hint, column: w.column)
                }
                let valueText = String(w.text.dropFirst(key.count + 1))
                if options[key] != nil {
                    throw ReadoutError("key '\(key)' given twice", column: w.column)
                }
                if valueText.isEmpty {
                    throw ReadoutError("empty value for '\(key)='", hint: "write \(key)=VALUE, quoted if it has spaces", column: w.column)
                }
                var value = valueText
                if case .values(let values) = ks.completion {
                    let allowed = values + ks.synonyms.map(\.word)
                    guard let canonical = allowed.first(where: { $0.lowercased() == valueText.lowercased() }) else {
                        let close = Suggest.closest(to: valueText, in: allowed)
                        let hint = (close.first.map { "did you mean '\($0)'? " } ?? "") + "expected one of: " + allowed.joined(separator: ", ")
                        throw ReadoutError("invalid value '\(valueText)' for '\(key)='", hint: hint, column: w.column + key.count + 1)
                    }
                    value = canonical
                }
                options[key] = Word(value, column: w.column + key.count + 1, quoted: w.quoted)
            } else {
                positionals.append(w)
            }
        }
        if positionals.count < spec.positionals.lowerBound {
            throw ReadoutError("'\(spec.name)' needs \(Invocation.describe(spec.positionals))",
                               hint: "usage: \(spec.usage)", column: statement.name.column)
        }
        if positionals.count > spec.positionals.upperBound {
            let extra = positionals[spec.positionals.upperBound]
            throw ReadoutError("unexpected argument '\(extra.text)' for '\(spec.name)'", hint: "usage: \(spec.usage)", column: extra.column)
        }
        self.positionals = positionals
        self.options = options
    }

    private static func describe(_ r: ClosedRange<Int>) -> String {
        if r.lowerBound == r.upperBound { return r.lowerBound == 1 ? "1 argument" : "\(r.lowerBound) arguments" }
        return r.lowerBound == 1 ? "at least 1 argument" : "at least \(r.lowerBound) arguments"
    }

    /// The value of `key`, if given.
    public func string(_ key: String) -> String? { options[key]?.text }

    /// The value of `key` as a non-negative integer, or `default`.
    public func int(_ key: String, default d: Int, range: ClosedRange<Int> = 0...1_000_000) throws(ReadoutError) -> Int {
        guard let w = options[key] else { return d }
        guard let v = Int(w.text), range.contains(v) else {
            throw ReadoutError("'\(key)=' needs a whole number from \(range.lowerBound) to \(range.upperBound), not '\(w.text)'",
                               column: w.column)
        }
        return v
    }

    /// The values the value of `key` stands for (one, or a synonym's several), if given.
    public func values(_ key: String) -> [String]? {
        guard let w = options[key], let ks = spec.keys.first(where: { $0.name == key }) else { return nil }
        return ks.values(of: w.text)
    }

    /// The value of `key`, which the spec constrains to fixed values, or `default`.
    public func choice(_ key: String, default d: String) -> String { options[key]?.text ?? d }

    /// Positional `i`'s text.
    public func positional(_ i: Int) -> String? { i < positionals.count ? positionals[i].text : nil }
}
