import ArgumentParser
import CLibEdit
import Glibc
import ReadoutEngine
import ReadoutWorkbench

/// The version `--version` and the banner show.
enum ReadoutVersion {
    static let current = "0.1.0"
}

extension OutputFormat: ExpressibleByArgument {}

/// Lays out the workbench's command list for `--help`.
enum HelpLayout {
    /// Wraps each `name   summary` line at `width`, continuing under the summary
    /// column, so ArgumentParser has nothing left to re-wrap.
    static func hangingIndent(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width, let nameEnd = line.firstIndex(of: " "),
                  let summaryStart = line[nameEnd...].firstIndex(where: { $0 != " " }) else { return String(line) }
            let indent = String(repeating: " ", count: line.distance(from: line.startIndex, to: summaryStart))
            var lines: [String] = []
            var current = String(line[..<summaryStart])
            var currentHasWord = false
            for word in line[summaryStart...].split(separator: " ") {
                if currentHasWord && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = indent
                    currentHasWord = false
                }
                current += (currentHasWord ? " " : "") + word
                currentHasWord = true
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}

/// `readout`: the command-line entry point. Parses flags, then hands over to `Launcher`.
@main
struct Readout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readout",
        abstract: "A workbench for reading news articles: entities, quotes, diffs, sessions.",
        discussion: """
            With no FILE and no -c, readout reads commands at a 'readout> ' prompt when \
            standard input is a terminal (with history and Tab completion), and otherwise \
            runs the commands piped to it. ~/.readoutrc runs first unless --no-rc. \
            Exit status: 0 when every command succeeded, 1 when any failed, 2 for bad flags, \
            130 after Ctrl-C in a script.
            \(commandList)
            """,
        version: ReadoutVersion.current
    )

    /// The command list for `--help`. ArgumentParser builds the configuration on every start, and
    /// laying out every command's summary was most of start-up, so it is made only when help
    /// may be shown.
    static var commandList: String {
        let helpWords: Set<String> = ["-h", "--help", "help", "--experimental-dump-help"]
        guard CommandLine.arguments.dropFirst().contains(where: { helpWords.contains($0) }) else { return "" }
        return "\nCommands:\n" + HelpLayout.hangingIndent(Workbench.commandHelpSummary(), width: 78)
    }

    /// `-c CMD`, repeatable: run these commands, then exit.
    @Option(name: [.customShort("c"), .customLong("command")],
            help: ArgumentHelp("Run COMMAND and exit; repeat to run several in order.", valueName: "command"))
    var commands: [String] = []

    /// A command file to run.
    @Argument(help: ArgumentHelp("Run the commands in FILE (one per line; - reads standard input) and exit.",
                                 valueName: "file"))
    var file: String?

    /// Stop at the first failing command.
    @Flag(help: "Stop at the first command that fails.")
    var bail = false

    /// Output format at start.
    @Option(help: ArgumentHelp("Output format: table, csv, json (one JSON value per command) or jsonl (one object per row).", valueName: "format"))
    var format: OutputFormat?

    /// Never use colour.
    @Flag(name: .customLong("no-color"), help: "Never colour output (also when NO_COLOR is set).")
    var noColor = false

    /// A session to open before anything else runs.
    @Option(help: ArgumentHelp("Start with the session in FILE open.", valueName: "file"))
    var session: String?

    /// Paths to load before anything else runs (after `--session`).
    @Option(name: .customLong("load"), help: ArgumentHelp("Load the articles at PATH at start; repeatable.", valueName: "path"))
    var load: [String] = []

    /// Skip `~/.readoutrc`.
    @Flag(name: .customLong("no-rc"), help: "Do not run ~/.readoutrc at start.")
    var noRC = false

    mutating func validate() throws {
        if !commands.isEmpty && file != nil {
            throw ValidationError("Give either -c commands or a FILE, not both.")
        }
    }

    mutating func run() throws {
        Readout.launch(launchFlags)
    }

    /// The parsed flags as plain values.
    var launchFlags: LaunchFlags {
        LaunchFlags(commands: commands, file: file, bail: bail, format: format, noColor: noColor,
                    session: session, load: load, noRC: noRC)
    }

    /// Runs the workbench with `flags` and exits with its status.
    static func launch(_ flags: LaunchFlags) -> Never {
        let status = MainActor.assumeIsolated { Launcher(flags: flags).run() }
        // output that could not be written makes an otherwise good run fail
        Glibc.exit(status == 0 && Output.standardOutputFailed ? 1 : status)
    }

    /// The arguments as given: bytes that are not UTF-8 (a Latin-1 file name from the shell) are
    /// kept (`PathBytes`), where `CommandLine.arguments` would replace them with U+FFFD.
    static func rawArguments() -> [String] {
        (0..<Int(CommandLine.argc)).map { i in CommandLine.unsafeArgv[i].map { PathBytes.decode(cString: $0) } ?? "" }
    }

    /// The long flags `readout` knows, for `unknownFlag`.
    static let longFlags = ["--command", "--bail", "--format", "--no-color", "--session", "--load", "--no-rc",
                            "--help", "--version", "--generate-manual", "--generate-completion-script"]

    /// The error for the first `--name` (before a `--`, and not the value of `-c` or another
    /// flag) that is no flag of `readout`, with the closest one suggested; nil when all are known.
    static func unknownFlag(_ arguments: [String]) -> String? {
        let takesValue: Set<String> = ["-c", "--command", "--format", "--session", "--load", "--generate-completion-script"]
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { return nil }
            if takesValue.contains(a) { i += 2; continue }
            if a.hasPrefix("--"), case let name = String(a.split(separator: "=", maxSplits: 1)[0]), !longFlags.contains(name) {
                let close = Suggest.closest(to: String(name.dropFirst(2)), in: longFlags.map { String($0.dropFirst(2)) })
                let hint = close.isEmpty ? "see 'readout --help'" : "did you mean " + close.map { "'--\($0)'" }.joined(separator: " or ") + "?"
                return ErrorRenderer.render(ReadoutError("unknown flag '\(name)'", hint: hint))
            }
            i += 1
        }
        return nil
    }

    /// Like `ParsableCommand.main()`, but bad flags exit with status 2 (ArgumentParser
    /// uses 64, EX_USAGE), the convention for command-line tools and what scripts expect.
    static func main() {
        // before anything is opened: a closed standard descriptor must not be reused by a file
        Output.holdClosedDescriptors()
        Output.checkBufferedOutputAtExit()
        // one malloc arena per core: the analysis runs a worker per core, and arenas beyond
        // that only held freed memory (a whole-corpus run's resident set was 2 MB larger)
        _ = readout_limit_malloc_arenas(Int32(clamping: max(2, Cores.available)))
        // a copied or half-installed binary says where it looked for its word lists, once
        if let problem = DataFiles.missingFolderProblem {
            Output.err(ErrorRenderer.render(ReadoutError(problem.message, hint: problem.hint)) + "\n")
            Glibc.exit(1)
        }
        // the word lists load on another core while the flags are parsed and the articles read
        Analyzer.prewarm()
        let arguments = rawArguments()
        if let flags = LaunchFlags.simple(arguments.dropFirst()) { launch(flags) }
        // the manual page `make install` writes, from the same help text as --help
        if arguments.dropFirst().elementsEqual(["--generate-manual"]) {
            Output.out(Manual.page())
            Glibc.exit(Output.standardOutputFailed ? 1 : 0)
        }
        // `--frmat json`: an unknown flag is named with the closest known one, before ArgumentParser
        // reads its value as the FILE and complains about something else
        if let message = unknownFlag(Array(arguments.dropFirst())) {
            Output.err(message + "\n")
            Glibc.exit(2)
        }
        do {
            var command = try parseAsRoot(Array(arguments.dropFirst()))
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Output.err(fullMessage(for: error) + "\n")
                Glibc.exit(2)
            }
            exit(withError: error)
        }
    }
}
