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

    /// The command named or aliased `name`; a later command wins a name two share. A search of the
    /// few dozen commands: building a dictionary of them (and its generic type's metadata) cost more
    /// at every start than all the look-ups of a run.
    private static func byName(_ name: String) -> CommandSpec? {
        all.last { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every name and alias.
    public static var names: [String] { all.flatMap { [$0.name] + $0.aliases } }

    /// The command for `name` (a trailing `!` is ignored here), or an unknown-command error. A habit
    /// from another shell (`Habits`, matched with the first of `arguments`) runs its command or is
    /// named in the error.
    public static func lookup(_ name: Word, arguments: [Word] = []) throws(ReadoutError) -> CommandSpec {
        let n = name.text.hasSuffix("!") ? String(name.text.dropLast()) : name.text
        if let c = byName(n) ?? byName(n.lowercased()) { return c }
        switch Habits.meaning(of: n, firstArgument: arguments.first?.text) {
        case .runs(let command)?:
            if let c = byName(command) { return c }
        case .suggests(let line)?:
            throw ReadoutError("unknown command '\(n)'", hint: "did you mean '\(line)'?", column: name.column)
        case nil:
            break
        }
        throw ReadoutError.unknown("command", n, candidates: names, column: name.column)
    }

    /// The command named exactly `name`, if any.
    public static func spec(_ name: String) -> CommandSpec? { byName(name) }
}
