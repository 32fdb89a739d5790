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
        let (fd, tmp) = try createTemporary(beside: path)
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

    /// The prefix of the temporary files made for `path`: `.NAME.tmp-PID-` (the process id lets a
    /// later save remove the files of a save that was killed).
    static func temporaryPrefix(of path: String) -> String {
        "." + Paths.lastComponent(path) + ".tmp-\(getpid())-"
    }

    /// A new temporary file in `path`'s folder, open for writing, and its path. The name ends in
    /// 64 random bits and the file is created with O_CREAT|O_EXCL|O_NOFOLLOW: nothing already at
    /// the name (a file, or a symbolic link planted to redirect the write) is opened, followed or
    /// truncated; a taken name is skipped for another. `suffix` makes the random part (for tests).
    static func createTemporary(beside path: String, mode: mode_t = 0o644,
                                suffix: () -> String = { String(UInt64.random(in: .min ... .max), radix: 16) })
        throws(ReadoutError) -> (fd: Int32, path: String) {
        let dir = Paths.folder(of: path)
        let prefix = temporaryPrefix(of: path)
        var e: Int32 = EEXIST
        for _ in 0..<100 {
            let tmp = Paths.join(dir, prefix + suffix())
            let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, tmp) }
            e = errno
            if e != EEXIST && e != EINTR { break }
        }
        throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(e)))", hint: "check the folder exists and is writable")
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
