#if canImport(Glibc)
import Glibc
#endif

/// The system calls Readout makes to read files and folders, on a path's own bytes (`PathBytes`,
/// so names that are not UTF-8 work).
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
}

/// `stat(2)`, out of `FileSystem`, whose own names would hide it.
private func systemStat(_ path: UnsafePointer<CChar>, _ st: inout stat) -> Int32 {
    stat(path, &st)
}
