import Synchronization

/// Rule names as two-byte codes, so that a mention (of which a corpus has one per name) holds
/// its rule in two bytes rather than a 16-byte string. Codes are given in the order rules are first
/// seen and mean nothing outside the process; a rule's name is what is shown and compared.
enum RuleCodes {
    private struct Table {
        var names: [String] = []
        var codes: [String: UInt16] = [:]
    }

    private static let table = Mutex(Table())

    /// The code of `rule`, given now if it has none.
    static func code(_ rule: String) -> UInt16 {
        table.withLock { t in
            if let c = t.codes[rule] { return c }
            // far more rules than the recognizer has would share the last code, not trap
            guard t.names.count < Int(UInt16.max) else { return UInt16.max - 1 }
            let c = UInt16(t.names.count)
            t.names.append(rule)
            t.codes[rule] = c
            return c
        }
    }

    /// The rule a code stands for.
    static func name(_ code: UInt16) -> String {
        table.withLock { t in Int(code) < t.names.count ? t.names[Int(code)] : "?" }
    }

    /// Codes for many rules at once, with one look-up in the shared table per distinct rule (a
    /// document's mentions come from a handful of rules).
    struct Cache {
        private var seen: [(rule: String, code: UInt16)] = []

        mutating func code(_ rule: String) -> UInt16 {
            // (most rules differ in length, which is cheaper to compare than the text)
            let n = rule.utf8.count
            for s in seen where s.rule.utf8.count == n && s.rule == rule { return s.code }
            let c = RuleCodes.code(rule)
            seen.append((rule, c))
            return c
        }
    }
}
