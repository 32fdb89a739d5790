/// Every command the workbench knows, in the order `help` lists them.
public enum Registry {
    /// All commands.
    public static let all: [CommandSpec] = [
        .load, .docs, .show, .drop, .clear,
        .entities, .mentions, .explain,
        .quotes, .sources, .alias, .aliases, .unalias, .diff,
        .note, .notes, .save, .open, .new,
        .kwic, .freq, .collocates, .keyness, .search, .timeline, .stats, .report,
        .set, .source, .help, .history, .quit,
    ]

    private static let byName: [String: CommandSpec] = {
        var d: [String: CommandSpec] = [:]
        for c in all {
            d[c.name] = c
            for a in c.aliases { d[a] = c }
        }
        return d
    }()

    /// Every name and alias.
    public static var names: [String] { all.flatMap { [$0.name] + $0.aliases } }

    /// The command for `name` (a trailing `!` is ignored here), or an unknown-command error.
    public static func lookup(_ name: Word) throws(ReadoutError) -> CommandSpec {
        let n = name.text.hasSuffix("!") ? String(name.text.dropLast()) : name.text
        if let c = byName[n] ?? byName[n.lowercased()] { return c }
        throw ReadoutError.unknown("command", n, candidates: names, column: name.column)
    }

    /// The command named exactly `name`, if any.
    public static func spec(_ name: String) -> CommandSpec? { byName[name] }
}
