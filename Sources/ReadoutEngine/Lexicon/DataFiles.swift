#if canImport(Glibc)
import Glibc
#endif

/// Reads the engine's bundled data files (gazetteers, word lists).
///
/// Files are plain UTF-8 text, one entry per line; `#` starts a comment line.
public enum DataFiles {
    /// The environment variable naming the data folder, for a layout this lookup does not know.
    public static let environmentKey = "READOUT_DATA"
    /// The data folder's place beside the executable, as SwiftPM builds it (`swift build`).
    public static let resourceFolder = "Readout_ReadoutEngine.resources/Data"
    /// The data folder's place under an installation prefix, for an executable in `PREFIX/bin`.
    public static let installFolder = "share/readout"
    /// A file every data folder has: its presence (readable) is what makes a folder the one.
    static let markerFile = "common-words.txt"

    /// The folders the data is looked for in, in order: `READOUT_DATA` alone when it is set;
    /// otherwise beside the executable (SwiftPM's layout) and then `PREFIX/share/readout` for an
    /// executable in `PREFIX/bin`. The executable is the real file (`/proc/self/exe`), so a symbolic
    /// link to it anywhere finds the same data. Nothing here depends on the build folder, the
    /// working folder or the user, so a copied or installed binary behaves the same for anyone.
    public static func candidates(executable: String?, override: String?) -> [String] {
        if let o = override, !o.isEmpty { return [o] }
        guard let exe = executable, let slash = exe.utf8.lastIndex(of: 0x2F) else { return [] }
        let bin = String(exe[..<slash])                                   // PREFIX/bin
        let prefix = bin.utf8.lastIndex(of: 0x2F).map { String(bin[..<$0]) } ?? ""  // PREFIX
        return [bin + "/" + resourceFolder, prefix + "/" + installFolder]
    }

    /// The data folder found and the folders tried. The folder is looked for directly rather than
    /// through Foundation's `Bundle.module`, whose set-up cost about 2 ms at every start and which
    /// stops the process ("could not load resource bundle") when the build folder is not there.
    public static let search: (folder: String?, looked: [String]) = {
        var exe: String?
        var buf = [CChar](repeating: 0, count: 4097)
        let n = readlink("/proc/self/exe", &buf, 4096)
        if n > 0 { exe = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        let override = getenv(environmentKey).map { String(cString: $0) }
        let looked = candidates(executable: exe, override: override)
        return (looked.first { access($0 + "/" + markerFile, R_OK) == 0 }, looked)
    }()

    /// The folder of data files, or nil when none was found (every list then reads as empty).
    static var directory: String? { search.folder }

    /// What to tell a person when the data folder is missing (one line, naming where it was
    /// looked for and how to fix it), or nil when it was found. The analysis cannot run without
    /// the text lists: the compiled image (`lists.bin`) covers the gazetteers, name lists and the
    /// part-of-speech lexicon, but the stop words, cue verbs, speaker descriptions and lemma
    /// exceptions are read as text, and the image is checked against the text it was made from.
    public static var missingFolderProblem: (message: String, hint: String)? {
        let (folder, looked) = search
        guard folder == nil else { return nil }
        let places = looked.isEmpty ? "nowhere (the executable's path is unknown)" : looked.map { "'\($0)'" }.joined(separator: ", ")
        let overridden = getenv(environmentKey).map { $0.pointee != 0 } ?? false
        return ("cannot find Readout's data files (\(markerFile) and the other word lists); looked in \(places)",
                overridden ? "set \(environmentKey) to the folder that holds them, or unset it to look beside the executable"
                           : "install them beside the executable or in PREFIX/\(installFolder) ('make install'), or set \(environmentKey) to their folder")
    }

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
