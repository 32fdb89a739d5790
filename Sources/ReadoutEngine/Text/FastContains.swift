extension StringProtocol {
    /// Whether `other` occurs in this text, as `contains(_:)` answers. When both are ASCII (nearly
    /// every role, name and word in English news) the bytes are searched directly; `contains`
    /// went through Foundation's `NSString` search, thousands of instructions a call. Other text,
    /// and an empty `other`, still take `contains`.
    func fastContains<T: StringProtocol>(_ other: T) -> Bool {
        let found: FastSearch? = utf8.withContiguousStorageIfAvailable { h in
            other.utf8.withContiguousStorageIfAvailable { n in FastSearch.asciiSearch(h, n) } ?? .notASCII
        }
        switch found ?? .notASCII {
        case .found: return true
        case .absent: return false
        case .notASCII: return contains(other)
        }
    }
}

/// The answer of a byte search that only ASCII text may take.
private enum FastSearch {
    case found, absent, notASCII

    static func asciiSearch(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> FastSearch {
        guard !n.isEmpty, n.allSatisfy({ $0 < 0x80 }), h.allSatisfy({ $0 < 0x80 }) else { return .notASCII }
        guard n.count <= h.count else { return .absent }
        let first = n[0]
        var i = 0
        while i <= h.count - n.count {
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return .found }
            }
            i += 1
        }
        return .absent
    }
}
