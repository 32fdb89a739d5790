#if canImport(Glibc)
import Glibc
#endif

/// The parts of a file path, worked out on its UTF-8 bytes with POSIX rules (`/` separates, any
/// other byte belongs to a name). Every path operation in Readout goes through here: Foundation's
/// `NSString` path methods trap on some inputs (`deletingLastPathComponent` on a one-character
/// relative path such as `x`, `é` or `+`), and a crash on a typing slip is not acceptable.
public enum Paths {
    /// The folder `path` is in, as `dirname` gives it: `.` for a bare name or an empty path,
    /// `/` for a name at the root, trailing slashes ignored (`a/b/` is in `a`).
    public static func folder(of path: String) -> String {
        var u = Array(path.utf8)
        while u.count > 1, u.last == 0x2F { u.removeLast() }
        guard let slash = u.lastIndex(of: 0x2F) else { return "." }
        var end = slash
        while end > 0, u[end - 1] == 0x2F { end -= 1 }
        if end == 0 { return "/" }
        return String(decoding: u[..<end], as: UTF8.self)
    }

    /// The last component of `path`: `c.txt` for `a/b/c.txt`, `b` for `a/b/`, `/` for `/`, and
    /// the path itself when it has no slash (`""` for `""`).
    public static func lastComponent(_ path: String) -> String {
        var u = Array(path.utf8)
        while u.count > 1, u.last == 0x2F { u.removeLast() }
        if u == [0x2F] { return "/" }
        guard let slash = u.lastIndex(of: 0x2F) else { return String(decoding: u, as: UTF8.self) }
        return String(decoding: u[(slash + 1)...], as: UTF8.self)
    }

    /// The name of the folder `path` is in (`b` for `a/b/c.txt`), or `""` when the path names no
    /// folder (`c.txt`); `/` for a name at the root.
    public static func folderName(_ path: String) -> String {
        let dir = folder(of: path)
        if dir == "." && !hasFolder(path) { return "" }
        return lastComponent(dir)
    }

    /// The extension of the last component, lower-cased (`txt` for `a/B.TXT`): the bytes after
    /// its last dot, `""` when it has none or only a leading one (`.hidden`, `..`).
    public static func fileExtension(_ path: String) -> String {
        let name = Array(lastComponent(path).utf8)
        guard let dot = name.lastIndex(of: 0x2E), dot > 0 else { return "" }
        let ext = name[(dot + 1)...]
        if ext.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: ext.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return String(decoding: ext, as: UTF8.self).lowercased()
    }

    /// `name` inside `folder`: `folder/name`, with no doubled slash, and just `name` when the folder
    /// is empty or `.` (so a hint about a bare name stays a bare name).
    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.utf8.last == 0x2F ? folder + name : folder + "/" + name
    }

    /// `path` with a leading `~` or `~/` replaced by the home folder (`$HOME`, else the password
    /// database), and `~user/` by that user's; anything else, or an unknown user, unchanged.
    public static func expandTilde(_ path: String) -> String {
        guard path.utf8.first == 0x7E else { return path }
        let u = Array(path.utf8)
        let end = u.firstIndex(of: 0x2F) ?? u.count
        let user = String(decoding: u[1..<end], as: UTF8.self)
        let rest = String(decoding: u[end...], as: UTF8.self)
        let home: String?
        if user.isEmpty {
            if let h = getenv("HOME"), h.pointee != 0 {
                home = String(cString: h)
            } else {
                home = getpwuid(getuid()).flatMap { $0.pointee.pw_dir }.map { String(cString: $0) }
            }
        } else {
            home = getpwnam(user).flatMap { $0.pointee.pw_dir }.map { String(cString: $0) }
        }
        guard var h = home, !h.isEmpty else { return path }
        while h.count > 1, h.hasSuffix("/") { h.removeLast() }
        if h == "/" && !rest.isEmpty { return rest }
        return h + rest
    }

    /// Whether `path` has a slash other than trailing ones, i.e. names a folder before its last name.
    private static func hasFolder(_ path: String) -> Bool {
        var u = Array(path.utf8)
        while u.count > 1, u.last == 0x2F { u.removeLast() }
        return u.contains(0x2F)
    }
}
