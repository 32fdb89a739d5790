import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Saving and opening session files safely: names resolved under the sessions folder, atomic
/// writes with a `.bak` of the previous file, refusal to overwrite a file changed on disk or a
/// file that is not this session's, and a workspace that changes only when a file opened cleanly.
public enum SessionStore {
    /// Environment variable for crash tests: seconds to pause between writing the temporary file
    /// and renaming it over the session file. The saver prints `pauseMarker` to stderr first.
    public static let pauseEnvironmentKey = "READOUT_TEST_PAUSE_SAVE"
    /// The line printed to stderr when the test pause begins.
    public static let pauseMarker = "readout: test pause before rename"

    /// The file a session name stands for. A bare name (no `/`) goes in `directory`, with `.json`
    /// added when it has no extension; a name with a folder (`./x.json`, `~/x.json`, `/tmp/x.json`) is used as is.
    public static func resolve(_ name: String, directory: String) -> String {
        if name.contains("/") { return Paths.expandTilde(name) }
        let file = Paths.fileExtension(name).isEmpty ? name + ".json" : name
        let dir = Paths.expandTilde(directory)
        return dir.isEmpty ? file : Paths.join(dir, file)
    }

    /// The content stamp of a file (FNV-1a 64 of its bytes), or nil when it cannot be read.
    static func stamp(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { ContentHash.fnv1a64($0) }
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        URL(fileURLWithPath: a).standardizedFileURL.path == URL(fileURLWithPath: b).standardizedFileURL.path
    }

    static func isFolder(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Saves the workspace to `name` (resolved), or to the session's file when `name` is nil.
    /// Without `force`, refuses to replace a file changed on disk since it was opened or saved,
    /// or an existing file that is not the session's. On failure nothing on disk or in the session changes.
    @discardableResult
    public static func save(_ wb: Workbench, name: String?, force: Bool) throws(ReadoutError) -> CommandOutput {
        let target: String
        if let n = name {
            // `save ""` and `save .` would write the hidden files `.json` and `..json`
            let last = n.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? n
            guard !last.isEmpty, last != ".", last != ".." else {
                throw ReadoutError("'\(n)' is not a session name", hint: "give a file name, e.g. save biden-putin")
            }
            target = resolve(n, directory: wb.session.directory)
        } else if let p = wb.session.path {
            target = p
        } else {
            throw ReadoutError("the session has no file yet",
                               hint: "give it a name: 'save NAME' writes \(resolve("NAME", directory: wb.session.directory))")
        }
        try AtomicFile.refuseRawBytes(target)
        if isFolder(target) {
            throw ReadoutError("cannot save to '\(target)': it is a folder", hint: "give a file name")
        }
        let parent = Paths.folder(of: target)
        if name.map({ !$0.contains("/") }) ?? false, parent != ".", !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw ReadoutError("cannot create the sessions folder '\(parent)'", hint: "check 'set sessions=DIR'")
            }
        }
        let isOwnFile = wb.session.path.map { samePath($0, target) } ?? false
        let bytes = SessionFile.encode(wb.workspace)
        // the check, the write and the rename under one lock: another process's save between the
        // check and the rename would otherwise be silently replaced
        // through a link, the lock and the temporary files are beside the file the link leads to
        let real = try AtomicFile.followLinks(target)
        try withSaveLock(real) { () throws(ReadoutError) in
            if !force, FileManager.default.fileExists(atPath: target) {
                if !isOwnFile {
                    throw ReadoutError("'\(target)' already exists",
                                       hint: "'save! \(name ?? target)' replaces it (the old file is kept as .bak), or choose another name")
                }
                if let known = wb.session.diskStamp, stamp(target) != known {
                    throw ReadoutError("'\(target)' changed on disk since this session opened or saved it",
                                       hint: "'save!' overwrites it (the other version is kept as .bak), or 'save OTHER' keeps both")
                }
            }
            try AtomicFile.write(bytes, to: target, keepBackup: true, force: force,
                                 forceHint: name.map { "'save! \($0)' replaces it" } ?? "'save!' replaces it",
                                 beforeRename: pauseForCrashTest)
            removeStaleTemporaryFiles(of: real)
        }
        wb.session.path = target
        wb.session.diskStamp = ContentHash.fnv1a64(bytes)
        wb.session.pendingConfirmation = nil
        wb.workspace.dirty = false
        let ws = wb.workspace
        return .message("saved \(summary(documents: ws.documents.count, groups: ws.groups.count, notes: ws.notes.count)) to \(target)",
                        [.init("path", .string(target)), .init("documents", .int(ws.documents.count)),
                         .init("groups", .int(ws.groups.count)), .init("notes", .int(ws.notes.count)),
                         .init("bytes", .int(bytes.count))])
    }

    /// Reads and verifies the session file `name` (resolved) without touching the workspace.
    public static func read(_ name: String, directory: String) throws(ReadoutError) -> (path: String, contents: SessionFile.Contents, stamp: String) {
        let path = resolve(name, directory: directory)
        let bytes: [UInt8]
        switch FileBytes.read(path, maxBytes: Int.max) {
        case .bytes(let b):
            bytes = b
        case .tooBig:
            throw ReadoutError("cannot read session file '\(path)': it is too large", hint: "check the path")
        case .failed(ENOENT):
            throw ReadoutError("no session file '\(path)'", hint: missingHint(name, directory: directory))
        case .failed(let code):
            throw FileSystem.readError(path, path: path, code, .sessionFile)
        case .notRegular(let mode) where (mode & S_IFMT) == S_IFDIR:
            throw ReadoutError("'\(path)' is a folder, not a session file", hint: "name a .json file in it")
        case .notRegular(let mode):
            throw ReadoutError("cannot open '\(path)' as a session: it is \(FileSystem.kind(mode)), not a regular file",
                               hint: "name a session file written by 'save'")
        }
        do {
            return (path, try SessionFile.decode(bytes, file: path), ContentHash.fnv1a64(bytes))
        } catch {
            var e = error
            if FileManager.default.fileExists(atPath: path + ".bak") {
                e.hint = (e.hint.map { $0 + "; " } ?? "") + "the previous save is in '\(path).bak'"
            }
            throw e
        }
    }

    /// Opens the session file `name`, replacing the workspace (after the unsaved-changes warning
    /// unless `force`). A file that fails to read, parse or verify changes nothing.
    @discardableResult
    public static func open(_ wb: Workbench, name: String, force: Bool) throws(ReadoutError) -> CommandOutput {
        let (path, contents, stamp) = try read(name, directory: wb.session.directory)
        try wb.confirmDiscard("open \(name)", force: force)
        wb.workspace.replace(with: contents.workspace())
        wb.session.path = path
        wb.session.diskStamp = stamp
        wb.session.pendingConfirmation = nil
        let ws = wb.workspace
        return .message("opened \(path): \(summary(documents: ws.documents.count, groups: ws.groups.count, notes: ws.notes.count))",
                        [.init("path", .string(path)), .init("documents", .int(ws.documents.count)),
                         .init("groups", .int(ws.groups.count)), .init("notes", .int(ws.notes.count))])
    }

    /// Starts an empty session with no file (after the unsaved-changes warning unless `force`).
    @discardableResult
    public static func new(_ wb: Workbench, force: Bool) throws(ReadoutError) -> CommandOutput {
        try wb.confirmDiscard("new", force: force)
        wb.workspace.replace(with: Workspace())
        wb.session.path = nil
        wb.session.diskStamp = nil
        wb.session.pendingConfirmation = nil
        return .message("new empty session")
    }

    static func summary(documents: Int, groups: Int, notes: Int) -> String {
        func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
        return [n(documents, "document"), n(groups, "group"), n(notes, "note")].joined(separator: ", ")
    }

    private static func missingHint(_ name: String, directory: String) -> String {
        let dir = Paths.expandTilde(directory)
        let stems = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted().map { String($0.dropLast(5)) }
        let want = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        if !name.contains("/"), let close = Suggest.closest(to: want, in: stems).first, !close.isEmpty {
            return "did you mean '\(close)'?"
        }
        return name.contains("/") ? "check the path" : "names without a folder are looked up in '\(directory)' (set sessions=DIR)"
    }

    /// Removes temporary files that a save of `target` killed before its rename left behind
    /// (`.NAME.tmp-PID-RANDOM`, or `.NAME.tmp-PID` from older versions, whose process is gone).
    /// Their content never replaced the session file.
    static func removeStaleTemporaryFiles(of target: String) {
        let dir = Paths.folder(of: target)
        let prefix = "." + Paths.lastComponent(target) + ".tmp-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(Paths.join(dir, name))
            }
        }
    }

    /// The lock file of `target`: `.NAME.lock` beside it. It stays after the save (removing it
    /// would let a third process lock a new file while a second still holds the old one).
    static func lockFile(of target: String) -> String {
        Paths.join(Paths.folder(of: target), "." + Paths.lastComponent(target) + ".lock")
    }

    /// How long a save waits for another process's save of the same file before giving up.
    static let lockTimeout: Double = 10

    /// Runs `body` holding an exclusive advisory lock (`flock`) on `target`'s lock file, so that
    /// two saves of one file, in this process or others, run one after the other. The lock goes
    /// with the process, so a save killed halfway never leaves the file locked.
    static func withSaveLock(_ target: String, _ body: () throws(ReadoutError) -> Void) throws(ReadoutError) {
        let path = lockFile(of: target)
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ReadoutError("cannot write '\(target)': \(String(cString: strerror(errno)))",
                               hint: "check the folder exists and is writable")
        }
        defer { close(fd) } // closing releases the lock
        let deadline = Double(time(nil)) + lockTimeout
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            if e == EINTR { continue }
            guard e == EWOULDBLOCK, Double(time(nil)) < deadline else {
                throw ReadoutError("cannot save '\(target)': another readout has been saving it for \(Int(lockTimeout)) seconds",
                                   hint: e == EWOULDBLOCK ? "try again once the other save finishes" : String(cString: strerror(e)))
            }
            usleep(5_000)
        }
        try body()
    }

    /// The crash-test pause: when `READOUT_TEST_PAUSE_SAVE` is set, announce it and sleep.
    private static func pauseForCrashTest() {
        guard let s = ProcessInfo.processInfo.environment[pauseEnvironmentKey], let seconds = Double(s), seconds > 0 else { return }
        FileHandle.standardError.write(Data((pauseMarker + "\n").utf8))
        usleep(UInt32(min(seconds, 600) * 1_000_000))
    }
}
