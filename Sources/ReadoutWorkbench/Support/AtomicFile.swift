import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes files atomically: a temporary file beside the target, fsync, rename.
///
/// What is at the path decides how: a regular file is replaced atomically and keeps its mode (and,
/// when the writer may set them, its owner and group); a symbolic link is written through, to its
/// target, and stays a link; a device or FIFO (`> /dev/null`, `> /dev/stderr`, a pipe) is written
/// in place, never replaced. Unless forced (`save!`), a read-only file is refused, and so is a file
/// with other hard links, since replacing it would quietly separate it from its other names (the
/// forced write replaces this name only; the other names keep the old content).
public enum AtomicFile {
    /// Replaces `path` with `data`; on failure the old file is untouched and the error names the file.
    /// With `keepBackup`, the previous file stays as `PATH.bak` (beside the link's target when
    /// `path` is a link). `force` replaces read-only and hard-linked files; `forceHint` tells the
    /// user how to force it. `beforeRename` runs once the temporary file is complete and synced,
    /// just before it replaces the file (a hook for crash tests).
    public static func write(_ data: [UInt8], to path: String, keepBackup: Bool = false, force: Bool = false,
                             forceHint: String? = nil, beforeRename: (() -> Void)? = nil) throws(ReadoutError) {
        try refuseFolder(path)
        var st = stat()
        // a device or FIFO, however reached (`/dev/stdout` is a link to a link to a pipe), is
        // opened by the path as given, so the kernel follows links that name no file (`pipe:[N]`)
        if stat(path, &st) == 0, [S_IFCHR, S_IFBLK, S_IFIFO].contains(st.st_mode & S_IFMT) {
            return try writeInPlace(data, to: path, target: path)
        }
        let target = try followLinks(path)
        var existing: stat?
        if lstat(target, &st) == 0 {
            existing = st
        } else if errno != ENOENT {
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(errno)))", hint: "check the folder exists and is readable")
        }
        if let st = existing {
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                try checkReplaceable(path, target: target, st, force: force, forceHint: forceHint)
            case S_IFCHR, S_IFBLK, S_IFIFO:
                return try writeInPlace(data, to: path, target: target)
            case S_IFDIR:
                throw folderError(path)
            default:
                throw ReadoutError("cannot write '\(path)': it is not a file (a socket?)", hint: "choose another name")
            }
        }
        let dir = Paths.folder(of: target)
        // a new file gets the usual mode (umask applies); a replaced one is made private and then
        // given the old file's mode once it is complete
        let (fd, tmp) = try createTemporary(beside: target, mode: existing == nil ? 0o666 : 0o600)
        var ok = true
        var err: Int32 = 0
        if !writeAll(fd, data) { ok = false; err = errno }
        if ok && TestHooks.failWrites { ok = false; err = ENOSPC }
        if ok, let st = existing {
            if st.st_uid != geteuid() || st.st_gid != getegid() { _ = fchown(fd, st.st_uid, st.st_gid) } // allowed for root only
            if fchmod(fd, st.st_mode & 0o777) != 0 { ok = false; err = errno }
        }
        if ok && fsync(fd) != 0 { ok = false; err = errno }
        close(fd)
        guard ok else {
            unlink(tmp)
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(err)))", hint: "the previous file is unchanged")
        }
        beforeRename?()
        if keepBackup, existing != nil {
            let bak = target + ".bak"
            unlink(bak)
            link(target, bak)
        }
        if rename(tmp, target) != 0 {
            let e = errno
            unlink(tmp)
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(e)))", hint: "the previous file is unchanged")
        }
        let dfd = open(dir, O_RDONLY | O_CLOEXEC)
        if dfd >= 0 { fsync(dfd); close(dfd) }
    }

    /// Refuses a path that names a folder: an existing one (however reached), or any name ending
    /// in `/`, which the system would take for one ("Not a directory", "Is a directory").
    static func refuseFolder(_ path: String) throws(ReadoutError) {
        try refuseRawBytes(path)
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { throw folderError(path) }
        if path.utf8.last == 0x2F {
            var name = Substring(path)
            while name.count > 1, name.hasSuffix("/") { name.removeLast() }
            throw ReadoutError("cannot write '\(path)': a name ending in '/' names a folder, and there is no folder '\(name)'",
                               hint: "name a file: leave out the '/', or add a file name after it")
        }
    }

    /// Refuses a name holding bytes that are not UTF-8 (`PathBytes`): such files are read, but
    /// Readout writes only UTF-8 names.
    static func refuseRawBytes(_ path: String) throws(ReadoutError) {
        guard PathBytes.holdsRawBytes(path) else { return }
        throw ReadoutError("cannot write '\(path)': Readout reads files whose names are not UTF-8 but does not write them",
                           hint: "choose a UTF-8 name")
    }

    /// The error for writing to a folder, with a file in it as the example.
    private static func folderError(_ path: String) -> ReadoutError {
        ReadoutError("cannot write '\(path)': it is a folder, not a file",
                     hint: "name a file in it, e.g. '\(Paths.join(path, "out.txt"))'")
    }

    /// Refuses, unless `force`, to replace a read-only file or one with other hard links.
    private static func checkReplaceable(_ path: String, target: String, _ st: stat, force: Bool, forceHint: String?) throws(ReadoutError) {
        guard !force else { return }
        // root may write anything, so the mode bits decide what read-only means for it
        let readOnly = geteuid() == 0 ? st.st_mode & 0o222 == 0 : access(target, W_OK) != 0
        if readOnly {
            throw ReadoutError("cannot write '\(path)': it is read-only",
                               hint: forceHint.map { $0 + " (keeping its mode)" } ?? "make it writable (chmod u+w) or choose another name")
        }
        if st.st_nlink > 1 && !isBackupLink(target, st) {
            throw ReadoutError("cannot write '\(path)': it has \(st.st_nlink - 1) other hard link\(st.st_nlink == 2 ? "" : "s"), which replacing it would leave with the old content",
                               hint: forceHint ?? "remove the other links, or choose another name")
        }
    }

    /// Whether the only other name of `target` is its own `.bak` (a save killed between making
    /// the backup link and the rename leaves that).
    private static func isBackupLink(_ target: String, _ st: stat) -> Bool {
        var b = stat()
        return st.st_nlink == 2 && lstat(target + ".bak", &b) == 0 && b.st_dev == st.st_dev && b.st_ino == st.st_ino
    }

    /// Writes `data` to a device or FIFO where it is, as a shell's `>` does.
    private static func writeInPlace(_ data: [UInt8], to path: String, target: String) throws(ReadoutError) {
        let fd = open(target, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(errno)))", hint: "check its permissions")
        }
        defer { close(fd) }
        guard writeAll(fd, data) else {
            throw ReadoutError("cannot write '\(path)': \(String(cString: strerror(errno)))", hint: "check the device or the reader")
        }
    }

    /// Writes all of `data` to `fd`, retrying short writes; false (errno set) on failure.
    static func writeAll(_ fd: Int32, _ data: [UInt8]) -> Bool {
        data.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { errno = EIO; return false }
                off += n
            }
            return true
        }
    }

    /// The file `path` names once symbolic links are followed (the path itself when it is not a
    /// link, and the link's target when that does not exist yet, so writing creates it). A
    /// relative link is read from the link's folder.
    static func followLinks(_ path: String) throws(ReadoutError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buf, Int(PATH_MAX))
            guard n > 0 else { return current }
            let dest = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = dest.hasPrefix("/") ? dest : Paths.join(Paths.folder(of: current), dest)
        }
        throw ReadoutError("cannot write '\(path)': too many levels of symbolic links", hint: "check where the link points")
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

    /// Appends `data` to `path`, creating it if needed (through a link, to its target). A read-only
    /// file is refused, as it is by `write`.
    public static func append(_ data: [UInt8], to path: String) throws(ReadoutError) {
        try refuseFolder(path)
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, geteuid() == 0 ? st.st_mode & 0o222 == 0 : access(path, W_OK) != 0 {
            throw ReadoutError("cannot append to '\(path)': it is read-only", hint: "make it writable (chmod u+w) or choose another name")
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOCTTY | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw ReadoutError("cannot append to '\(path)': \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        if !writeAll(fd, data) { throw ReadoutError("cannot append to '\(path)': \(String(cString: strerror(errno)))") }
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
