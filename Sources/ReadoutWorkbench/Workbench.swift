import Foundation
import ReadoutEngine

/// The workbench: a workspace plus the command language. Front ends (the REPL, scripts,
/// tests) hand it lines; it parses, runs and renders them, and reports errors in one place.
public final class Workbench {
    /// How the workbench talks to the outside world.
    public struct Options {
        /// Output format at start.
        public var format: OutputFormat
        /// Width and colour for table output.
        public var style: RenderStyle
        /// True when a person is typing at a terminal (enables carets under errors, unsaved-change prompts).
        public var interactive: Bool
        /// True when progress may be drawn on stderr (stderr is a terminal).
        public var progress: Bool
        /// Receives rendered output: a large result arrives in several pieces (see `Renderer.chunkSize`).
        public var out: @Sendable (String) -> Void
        /// When set, receives rendered output as UTF-8 bytes instead of `out` (no `String` made).
        public var outBytes: (@Sendable ([UInt8]) -> Void)?
        /// Receives errors, warnings and progress.
        public var err: @Sendable (String) -> Void
        /// Folder for session files named without a folder.
        public var sessionsDirectory: String
        /// Shows the table output of a command typed at the prompt, through a pager when it is
        /// taller than the screen (the front end decides, and says nil when output never pages:
        /// scripts, output that is not a terminal). It is given a function that renders the output
        /// into the sink it is handed, and may call it more than once.
        public var page: (@Sendable (_ render: (_ sink: ([UInt8]) -> Void) -> Void) -> Void)?

        public init(format: OutputFormat = .table, style: RenderStyle = RenderStyle(), interactive: Bool = false,
                    progress: Bool = false,
                    out: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
                    outBytes: (@Sendable ([UInt8]) -> Void)? = nil,
                    err: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) },
                    sessionsDirectory: String = "Sessions",
                    page: (@Sendable (_ render: (_ sink: ([UInt8]) -> Void) -> Void) -> Void)? = nil) {
            self.format = format
            self.style = style
            self.interactive = interactive
            self.progress = progress
            self.out = out
            self.outBytes = outBytes
            self.err = err
            self.sessionsDirectory = sessionsDirectory
            self.page = page
        }
    }

    /// The articles, groups and notes.
    public let workspace = Workspace()
    /// Current output format (`set format=`).
    public var format: OutputFormat
    /// Current width and colour.
    public var style: RenderStyle
    /// Options given at creation.
    public var options: Options
    /// Set by `quit`/`exit`.
    public internal(set) var quitRequested = false
    /// Largest file `load` reads, in bytes (`set maxsize=` in MB).
    public var maxFileBytes = 50 << 20
    /// `set pager=`: long table output of a command typed at the prompt goes through the pager
    /// the front end offers (`Options.page`).
    public var pager = true
    /// Session state: file, on-disk stamp, pending confirmations.
    public var session = SessionState()
    /// Nesting depth of `source`, to stop a file that sources itself.
    var sourceDepth = 0
    /// Diffs run this session, newest last, for `report`.
    public internal(set) var diffLog: [DiffRecord] = []

    public init(options: Options = Options()) {
        self.options = options
        self.format = options.format
        self.style = options.style
        self.session.directory = options.sessionsDirectory
        if options.progress { workspace.analysisProgress = AnalysisProgress(err: options.err).report }
    }

    /// Runs every statement on `line`. Output and errors are rendered here.
    /// Returns false when any statement failed. `file`/`line` locate errors in command files.
    /// `typed`: a person typed the line at the prompt, so long output may be paged.
    @discardableResult
    public func execute(_ text: String, file: String? = nil, line lineNumber: Int? = nil, typed: Bool = false) -> Bool {
        let statements: [Statement]
        do {
            statements = try Lexer.statements(text)
        } catch {
            fail(error, file: file, line: lineNumber)
            return false
        }
        var ok = true
        for s in statements {
            if quitRequested { break }
            if Interrupt.isRequested {
                fail(ReadoutError("interrupted", hint: "'\(s.source)' and what follows it on the line did not run"), file: file, line: lineNumber)
                return false
            }
            if !run(s, file: file, line: lineNumber, typed: typed) { ok = false }
        }
        return ok
    }

    private func run(_ s: Statement, file: String?, line: Int?, typed: Bool) -> Bool {
        if s.name.text != "history" { workspace.history.append(s.source) }
        do throws(ReadoutError) {
            let spec = try Registry.lookup(s.name, arguments: s.args)
            let inv = try Invocation(spec: spec, statement: s)
            let before = workspace.dirty
            let output: CommandOutput
            do throws(ReadoutError) {
                output = try spec.run(self, inv)
            } catch {
                // an interrupted command may fail on the way out (an incomplete analysis): say why
                throw Interrupt.isRequested ? Interrupt.error : error
            }
            // a long command that read nothing but noticed the interrupt late shows nothing
            if Interrupt.isRequested && !output.mutates { throw Interrupt.error }
            if output.mutates { workspace.dirty = true }
            if workspace.dirty && (!before || output.mutates) { session.noteChange() }
            let renderer = Renderer(format: format, style: redirectStyle(s))
            if let r = s.redirect {
                let bytes = renderer.renderBytes(output)
                // Ctrl-C while it was made: the file is left as it was, not given part of a result
                if Interrupt.isRequested && !output.mutates {
                    throw ReadoutError("interrupted", hint: "'\(r.path)' was not written; the workspace is as it was before the command")
                }
                try writeRedirect(bytes, r)
            } else if format == .csv, output.mutates, output.firstTable == nil {
                // a status line (`loaded 1 document`) goes to standard error in CSV mode, so that
                // `> file` holds tables only
                for case .text(let t) in output.blocks where !t.isEmpty { options.err(t.hasSuffix("\n") ? t : t + "\n") }
            } else if typed && pager && format == .table && sourceDepth == 0, let page = options.page {
                // CSV and JSON are for programs and copying: only tables are paged
                page { sink in renderer.render(output, toBytes: sink) }
            } else {
                // streamed in chunks: a large result is never held as one string
                if let bytes = options.outBytes {
                    renderer.render(output, toBytes: bytes)
                } else {
                    renderer.render(output, to: options.out)
                }
            }
            // Ctrl-C while it was printed: the rest was not, and the command says so
            if Interrupt.isRequested && !output.mutates { throw Interrupt.error }
            try session.autosaveIfNeeded(self)
            return !output.partialFailure
        } catch {
            fail(error, file: file, line: line)
            return false
        }
    }

    private func redirectStyle(_ s: Statement) -> RenderStyle {
        s.redirect == nil ? style : RenderStyle(width: Int.max / 4, color: false)
    }

    private func writeRedirect(_ bytes: [UInt8], _ r: Redirect) throws(ReadoutError) {
        let path = Paths.expandTilde(r.path)
        if r.append {
            try AtomicFile.append(bytes, to: path)
        } else {
            try AtomicFile.write(bytes, to: path)
        }
    }

    /// Saves the session if `set autosave=on` and something is unsaved, before the process ends
    /// (a terminating signal, a terminal gone); a failure is reported, not thrown.
    public func autosaveBeforeLeaving() {
        do throws(ReadoutError) { try session.autosaveIfNeeded(self) } catch { report(error) }
    }

    /// Prints an error, with a caret under the column when a person typed the line.
    public func report(_ e: ReadoutError, file: String? = nil, line: Int? = nil) {
        var e = e
        if e.file == nil, let f = file { e.file = f; e.line = line }
        if options.interactive, file == nil, let caret = ErrorRenderer.caret(e, prompt: Workbench.prompt) {
            options.err(caret + "\n")
        }
        options.err(ErrorRenderer.render(e) + "\n")
    }

    /// Reports the error a command failed with. In the JSON formats the command's place on
    /// standard output holds an error object as well, so that a script reads one value per
    /// command: `{"ok":false,"error":…,"column":…,"hint":…,"file":…,"line":…}` (null when not known).
    func fail(_ e: ReadoutError, file: String? = nil, line: Int? = nil) {
        report(e, file: file, line: line)
        guard format.isJSON else { return }
        var w = ByteWriter()
        Workbench.errorJSON(e, file: e.file ?? file, line: e.line ?? (e.file == nil ? line : nil)).writeJSON(to: &w)
        w.append(0x0A)
        if let bytes = options.outBytes { bytes(w.bytes) } else { options.out(String(decoding: w.bytes, as: UTF8.self)) }
    }

    /// A failed command's JSON object (stable field names; null for what is not known).
    static func errorJSON(_ e: ReadoutError, file: String?, line: Int?) -> Value {
        .object([Value.Field("ok", .bool(false)), Value.Field("error", .string(e.message)),
                 Value.Field("column", e.column.map { .int($0) } ?? .null), Value.Field("hint", e.hint.map { .string($0) } ?? .null),
                 Value.Field("file", file.map { .string($0) } ?? .null), Value.Field("line", line.map { .int($0) } ?? .null)])
    }

    /// Prints a warning.
    public func warn(_ message: String) {
        options.err(ErrorRenderer.warning(message) + "\n")
    }

    /// The REPL prompt.
    public static let prompt = "readout> "

    /// Runs a command file line by line; errors name FILE:LINE. Returns false if any line failed.
    @discardableResult
    public func runFile(_ path: String, bail: Bool = false) -> Bool {
        guard let data = FileManager.default.contents(atPath: Paths.expandTilde(path)) else {
            report(ReadoutError("cannot read command file", hint: "check the path", file: path))
            return false
        }
        let text = PathBytes.decode(data)
        var ok = true
        for (i, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if quitRequested { break }
            if !execute(String(line), file: path, line: i + 1) {
                ok = false
                if bail { break }
            }
        }
        return ok
    }

    /// Help for `--help`: every command with its summary, from the registry.
    public static func commandHelpSummary() -> String {
        let width = Registry.all.map(\.name.count).max() ?? 8
        return Registry.all.map { $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
            .joined(separator: "\n")
    }
}
