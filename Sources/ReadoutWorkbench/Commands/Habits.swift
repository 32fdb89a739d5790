/// Commands that other shells taught people, and what each means here. The one table of them:
/// a habit is added here, not as a special case where commands are looked up.
enum Habits {
    /// What typing a habit does.
    enum Meaning: Sendable {
        /// Runs this readout command: the habit has one meaning, which is this (`\q` is `quit`).
        case runs(String)
        /// The unknown-command error suggests this readout command line (`ls` → `docs`).
        case suggests(String)
    }

    /// A habit: the words typed (a name, or a name and its first argument) and their meaning.
    struct Habit: Sendable {
        let typed: String
        let meaning: Meaning
        init(_ typed: String, _ meaning: Meaning) {
            self.typed = typed
            self.meaning = meaning
        }
    }

    /// Every habit, the first that matches winning: a habit of two words (`.mode csv`) comes before
    /// the habit of its first word alone (`.mode`).
    static let table: [Habit] = [
        // leaving and help, as psql (`\q`, `\?`) and sqlite (`.quit`, `.exit`, `.help`) spell them
        Habit("\\q", .runs("quit")),
        Habit(".quit", .runs("quit")),
        Habit(".exit", .runs("quit")),
        Habit("\\?", .runs("help")),
        Habit(".help", .runs("help")),
        // shells
        Habit("ls", .suggests("docs")),
        Habit("dir", .suggests("docs")),
        Habit("cat", .suggests("show")),
        Habit("less", .suggests("show")),
        Habit("rm", .suggests("drop")),
        Habit("grep", .suggests("search")),
        Habit("man", .suggests("help")),
        // sqlite and psql
        Habit(".tables", .suggests("docs")),
        Habit("\\d", .suggests("docs")),
        Habit("\\dt", .suggests("docs")),
        Habit(".mode csv", .suggests("set format=csv")),
        Habit(".mode json", .suggests("set format=json")),
        Habit(".mode table", .suggests("set format=table")),
        Habit(".mode column", .suggests("set format=table")),
        Habit(".mode box", .suggests("set format=table")),
        Habit(".mode", .suggests("set format=table|csv|json")),
        Habit(".open", .suggests("open")),
        Habit(".save", .suggests("save")),
        Habit(".read", .suggests("source")),
        Habit("\\i", .suggests("source")),
    ]

    /// The meaning of command `name` typed with `firstArgument` (case ignored), if it is a habit.
    static func meaning(of name: String, firstArgument: String?) -> Meaning? {
        let typed = name.lowercased()
        let withArgument = firstArgument.map { typed + " " + $0.lowercased() }
        return table.first { $0.typed == withArgument || $0.typed == typed }?.meaning
    }

    /// The habits that run command `name`, for its help (`\q`, `.quit` and `.exit` for `quit`).
    static func running(_ name: String) -> [String] {
        table.compactMap { habit in
            if case .runs(let command) = habit.meaning, command == name { return habit.typed }
            return nil
        }
    }
}
