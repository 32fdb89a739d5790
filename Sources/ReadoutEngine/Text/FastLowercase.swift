extension StringProtocol {
    /// The same as `lowercased()`, faster for ASCII text (nearly every word of English news):
    /// bytes are folded directly, and text with no capital is returned as it is. Other text
    /// takes the full Unicode rules.
    @inline(__always) func fastLowercased() -> String {
        var capitals = false
        for b in utf8 {
            if b >= 0x80 { return lowercased() }
            if b &- 0x41 < 26 { capitals = true }
        }
        if !capitals { return String(self) }
        let n = utf8.count
        return String(unsafeUninitializedCapacity: n) { out in
            var i = 0
            for b in utf8 {
                out[i] = b &- 0x41 < 26 ? b | 0x20 : b
                i += 1
            }
            return n
        }
    }
}
