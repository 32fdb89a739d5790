import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reads the engine's bundled data files (gazetteers, word lists).
///
/// Files are plain UTF-8 text, one entry per line; `#` starts a comment line.
public enum DataFiles {
    /// The folder of data files. SwiftPM puts the resource folder next to the executable (or the
    /// test bundle); looking there directly skips Foundation's bundle set-up, which cost about
    /// 2 ms at every start. `Bundle.module` stays the fallback.
    static let directory: String? = {
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/exe", &buf, 4096)
        if n > 0 {
            let exe = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = exe.lastIndex(of: "/") {
                let dir = String(exe[..<slash]) + "/Readout_ReadoutEngine.resources/Data"
                if access(dir + "/common-words.txt", R_OK) == 0 { return dir }
            }
        }
        return Bundle.module.url(forResource: "Data", withExtension: nil)?.path
    }()

    /// The text of `Data/NAME`, or nil when the file is missing.
    public static func text(_ name: String) -> String? {
        bytes(name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `body` with `Data/NAME` open and its size, or nil when the file is missing.
    private static func withOpenFile<R>(_ name: String, _ body: (_ fd: Int32, _ size: Int) -> R?) -> R? {
        guard let dir = directory else { return nil }
        let fd = open(dir + "/" + name, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        return body(fd, Int(st.st_size))
    }

    /// The bytes of `Data/NAME`, or nil when the file is missing.
    public static func bytes(_ name: String) -> [UInt8]? {
        withOpenFile(name) { fd, size in readAll(fd, size) }
    }

    /// `size` bytes read from `fd`, or nil when it ends sooner or fails.
    private static func readAll(_ fd: Int32, _ size: Int) -> [UInt8]? {
        var ok = true
        // read straight into the array's storage: zero-filling it first cost a pass over every byte
        let out = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var done = 0
            while done < size {
                let r = read(fd, buf.baseAddress! + done, size - done)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { ok = false; break }
                done += r
            }
            count = done
        }
        return ok ? out : nil
    }

    /// The bytes of `Data/NAME` mapped read-only into memory, or nil when the file is missing.
    /// Mapping a large file is cheaper than reading it into fresh memory, which the kernel must
    /// first zero page by page; its pages are shared with the file cache.
    static func mapped(_ name: String) -> MappedBytes? {
        withOpenFile(name) { fd, size in
            guard size > 0 else { return MappedBytes(copying: []) }
            guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
            return MappedBytes(mapping: UnsafeRawBufferPointer(start: p, count: size))
        }
    }

    /// The number of lines in `bytes` (an upper bound on a data file's entries, to size its
    /// table: half full, so probes stay short and the table small).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var n = 1
        for b in bytes where b == 0x0A { n += 1 }
        return n
    }

    /// The non-empty, non-comment lines of `Data/NAME`, split on bytes (fast at start-up).
    public static func lines(_ name: String) -> [Substring] {
        var out: [Substring] = []
        forEachLine(bytes(name) ?? []) { line in
            if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { out.append(Substring(String(decoding: line, as: UTF8.self))) }
        }
        return out
    }

    /// Calls `body` with each non-empty line that is not a comment, a final CR dropped, as a
    /// buffer into `bytes` valid only during the call.
    public static func forEachLine(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        forEachRecord(bytes, splittingTabs: false) { body($0[0]) }
    }

    /// Calls `body` with each line's fields (split on TAB) as buffers into `bytes`, valid only
    /// during the call; comment and blank lines skipped, a final CR dropped. One pass over the
    /// bytes, no copies, no allocation per line: the lists are read at the start of every run.
    /// A line's fields after the 64th stay in its last field.
    public static func forEachRecord(_ bytes: [UInt8], _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Void) {
        forEachRecord(bytes, splittingTabs: true, body)
    }

    private static func forEachRecord(_ bytes: [UInt8], splittingTabs: Bool,
                                      _ body: (UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>) -> Void) {
        let maxFields = 64
        bytes.withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return }
            withUnsafeTemporaryAllocation(of: UnsafeBufferPointer<UInt8>.self, capacity: maxFields) { fields in
                let n = b.count
                var start = 0
                while start < n {
                    var nf = 0, fieldStart = start, end = start
                    while end < n {
                        let c = base[end]
                        if c == 0x0A { break }
                        if c == 0x09 && splittingTabs && nf < maxFields - 1 {
                            fields[nf] = UnsafeBufferPointer(start: base + fieldStart, count: end - fieldStart)
                            nf += 1
                            fieldStart = end + 1
                        }
                        end += 1
                    }
                    var last = end
                    if last > start, base[last - 1] == 0x0D { last -= 1 }
                    if last > start, base[start] != 0x23 {
                        fields[nf] = UnsafeBufferPointer(start: base + fieldStart, count: max(0, last - fieldStart))
                        body(UnsafeBufferPointer(start: fields.baseAddress!, count: nf + 1))
                    }
                    start = end + 1
                }
            }
        }
    }
}

/// Bytes that stay where they are while referenced: a data file mapped read-only into memory
/// (`DataFiles.mapped`), or a copy. Tables read from a list image point into them.
final class MappedBytes: @unchecked Sendable { // never written after it is made
    let raw: UnsafeRawBufferPointer
    private let isMapping: Bool

    /// A copy of `bytes`, aligned for any of the image's values.
    init(copying bytes: [UInt8]) {
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { p.copyMemory(from: $0) }
        raw = UnsafeRawBufferPointer(rebasing: p[..<bytes.count])
        isMapping = false
    }

    fileprivate init(mapping raw: UnsafeRawBufferPointer) {
        self.raw = raw
        isMapping = true
    }

    deinit {
        if isMapping {
            munmap(UnsafeMutableRawPointer(mutating: raw.baseAddress!), raw.count)
        } else {
            UnsafeMutableRawPointer(mutating: raw.baseAddress)?.deallocate()
        }
    }
}
