/// Help for one command, built from its spec (the single source for `help` and `--help`).
enum HelpText {
    static func detail(_ spec: CommandSpec) -> String {
        var s = "\(spec.name) - \(spec.summary)\n\nusage: \(spec.usage)\n"
        let also = spec.aliases + Habits.running(spec.name)
        if !also.isEmpty { s += "also: " + also.joined(separator: ", ") + "\n" }
        if !spec.keys.isEmpty {
            s += "\nkeys:\n"
            let w = spec.keys.map(\.name.count).max()! + 1
            for k in spec.keys {
                var line = "  " + (k.name + "=").padding(toLength: w + 2, withPad: " ", startingAt: 0) + k.help
                if case .values(let v) = k.completion {
                    let synonyms = k.synonyms.map { "; \($0.word): " + $0.values.joined(separator: " or ") }
                    line += " (" + v.joined(separator: "|") + synonyms.joined() + ")"
                }
                s += line + "\n"
            }
        }
        s += "\nexample: \(spec.example)\n"
        return s
    }

    static func json(_ spec: CommandSpec) -> Value {
        .obj(["name": .string(spec.name), "summary": .string(spec.summary), "usage": .string(spec.usage),
              "aliases": .array(spec.aliases.map { .string($0) }),
              "keys": .array(spec.keys.map { .obj(["name": .string($0.name), "help": .string($0.help)]) }),
              "example": .string(spec.example)])
    }
}
