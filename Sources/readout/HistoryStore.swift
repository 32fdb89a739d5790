import CLibEdit
import Glibc

/// Interactive command history kept across runs, in libedit's file format.
///
/// Lives in `$XDG_STATE_HOME/readout/history`, else `~/.local/state/readout/history`.
/// Only interactive sessions use it: scripted runs never read, add to or write it.
@MainActor
final class HistoryStore {
    /// Most lines kept, in memory and on disk.
    static let capacity = 1000

    /// The history file.
    let path: String
    /// Lines entered in this session, oldest first, for merging on save.
    private var sessionLines: [String] = []
    /// The last line added, to skip immediate repeats.
    private var lastLine: String?

    init(path: String) {
        self.path = path
    }

    /// Where history lives for this environment, or nil when there is no home folder.
    static func defaultPath(environment: Environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/readout/history"
        }
        var home = environment["HOME"] ?? ""
        if home.isEmpty, let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir {
            home = String(cString: dir)
        }
        guard !home.isEmpty else { return nil }
        return home + "/.local/state/readout/history"
    }

    /// Creates the folder and loads earlier sessions' lines into the line editor.
    func load() {
        HistoryStore.makeDirectories(for: path)
        stifle_history(Int32(HistoryStore.capacity))
        _ = read_history(path)
        lastLine = HistoryStore.entries().last
    }

    /// Adds an entered line, unless it repeats the previous one.
    func record(_ line: String) {
        guard !line.isEmpty, line != lastLine else { return }
        _ = add_history(line)
        sessionLines.append(line)
        lastLine = line
    }

    /// Writes the history file: what is on disk now (other sessions may have
    /// written meanwhile) followed by this session's lines, each line kept only
    /// at its latest position, at most `capacity` lines. Replaces the file
    /// atomically and keeps it private (commands can name sources).
    func save() {
        guard !sessionLines.isEmpty else { return }
        clear_history()
        _ = read_history(path)
        let merged = HistoryStore.deduplicated(HistoryStore.entries() + sessionLines, keeping: HistoryStore.capacity)
        clear_history()
        for line in merged { _ = add_history(line) }
        HistoryStore.makeDirectories(for: path)
        let temporary = path + ".tmp.\(getpid())"
        guard write_history(temporary) == 0 else {
            unlink(temporary)
            Output.err("warning: could not write history file '\(path)'\n")
            return
        }
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 {
            unlink(temporary)
            Output.err("warning: could not write history file '\(path)'\n")
            return
        }
        sessionLines = []
    }

    /// `lines` with each line kept only at its last occurrence, the newest `limit` of them.
    static func deduplicated(_ lines: [String], keeping limit: Int) -> [String] {
        var seen = Set<String>()
        var newestFirst: [String] = []
        for line in lines.reversed() where !line.isEmpty && seen.insert(line).inserted {
            newestFirst.append(line)
            if newestFirst.count == limit { break }
        }
        return newestFirst.reversed()
    }

    /// The line editor's history, oldest first.
    private static func entries() -> [String] {
        (0..<Int(readout_history_length())).compactMap { offset in
            readout_history_line(Int32(offset)).map { String(cString: $0) }
        }
    }

    /// `mkdir -p` of the file's folder, private to the user.
    private static func makeDirectories(for file: String) {
        var path = ""
        let parts = file.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for (index, part) in parts.enumerated() {
            path += (index == 0 ? "" : "/") + part
            if !path.isEmpty { mkdir(path, 0o700) }
        }
    }
}
