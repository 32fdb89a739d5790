#if canImport(Glibc)
import Glibc
#endif

/// The system calls Readout makes to read files and folders, on a path's own bytes (`PathBytes`,
/// so names that are not UTF-8 work), and why they fail, said plainly with the fix.
enum FileSystem {
    /// `stat` of `path`, or `lstat` when `followLinks` is false: 0, or the errno.
    static func status(_ path: String, _ st: inout stat, followLinks: Bool = true) -> Int32 {
        let r = PathBytes.withCString(path) { followLinks ? systemStat($0, &st) : lstat($0, &st) }
        return r == 0 ? 0 : errno
    }

    /// `open(2)` of `path`: the descriptor, or -1 with `errno` set.
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
        PathBytes.withCString(path) { Glibc.open($0, flags, mode) }
    }

    /// The absolute path with links resolved, or nil when it does not resolve.
    static func realpath(_ path: String) -> String? {
        guard let r = PathBytes.withCString(path, { Glibc.realpath($0, nil) }) else { return nil }
        defer { free(r) }
        return PathBytes.decode(cString: r)
    }

    /// The names in `folder` but `.` and `..`, as the file system has them (`PathBytes`), unsorted;
    /// or the errno when the folder cannot be read.
    static func list(_ folder: String) -> Swift.Result<[String], Errno> {
        guard let d = PathBytes.withCString(folder, { opendir($0) }) else { return .failure(Errno(errno)) }
        defer { closedir(d) }
        var names: [String] = []
        while true {
            errno = 0
            guard let e = readdir(d) else {
                if errno != 0 { return .failure(Errno(errno)) }
                return .success(names)
            }
            let name = withUnsafeBytes(of: &e.pointee.d_name) { raw in Array(raw[..<(raw.firstIndex(of: 0) ?? raw.count)]) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(PathBytes.decode(name))
        }
    }

    /// An errno as an Error.
    struct Errno: Error {
        var code: Int32
        init(_ code: Int32) { self.code = code }
    }

    /// What a file of mode `mode` is, for messages: "a folder", "a FIFO (named pipe)", ….
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "a special file"
        }
    }

    /// What a file to read is, in messages: `cannot read folder 'x'`.
    enum Noun: String {
        case file = ""
        case folder = "folder "
        case sessionFile = "session file "
    }

    /// Why `path` (`shown` as typed) could not be read or listed, errno `code`: the error to
    /// report, `cannot read [NOUN ]'PATH': REASON - FIX`.
    static func readError(_ shown: String, path: String, _ code: Int32, _ noun: Noun = .file) -> ReadoutError {
        let what = noun.rawValue + "'\(shown)'"
        switch code {
        case EACCES, EPERM:
            let blocked = unsearchableFolder(on: path)
            if let blocked, blocked == shown {
                // a folder whose names can be listed (r) but not reached (no x)
                return ReadoutError("cannot read \(what): permission denied, it can be listed but not entered",
                                    hint: "make it searchable (chmod +x '\(shown)') or ask its owner")
            } else if let blocked {
                return ReadoutError("cannot read \(what): permission denied, the folder '\(blocked)' cannot be entered",
                                    hint: "make it searchable (chmod +x '\(blocked)') or ask its owner")
            }
            return ReadoutError("cannot read \(what): permission denied",
                                hint: "make it readable (chmod +r\(noun == .folder ? "x" : "") '\(shown)') or ask its owner")
        case ENOENT:
            return ReadoutError("no such file or folder '\(shown)'", hint: "check the path")
        case ELOOP:
            return ReadoutError("cannot read \(what): too many levels of symbolic links", hint: "check where the links point (a loop?)")
        case ENOTDIR:
            return ReadoutError("cannot read \(what): a part of the path before the last '/' is a file, not a folder",
                                hint: "check the path")
        case ENAMETOOLONG:
            return ReadoutError("cannot read \(what): the name is too long", hint: "check the path")
        default:
            return ReadoutError("cannot read \(what): \(String(cString: strerror(code)))", hint: "check the file and the disk")
        }
    }

    /// The first folder on the way to `path` that this user may not enter (no search permission),
    /// when there is one: the reason a `stat` of the path was refused.
    static func unsearchableFolder(on path: String) -> String? {
        var folders: [String] = []
        var dir = Paths.folder(of: path)
        while true {
            folders.append(dir)
            let up = Paths.folder(of: dir)
            if up == dir { break }
            dir = up
        }
        for f in folders.reversed() where PathBytes.withCString(f, { access($0, X_OK) }) != 0 && errno == EACCES {
            return f
        }
        return nil
    }
}

/// `stat(2)`, out of `FileSystem`, whose own names would hide it.
private func systemStat(_ path: UnsafePointer<CChar>, _ st: inout stat) -> Int32 {
    stat(path, &st)
}
