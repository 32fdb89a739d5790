#if canImport(Glibc)
import Glibc
#endif

/// Reads whole files into exactly sized byte arrays with plain system calls (no Foundation
/// `FileHandle` or `Data`, no second copy).
enum FileBytes {
    /// What reading one file gave.
    enum Result {
        case bytes([UInt8])
        /// Larger than the limit (its size in bytes); not read.
        case tooBig(Int)
        /// Could not be opened or read: the errno.
        case failed(Int32)
        /// Not a regular file (a folder, a FIFO, a device): its mode. Never read, so never waited on.
        case notRegular(mode_t)
    }

    /// Reads the regular file at `path` unless it is larger than `maxBytes`.
    ///
    /// The file is opened without blocking and checked before any read, so a FIFO with no writer
    /// or a device is refused at once. Files whose size is known are read in that many bytes;
    /// files that report size 0 (such as `/proc` files) are read to their end. A read error on an
    /// empty file reads as no bytes.
    static func read(_ path: String, maxBytes: Int) -> Result {
        let fd = FileSystem.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failed(errno) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failed(errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .notRegular(st.st_mode) }
        let size = Int(st.st_size)
        if size > maxBytes { return .tooBig(size) }
        if size == 0 { return .bytes(readToEnd(fd) ?? []) }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            var got = 0
            while got < size {
                let r = Glibc.read(fd, buf.baseAddress! + got, size - got)
                if r > 0 {
                    got += r
                } else if r == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
            count = got
        }
        return failure != 0 ? .failed(failure) : .bytes(bytes)
    }

    /// Reads until end of file, for files that do not report their size; nil on a read error.
    private static func readToEnd(_ fd: Int32) -> [UInt8]? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let r = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if r > 0 {
                out.append(contentsOf: chunk[..<r])
            } else if r == 0 {
                return out
            } else if errno != EINTR {
                return nil
            }
        }
    }
}

/// Byte searches over UTF-8 text.
enum ByteSearch {
    /// Whether `b` holds `byte` (memchr).
    static func contains(_ b: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let p = b.baseAddress, !b.isEmpty else { return false }
        return memchr(p, Int32(byte), b.count) != nil
    }

    /// Whether `b` holds `needle` (lower-case ASCII), ignoring the case of ASCII letters.
    static func containsASCIICaseInsensitive(_ b: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        let m = needle.utf8CodeUnitCount
        guard m > 0, b.count >= m else { return m == 0 }
        let nd = needle.utf8Start
        var i = 0
        while i + m <= b.count {
            var j = 0
            while j < m {
                var c = b[i + j]
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                if c != nd[j] { break }
                j += 1
            }
            if j == m { return true }
            i += 1
        }
        return false
    }
}
