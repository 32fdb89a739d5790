#if canImport(Glibc)
import Glibc
#endif

/// The system calls Readout makes to read files and folders, and what it says when they fail.
enum FileSystem {
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
