import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes files atomically: a temporary file beside the target, fsync, rename.
public enum AtomicFile {
    /// Replaces `path` with `data`; on failure the old file is untouched and the error names the file.
    /// With `keepBackup`, the previous file stays as `PATH.bak`. `beforeRename` runs once the
    /// temporary file is complete and synced, just before it replaces `path` (a hook for crash tests).
    public static func write(_ data: [UInt8], to path: String, keepBackup: Bool = false,
                             beforeRename: (() -> Void)? = nil) throws(ReadoutError) {
        let dir = Paths.folder(of: path)
        let tmp = Paths.join(dir, ".\(Paths.lastComponent(path)).tmp-\(getpid())")
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(errno)))", hint: "check the folder exists and is writable")
        }
        var ok = true
        var err: Int32 = 0
        data.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; ok = false; err = errno; return }
                off += n
            }
        }
        if ok && TestHooks.failWrites { ok = false; err = ENOSPC }
        if ok && fsync(fd) != 0 { ok = false; err = errno }
        close(fd)
        guard ok else {
            unlink(tmp)
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(err)))", hint: "the previous file is unchanged")
        }
        beforeRename?()
        if keepBackup, FileManager.default.fileExists(atPath: path) {
            let bak = path + ".bak"
            unlink(bak)
            link(path, bak)
        }
        if rename(tmp, path) != 0 {
            let e = errno
            unlink(tmp)
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(e)))", hint: "the previous file is unchanged")
        }
        let dfd = open(dir, O_RDONLY)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Appends `data` to `path`, creating it if needed.
    public static func append(_ data: [UInt8], to path: String) throws(ReadoutError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw ReadoutError("cannot append to '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let n = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if n != data.count { throw ReadoutError("cannot append to '\(path)': \(String(cString: strerror(errno)))") }
    }
}

/// Switches for tests that simulate failures (a full disk). Set only by the test suite.
public enum TestHooks {
    private static let state = Mutex<Bool>(false)
    /// When true, every atomic write fails as if the disk were full.
    public static var failWrites: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
