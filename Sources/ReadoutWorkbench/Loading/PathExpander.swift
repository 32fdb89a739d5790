import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands `load` arguments into files: plain files, folders (recursively, symlink loops
/// skipped) and glob patterns. Problems are reported, never thrown, so other paths still load.
public struct PathExpander {
    /// Extensions loaded from folders.
    public static let articleExtensions: Set<String> = ["txt", "md", "html", "htm", "text", "markdown"]

    /// The files found, in argument order, each once.
    public var files: [String] = []
    /// Arguments that name nothing.
    public var errors: [ReadoutError] = []
    /// Things skipped: broken links, folders seen before, files that are not regular.
    public var warnings: [String] = []
    private var seenDirs: Set<String> = []
    /// Files taken so far, by device and inode. Two paths with the same real path are the same
    /// file, so real paths are compared (and `realpath` called) only for a second path to an inode.
    private var seenFiles: [FileID: TakenFile] = [:]

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private struct TakenFile {
        /// The first path taken to the file.
        var first: String
        /// Real paths of the paths taken to it, filled in when a second path turns up.
        var realPaths: [String] = []
    }

    /// An expander with nothing added yet.
    public init() {}

    /// Adds the files `arg` names.
    public mutating func add(_ arg: String) {
        let path = Paths.expandTilde(arg)
        var st = stat()
        if path.contains(where: { "*?[".contains($0) }) && FileSystem.status(path, &st) != 0 {
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
        let code = FileSystem.status(path, &st)
        guard code == 0 else {
            if (code == ENOENT || code == ELOOP) && FileSystem.status(path, &st, followLinks: false) == 0 {
                warnings.append("skipped '\(shown)': broken or looping symbolic link")
            } else if code == ENOENT {
                let hint = Suggest.closest(to: Paths.lastComponent(path), in: PathExpander.siblings(of: path))
                    .first.map { "did you mean '\(Paths.join(Paths.folder(of: path), $0))'?" }
                errors.append(ReadoutError("no such file or folder '\(shown)'", hint: hint, file: nil))
            } else {
                errors.append(FileSystem.readError(shown, path: path, code))
            }
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            walk(path, explicit: explicit)
        } else if (st.st_mode & S_IFMT) == S_IFREG {
            if !explicit && !PathExpander.articleExtensions.contains(Paths.fileExtension(path)) { return }
            addFile(path, st)
        } else {
            warnings.append("skipped '\(shown)': not a regular file")
        }
    }

    /// Takes a regular file unless another path to it (same real path) was taken already.
    private mutating func addFile(_ path: String, _ st: stat) {
        let id = FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        guard var taken = seenFiles[id] else {
            seenFiles[id] = TakenFile(first: path)
            files.append(path)
            return
        }
        // Another path to a file already taken (a symbolic or hard link): compare real paths.
        if taken.realPaths.isEmpty { taken.realPaths = [PathExpander.realpath(taken.first) ?? taken.first] }
        let key = PathExpander.realpath(path) ?? path
        if !taken.realPaths.contains(key) {
            taken.realPaths.append(key)
            files.append(path)
        }
        seenFiles[id] = taken
    }

    /// Adds the articles in folder `dir` and its subfolders. A folder named on the command line
    /// that cannot be read is an error; one found inside it, a warning (the rest still loads).
    private mutating func walk(_ dir: String, explicit: Bool = false) {
        let real = PathExpander.realpath(dir) ?? dir
        guard seenDirs.insert(real).inserted else {
            warnings.append("skipped '\(dir)': folder already visited (symbolic link loop?)")
            return
        }
        if Interrupt.isRequested { return }
        let entries: [String]
        switch FileSystem.list(dir) {
        case .success(let names): entries = names
        case .failure(let e):
            unreadableFolder(FileSystem.readError(dir, path: dir, e.code, .folder), explicit: explicit)
            return
        }
        for name in entries.sorted() where !name.hasPrefix(".") {
            let p = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            var st = stat()
            let code = FileSystem.status(p, &st)
            guard code == 0 else {
                if code == EACCES || code == EPERM {
                    // listed but not searchable (mode r--): every name in it fails alike, say it once
                    unreadableFolder(FileSystem.readError(dir, path: p, code, .folder), explicit: explicit)
                    return
                }
                if code == ENOENT || code == ELOOP {
                    warnings.append("skipped '\(p)': broken or looping symbolic link")
                } else {
                    warnings.append(PathExpander.line(FileSystem.readError(p, path: p, code)))
                }
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(p)
            } else if (st.st_mode & S_IFMT) == S_IFREG, PathExpander.articleExtensions.contains(Paths.fileExtension(name)) {
                // a dataset's README or licence is no article (`load ../shared/corpora/bbc` read README.TXT)
                if PathExpander.isPackagingFile(name) {
                    warnings.append("skipped '\(p)': a README, licence or changelog, not an article (load it by name to read it)")
                    continue
                }
                addFile(p, st)
            }
        }
    }

    /// Name stems of the files a folder of articles ships beside them (any case).
    static let packagingStems = ["README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "COPYING"]

    /// Whether the file `name` is a README, licence or changelog (`README.TXT`, `LICENSE.md`,
    /// `readme-bbc.txt`): skipped in a folder, loaded when named.
    static func isPackagingFile(_ name: String) -> Bool {
        let upper = name.uppercased()
        return packagingStems.contains { upper.hasPrefix($0) }
    }

    /// Reports a folder that cannot be read: an error when it was named, else a warning.
    private mutating func unreadableFolder(_ e: ReadoutError, explicit: Bool) {
        if explicit {
            errors.append(e)
        } else {
            warnings.append(PathExpander.line(e))
        }
    }

    /// An error as the text of a warning: its message and hint.
    private static func line(_ e: ReadoutError) -> String {
        e.message + (e.hint.map { " - " + $0 } ?? "")
    }

    static func realpath(_ p: String) -> String? {
        FileSystem.realpath(p)
    }

    static func siblings(of path: String) -> [String] {
        (try? FileSystem.list(Paths.folder(of: path)).get()) ?? []
    }

    /// Expands a shell glob pattern, sorted. A wildcard never matches `.` or `..` (as in bash 5.2):
    /// `load .*` reads the hidden files here, not this folder again and the one above it.
    public static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard PathBytes.withCString(pattern, { Glibc.glob($0, 0, nil, &g) }) == 0 else { return [] }
        let wanted = pattern.split(separator: "/", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            guard let p = g.gl_pathv[i] else { continue }
            let path = PathBytes.decode(cString: p)
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            let dots = parts.indices.contains { k in
                (parts[k] == "." || parts[k] == "..") && (k >= wanted.count || wanted[k] != parts[k])
            }
            if !dots { out.append(path) }
        }
        return out.sorted()
    }
}
