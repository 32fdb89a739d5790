/// What a positional argument or key value completes to in the REPL.
public enum CompletionKind: Sendable, Equatable {
    case none
    /// File and folder paths.
    case files
    /// Document ids.
    case documents
    /// Entity names.
    case entities
    /// Speakers, sources and groups.
    case speakers
    /// Command names.
    case commands
    /// Quote ids.
    case quotes
    /// One of fixed values.
    case values([String])
}

/// One `key=value` a command accepts.
public struct KeySpec: Sendable {
    /// The key, e.g. `type`.
    public var name: String
    /// What it means, one line.
    public var help: String
    /// What its value completes to (and, for `.values`, what it must be).
    public var completion: CompletionKind
    /// Other words a `.values` key accepts, each standing for some of the values: the word users
    /// guess from elsewhere in readout (`kind=reported`, as `sources` names its column).
    public var synonyms: [(word: String, values: [String])]

    public init(_ name: String, _ help: String, _ completion: CompletionKind = .none,
                synonyms: [(word: String, values: [String])] = []) {
        self.name = name
        self.help = help
        self.completion = completion
        self.synonyms = synonyms
    }

    /// The values `word` stands for: itself, or those of the synonym it is.
    func values(of word: String) -> [String] {
        synonyms.first { $0.word == word }?.values ?? [word]
    }
}

/// A command's definition: the single source of its help, usage, keys, completion and behaviour.
public struct CommandSpec: Sendable {
    /// The name typed at the prompt.
    public var name: String
    /// Other names for it (`exit` for `quit`).
    public var aliases: [String]
    /// One line saying what it does.
    public var summary: String
    /// Usage line, e.g. `entities [type=T] [doc=D]`.
    public var usage: String
    /// Keys it accepts.
    public var keys: [KeySpec]
    /// A worked example.
    public var example: String
    /// Least and most positional arguments (`Int.max` for any).
    public var positionals: ClosedRange<Int>
    /// What positionals complete to.
    public var positionalCompletion: CompletionKind
    /// Whether a trailing `!` (`save!`) is meaningful.
    public var allowsForce: Bool
    /// Runs the command.
    public var run: @Sendable (Workbench, Invocation) throws(ReadoutError) -> CommandOutput

    public init(name: String, aliases: [String] = [], summary: String, usage: String, keys: [KeySpec] = [],
                example: String, positionals: ClosedRange<Int> = 0...0, positionalCompletion: CompletionKind = .none,
                allowsForce: Bool = false,
                run: @escaping @Sendable (Workbench, Invocation) throws(ReadoutError) -> CommandOutput) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.usage = usage
        self.keys = keys
        self.example = example
        self.positionals = positionals
        self.positionalCompletion = positionalCompletion
        self.allowsForce = allowsForce
        self.run = run
    }
}
