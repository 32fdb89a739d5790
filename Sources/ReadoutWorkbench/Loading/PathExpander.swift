import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands `load` arguments into files: plain files, folders (recursively, symlink loops
/// skipped) and glob patterns. Problems are reported, never thrown, so other paths still load.
public struct PathExpander {
    /// Extensions loaded from folders.
    public static let articleExtensions: Set<String> = ["txt", "md", "html", "htm", "text", "markdown"]

    public var files: [String] = []
    public var errors: [ReadoutError] = []
    public var warnings: [String] = []
    private var seenDirs: Set<String> = []
    private var seenFiles: Set<String> = []

    public init() {}

    /// Adds the files `arg` names.
    public mutating func add(_ arg: String) {
        let path = PathExpander.expandTilde(arg)
        if path.contains(where: { "*?[".contains($0) }) && !FileManager.default.fileExists(atPath: path) {
            let matches = PathExpander.glob(path)
            if matches.isEmpty {
                errors.append(ReadoutError("no files match '\(arg)'", hint: "check the pattern; folders load recursively", file: arg))
            }
            for m in matches { addPath(m, explicit: false, shown: m) }
            return
        }
        addPath(path, explicit: true, shown: arg)
    }

    private mutating func addPath(_ path: String, explicit: Bool, shown: String) {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if lstat(path, &st) == 0 {
                warnings.append("skipped '\(shown)': broken or looping symbolic link")
            } else {
                let hint = Suggest.closest(to: (path as NSString).lastPathComponent, in: PathExpander.siblings(of: path))
                    .first.map { "did you mean '\(((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent($0))'?" }
                errors.append(ReadoutError("no such file or folder '\(shown)'", hint: hint, file: nil))
            }
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            walk(path)
        } else if (st.st_mode & S_IFMT) == S_IFREG {
            let ext = (path as NSString).pathExtension.lowercased()
            if !explicit && !PathExpander.articleExtensions.contains(ext) { return }
            addFile(path)
        } else {
            warnings.append("skipped '\(shown)': not a regular file")
        }
    }

    private mutating func addFile(_ path: String) {
        let key = PathExpander.realpath(path) ?? path
        if seenFiles.insert(key).inserted { files.append(path) }
    }

    private mutating func walk(_ dir: String) {
        let real = PathExpander.realpath(dir) ?? dir
        guard seenDirs.insert(real).inserted else {
            warnings.append("skipped '\(dir)': folder already visited (symbolic link loop?)")
            return
        }
        if Interrupt.isRequested { return }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            warnings.append("cannot read folder '\(dir)': permission denied or unreadable")
            return
        }
        for name in entries.sorted() where !name.hasPrefix(".") {
            let p = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            guard stat(p, &st) == 0 else {
                warnings.append("skipped '\(p)': broken or looping symbolic link")
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(p)
            } else if (st.st_mode & S_IFMT) == S_IFREG, PathExpander.articleExtensions.contains((name as NSString).pathExtension.lowercased()) {
                addFile(p)
            }
        }
    }

    static func expandTilde(_ p: String) -> String {
        guard p.hasPrefix("~") else { return p }
        return (p as NSString).expandingTildeInPath
    }

    static func realpath(_ p: String) -> String? {
        guard let r = Glibc.realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    static func siblings(of path: String) -> [String] {
        let dir = (path as NSString).deletingLastPathComponent
        return (try? FileManager.default.contentsOfDirectory(atPath: dir.isEmpty ? "." : dir)) ?? []
    }

    /// Expands a shell glob pattern, sorted.
    public static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out.sorted()
    }
}
