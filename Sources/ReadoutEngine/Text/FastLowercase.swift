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
                out[i] = asciiLowercase(b)
                i += 1
            }
            return n
        }
    }
}

/// An ASCII capital folded to lower case; any other byte as it is.
@inline(__always) func asciiLowercase(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

/// Writes `word` lower-cased into `out` (room for `word.count` bytes) and returns true, or returns
/// false as soon as a byte is not ASCII (such words need the Unicode rules of `fastLowercased`).
@inline(__always) func asciiLowercase(_ word: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Bool {
    for (k, c) in word.enumerated() {
        if c >= 0x80 { return false }
        out[k] = asciiLowercase(c)
    }
    return true
}
