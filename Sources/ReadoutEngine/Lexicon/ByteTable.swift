/// A hash table keyed by UTF-8 byte strings, for the word lists the rules consult per token.
///
/// Keys are stored back to back in one byte buffer and found through an open-addressing table
/// of entry numbers, hashed on the bytes eight at a time (`hash`). Building it from a data file
/// makes no `String` per line, and a lookup hashes the token's bytes once with no per-process
/// seed, so loading the lists and consulting them both stay cheap. The first value stored for a
/// key wins unless `update` changes it.
struct ByteTable<Value: Sendable>: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStart: [UInt32] = []
    private var keyEnd: [UInt32] = []
    /// The values, in insertion order.
    private(set) var values: [Value] = []
    /// Entry number + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private var mask: Int
    /// The keys and slots of a table read from a mapped list image, looked up where they lie
    /// (the four arrays above stay empty); nil for a table that owns them, as a mapped one does
    /// from its first change on.
    private var mapped: MappedKeys?

    /// A mapped table's keys and slots, and the mapping that keeps them in memory.
    private struct MappedKeys: @unchecked Sendable { // read-only memory, never written while mapped
        let keyBytes: UnsafeBufferPointer<UInt8>
        let keyStart: UnsafeBufferPointer<UInt32>
        let keyEnd: UnsafeBufferPointer<UInt32>
        let slots: UnsafeBufferPointer<Int32>
        let owner: MappedBytes
    }

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 16) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Int32](repeating: 0, count: n)
        mask = n - 1
        keyStart.reserveCapacity(capacity)
        keyEnd.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// An empty table whose keys will be ranges of `storage` (see `insertStored`), so a data
    /// file's bytes serve as the key buffer without a copy.
    init(keyStorage storage: [UInt8], capacity: Int) {
        self.init(capacity: capacity)
        keyBytes = storage
    }

    /// Number of keys.
    var count: Int { values.count }

    /// The table hash of `p`: its length and its bytes, mixed eight at a time. Loads that overlap
    /// at the ends cover any length without a byte loop, so a word of up to 16 bytes (nearly
    /// every word) takes one or two multiplications; hashing byte by byte cost four instructions a
    /// byte on every look-up of every token.
    @inline(__always) static func hash(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        let n = p.count
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: n)
        guard let b = p.baseAddress, n > 0 else { return hashFinish(h) }
        let raw = UnsafeRawPointer(b)
        if n >= 8 {
            var i = 0
            while i + 8 < n {
                h = hashMix(h, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
                i += 8
            }
            h = hashMix(h, UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)))
        } else if n >= 4 {
            let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)))
            h = hashMix(h, first << 32 | last)
        } else {
            h = hashMix(h, UInt64(b[0]) << 16 | UInt64(b[n >> 1]) << 8 | UInt64(b[n - 1]))
        }
        return hashFinish(h)
    }

    /// Calls `body` with the key bytes, key starts, key ends and slots, mapped or owned.
    @inline(__always) private func withKeys<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>,
                                                         UnsafeBufferPointer<UInt32>, UnsafeBufferPointer<Int32>) -> R) -> R {
        if let m = mapped { return body(m.keyBytes, m.keyStart, m.keyEnd, m.slots) }
        return keyBytes.withUnsafeBufferPointer { kb in
            keyStart.withUnsafeBufferPointer { ks in
                keyEnd.withUnsafeBufferPointer { ke in
                    slots.withUnsafeBufferPointer { sl in body(kb, ks, ke, sl) }
                }
            }
        }
    }

    /// The slot holding `key` and its entry number + 1, or the empty slot where it would go and 0.
    @inline(__always) private func find(_ key: UnsafeBufferPointer<UInt8>, _ h: Int) -> (slot: Int, entry: Int) {
        let mask = self.mask
        // through buffer pointers: the mask keeps `s` in range and entries are valid indices,
        // so the array bounds checks on every probe were pure cost
        return withKeys { kb, ks, ke, sl in
            var s = h & mask
            while true {
                let e = Int(sl[s])
                if e == 0 { return (s, 0) }
                let a = Int(ks[e - 1]), b = Int(ke[e - 1])
                if b - a == key.count && (key.isEmpty || memcmpEqual(kb.baseAddress! + a, key.baseAddress!, key.count)) {
                    return (s, e)
                }
                s = (s + 1) & mask
            }
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always) private func slot(_ key: UnsafeBufferPointer<UInt8>, _ h: Int) -> Int { find(key, h).slot }

    /// Copies mapped keys and slots into the table's own arrays; every change starts with it.
    private mutating func ownKeys() {
        guard let m = mapped else { return }
        keyBytes = Array(m.keyBytes)
        keyStart = Array(m.keyStart)
        keyEnd = Array(m.keyEnd)
        slots = Array(m.slots)
        mapped = nil
    }

    @inline(__always) private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    /// The entry number of `key`, if present.
    @inline(__always) func index(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let e = find(key, ByteTable.hash(key)).entry
        return e == 0 ? nil : e - 1
    }

    /// The value stored for `key`.
    @inline(__always) func value(_ key: UnsafeBufferPointer<UInt8>) -> Value? {
        index(key).map { values[$0] }
    }

    /// The value stored for `word` with its ASCII capitals made lower case (on a stack buffer, no
    /// `String`). `ascii` is false, and nothing is looked up, when the word has a non-ASCII byte.
    func value(lowercasingASCII word: UnsafeBufferPointer<UInt8>) -> (value: Value?, ascii: Bool) {
        // most words are in lower case already: looked up where they are, with no copy
        var plain = true
        for c in word where c >= 0x80 || c &- 0x41 < 26 { plain = false; break }
        if plain { return (value(word), true) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(word.count, 1)) { buf in
            guard asciiLowercase(word, into: buf.baseAddress!) else { return (nil, false) }
            return (value(UnsafeBufferPointer(start: buf.baseAddress!, count: word.count)), true)
        }
    }

    /// The value stored for the UTF-8 bytes of `key`.
    @inline(__always) subscript(_ key: String) -> Value? {
        var k = key
        return k.withUTF8 { value($0) }
    }

    /// True when `key` is present.
    @inline(__always) func contains(_ key: String) -> Bool {
        var k = key
        return k.withUTF8 { index($0) != nil }
    }

    /// Adds `key` with `value`; returns false (and changes nothing) when the key is already there.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ value: Value) -> Bool {
        ownKeys()
        let h = ByteTable.hash(key)
        let s = slot(key, h)
        if slots[s] != 0 { return false }
        keyStart.append(UInt32(keyBytes.count))
        keyBytes.append(contentsOf: key)
        keyEnd.append(UInt32(keyBytes.count))
        values.append(value)
        slots[s] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
        return true
    }

    /// Adds the key held at `start..<end` of the key storage, whose hash is `h`; first value winning.
    @discardableResult
    mutating func insertStored(_ start: Int, _ end: Int, hash h: Int, _ value: Value) -> Bool {
        ownKeys()
        let s = storedSlot(start, end, h)
        if slots[s] != 0 { return false }
        addStored(start, end, value, at: s)
        return true
    }

    /// Adds or replaces the key held at `start..<end` of the key storage, whose hash is `h`; last value winning.
    mutating func upsertStored(_ start: Int, _ end: Int, hash h: Int, _ value: Value) {
        ownKeys()
        let s = storedSlot(start, end, h)
        if slots[s] != 0 {
            values[Int(slots[s]) - 1] = value
        } else {
            addStored(start, end, value, at: s)
        }
    }

    /// The slot of the key held at `start..<end` of the key storage (see `slot`).
    @inline(__always) private func storedSlot(_ start: Int, _ end: Int, _ h: Int) -> Int {
        keyBytes.withUnsafeBufferPointer { kb in slot(UnsafeBufferPointer(rebasing: kb[start..<end]), h) }
    }

    /// Records a new stored key in the empty slot `s` found for it.
    @inline(__always) private mutating func addStored(_ start: Int, _ end: Int, _ value: Value, at s: Int) {
        keyStart.append(UInt32(start))
        keyEnd.append(UInt32(end))
        values.append(value)
        slots[s] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
    }

    /// One step of `hash`: eight bytes into the state.
    @inline(__always) static func hashMix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        let m = (h ^ v) &* 0x9E37_79B9_7F4A_7C15
        return m ^ (m >> 29)
    }
    /// The table hash from a finished state (the slot is its low bits: fold the high ones in).
    @inline(__always) static func hashFinish(_ h: UInt64) -> Int {
        let m = h &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: m ^ (m >> 31))
    }

    /// Adds `key` (a `String`) with `value`, first value winning.
    @discardableResult
    mutating func insert(_ key: String, _ value: Value) -> Bool {
        var k = key
        return k.withUTF8 { insert($0, value) }
    }

    /// Changes the value of `key` with `body`, inserting `initial` first when it is missing.
    mutating func update(_ key: UnsafeBufferPointer<UInt8>, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if let i = index(key) {
            body(&values[i])
        } else {
            var v = initial()
            body(&v)
            insert(key, v)
        }
    }

    /// Changes the value of `key` with `body`, inserting `initial` first when it is missing.
    mutating func update(_ key: String, default initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        var k = key
        k.withUTF8 { update($0, default: initial(), body) }
    }

    /// Every key and value, in insertion order.
    func forEach(_ body: (String, Value) -> Void) {
        withKeys { kb, ks, ke, _ in
            for i in values.indices {
                body(String(decoding: UnsafeBufferPointer(rebasing: kb[Int(ks[i])..<Int(ke[i])]), as: UTF8.self), values[i])
            }
        }
    }

    /// For each byte value, whether some key starts with it: a token whose first byte no key has
    /// (punctuation, mostly) needs no look-up.
    func keyFirstBytes() -> [Bool] {
        var out = [Bool](repeating: false, count: 256)
        withKeys { kb, ks, ke, _ in
            for i in values.indices where ks[i] < ke[i] { out[Int(kb[Int(ks[i])])] = true }
        }
        return out
    }

    /// Writes the keys and the slots that find them (not the values) to a list image.
    func writeKeys(to w: inout ListImage.Writer) {
        withKeys { kb, ks, ke, sl in
            w.array(kb)
            w.array(ks)
            w.array(ke)
            w.array(sl)
        }
    }

    /// The table written by `writeKeys`, its values then read by `values` (given the number of keys
    /// and the reader). Its keys and slots are used where they lie in the image, not copied. Throws
    /// unless every probe stays in range and ends: a damaged image is refused.
    init(image r: inout ListImage.Reader, values: (Int, inout ListImage.Reader) throws -> [Value]) throws {
        let kb = try r.view(of: UInt8.self), ks = try r.view(of: UInt32.self)
        let ke = try r.view(of: UInt32.self), sl = try r.view(of: Int32.self)
        let n = ks.count
        self.values = try values(n, &r)
        guard sl.count >= 16, sl.count & (sl.count - 1) == 0, n * 2 <= sl.count,
              ke.count == n, self.values.count == n else { throw ListImage.Malformed() }
        // branch-free passes (they vectorise): every slot names an entry or none, one slot at
        // least is empty (so every probe ends), and every key lies within the key bytes
        var smallestSlot = UInt32.max, largestSlot: UInt32 = 0
        for e in sl {
            let u = UInt32(bitPattern: e) // a negative entry becomes very large
            smallestSlot = min(smallestSlot, u)
            largestSlot = max(largestSlot, u)
        }
        var reversed = 0, largestEnd: UInt32 = 0
        for i in 0..<n {
            reversed &+= ks[i] > ke[i] ? 1 : 0
            largestEnd = max(largestEnd, ke[i])
        }
        guard smallestSlot == 0, Int(largestSlot) <= n, reversed == 0, Int(largestEnd) <= kb.count else { throw ListImage.Malformed() }
        slots = []
        mask = sl.count - 1
        mapped = MappedKeys(keyBytes: kb, keyStart: ks, keyEnd: ke, slots: sl, owner: r.owner)
    }

    /// The same keys (and slots) with each value changed by `transform`.
    func mapValues<T>(_ transform: (Value) throws -> T) rethrows -> ByteTable<T> {
        var t = ByteTable<T>(keyBytes: keyBytes, keyStart: keyStart, keyEnd: keyEnd, values: try values.map(transform), slots: slots, mask: mask)
        t.mapped = mapped.map { ByteTable<T>.MappedKeys(keyBytes: $0.keyBytes, keyStart: $0.keyStart, keyEnd: $0.keyEnd, slots: $0.slots, owner: $0.owner) }
        return t
    }

    private init(keyBytes: [UInt8], keyStart: [UInt32], keyEnd: [UInt32], values: [Value], slots: [Int32], mask: Int) {
        self.keyBytes = keyBytes
        self.keyStart = keyStart
        self.keyEnd = keyEnd
        self.values = values
        self.slots = slots
        self.mask = mask
    }

    /// The bytes `start..<end` of the key storage (a data file's, for tables built from one), as text.
    func storedString(_ start: Int, _ end: Int) -> String {
        withKeys { kb, _, _, _ in String(decoding: UnsafeBufferPointer(rebasing: kb[start..<end]), as: UTF8.self) }
    }

    /// The number of bytes of key storage.
    var storedByteCount: Int { withKeys { kb, _, _, _ in kb.count } }

    private mutating func grow() {
        let n = slots.count * 2
        var fresh = [Int32](repeating: 0, count: n)
        let m = n - 1
        keyBytes.withUnsafeBufferPointer { kb in
            for e in values.indices {
                let a = Int(keyStart[e]), b = Int(keyEnd[e])
                var s = ByteTable.hash(UnsafeBufferPointer(rebasing: kb[a..<b])) & m
                while fresh[s] != 0 { s = (s + 1) & m }
                fresh[s] = Int32(e + 1)
            }
        }
        slots = fresh
        mask = m
    }
}

/// A set of byte strings (see `ByteTable`): what the rules' fixed word lists are, so testing a
/// token against one hashes its bytes once with no per-process seed.
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    /// A set of the given words.
    init(arrayLiteral words: String...) { self.init(words) }

    /// A set of the given words.
    init<S: Sequence>(_ words: S) where S.Element == String {
        table = ByteTable(capacity: 16)
        for w in words { table.insert(w, true) }
    }

    /// Every word, in insertion order.
    var words: [String] {
        var out: [String] = []
        table.forEach { w, _ in out.append(w) }
        return out
    }

    /// Iterates the words in insertion order.
    func makeIterator() -> IndexingIterator<[String]> { words.makeIterator() }

    /// This set and `other`'s words.
    func union<S: Sequence>(_ other: S) -> WordSet where S.Element == String {
        var s = self
        for w in other { s.insert(w) }
        return s
    }

    private var table: ByteTable<Bool>

    /// An empty set sized for about `capacity` words.
    init(capacity: Int = 16) { table = ByteTable(capacity: capacity) }

    /// The first TAB field of every line of a data file (comment and blank lines skipped),
    /// hashed where they lie; the file's bytes are the key storage, so no key is copied.
    init(dataFile bytes: [UInt8]) {
        var t = ByteTable<Bool>(keyStorage: bytes, capacity: DataFiles.lineCount(bytes))
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var i = 0
            while i < n {
                let start = i
                while i < n, b[i] != 0x0A, b[i] != 0x09, b[i] != 0x0D { i += 1 }
                let end = i
                while i < n, b[i] != 0x0A { i += 1 }
                i += 1
                if end > start, b[start] != 0x23 {
                    t.insertStored(start, end, hash: ByteTable<Bool>.hash(UnsafeBufferPointer(rebasing: b[start..<end])), true)
                }
            }
        }
        table = t
    }

    /// Writes the set to a list image.
    func write(to w: inout ListImage.Writer) { table.writeKeys(to: &w) }

    /// The set written by `write(to:)`.
    init(image r: inout ListImage.Reader) throws {
        table = try ByteTable(image: &r) { n, _ in Array(repeating: true, count: n) }
    }

    /// Number of words.
    var count: Int { table.count }

    /// True when `word` is in the set.
    @inline(__always) func contains(_ word: String) -> Bool { table.contains(word) }

    /// True when `word`, lower-cased (ASCII), is in the set; no string is made.
    @inline(__always) func contains(lowercasing word: UnsafeBufferPointer<UInt8>) -> Bool {
        table.value(lowercasingASCII: word).value != nil
    }

    /// Adds `word`.
    mutating func insert(_ word: String) { table.insert(word, true) }

    /// Adds the bytes of `word`.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>) { table.insert(word, true) }
}
