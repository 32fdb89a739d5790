import Foundation

extension CommandSpec {
    static let help = CommandSpec(
        name: "help", aliases: ["?"], summary: "list commands, or show one command's usage, keys and example",
        usage: "help [COMMAND]", example: "help quotes",
        positionals: 0...1, positionalCompletion: .commands
    ) { _, inv throws(ReadoutError) in
        guard let w = inv.positionals.first else {
            let t = Table([Column("command"), Column("summary", flexible: true)], rows: Registry.all.map { [.string($0.name), .string($0.summary)] })
            var out = CommandOutput.table(t)
            out.blocks.append(.text("Type 'help COMMAND' for its keys and an example. Values with spaces take quotes: who=\"White House\"."))
            return out
        }
        let spec = try Registry.lookup(w)
        return CommandOutput(blocks: [.text(HelpText.detail(spec))], json: HelpText.json(spec))
    }

    static let history = CommandSpec(
        name: "history", summary: "list the commands run in this session",
        usage: "history [last=N]", keys: [KeySpec("last", "show only the last N commands")], example: "history last=10"
    ) { wb, inv throws(ReadoutError) in
        let h = wb.workspace.history
        let last = try inv.int("last", default: h.count, range: 0...Int(Int32.max))
        let start = max(0, h.count - last)
        let rows = (start..<h.count).map { [Value.int($0 + 1), .string(h[$0])] }
        return .table(Table([Column("n"), Column("command", flexible: true)], rows: rows))
    }

    static let quit = CommandSpec(
        name: "quit", aliases: ["exit"], summary: "leave readout (warns once about unsaved changes)",
        usage: "quit", example: "quit"
    ) { wb, inv throws(ReadoutError) in
        try wb.confirmDiscard("quit", force: inv.force)
        wb.quitRequested = true
        return CommandOutput()
    }

    static let source = CommandSpec(
        name: "source", summary: "run the commands in a file, as if typed",
        usage: "source FILE", example: "source Tests/ReadoutWorkbenchTests/Transcripts/seed-docs.readout",
        positionals: 1...1, positionalCompletion: .files
    ) { wb, inv throws(ReadoutError) in
        let path = inv.positionals[0].text
        guard FileManager.default.isReadableFile(atPath: Paths.expandTilde(path)) else {
            throw ReadoutError("cannot read command file '\(path)'", hint: "check the path", column: inv.positionals[0].column)
        }
        wb.sourceDepth += 1
        defer { wb.sourceDepth -= 1 }
        guard wb.sourceDepth <= 16 else { throw ReadoutError("'source' nested too deeply (a file sources itself?)") }
        var out = CommandOutput()
        out.partialFailure = !wb.runFile(path)
        return out
    }

    static let set = CommandSpec(
        name: "set", summary: "show or change settings: format, width, color, pager, maxsize, date, autosave, sessions",
        usage: "set [format=table|csv|json|jsonl] [width=N] [color=on|off] [pager=on|off] [maxsize=MB] [date=YYYY-MM-DD|FILE [doc=D]] [autosave=on|off] [sessions=DIR]",
        keys: [KeySpec("format", "output format", .values(OutputFormat.allCases.map(\.rawValue))),
               KeySpec("width", "table width in columns"),
               KeySpec("color", "colour in tables", .values(["on", "off"])),
               KeySpec("pager", "tables taller than the screen go through $PAGER (less -FRX) at the prompt", .values(["on", "off"])),
               KeySpec("maxsize", "largest file load reads, in MB"),
               KeySpec("date", "publication date for the timeline: of doc=, else of every undated document; or a file of ID<TAB>DATE lines", .files),
               KeySpec("doc", "the document date= applies to", .documents),
               KeySpec("autosave", "save after every change once the session has a file", .values(["on", "off"])),
               KeySpec("sessions", "folder for session files named without a folder", .files)],
        example: "set format=json"
    ) { wb, inv throws(ReadoutError) in
        try wb.applySettings(inv)
    }
}

extension Workbench {
    func applySettings(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        // the dates first: a bad date or date table changes no setting either
        if inv.options["doc"] != nil && inv.options["date"] == nil {
            throw ReadoutError("'doc=' goes with 'date='", column: inv.options["doc"]!.column)
        }
        let dated = try inv.options["date"].map { d throws(ReadoutError) in try applyDate(d, doc: inv.options["doc"]) }
        if let f = inv.string("format") { format = OutputFormat(rawValue: f)! }
        if inv.options["width"] != nil { style.width = try inv.int("width", default: 100, range: 20...10_000) }
        if let c = inv.string("color") { style.color = c == "on" }
        if let p = inv.string("pager") { pager = p == "on" }
        if inv.options["maxsize"] != nil { maxFileBytes = try inv.int("maxsize", default: 50, range: 1...100_000) << 20 }
        if let a = inv.string("autosave") { session.autosave = a == "on" }
        if let d = inv.string("sessions") { session.directory = d }
        let rows: [[Value]] = [
            [.string("format"), .string(format.rawValue)],
            [.string("width"), .int(style.width)],
            [.string("color"), .string(style.color ? "on" : "off")],
            [.string("pager"), .string(pager ? "on" : "off")],
            [.string("maxsize"), .int(maxFileBytes >> 20)],
            [.string("autosave"), .string(session.autosave ? "on" : "off")],
            [.string("sessions"), .string(session.directory)],
        ]
        let json = Value.object(rows.map { Value.Field($0[0].cellText, $0[1]) })
        if inv.options.isEmpty { return .table(Table([Column("setting"), Column("value")], rows: rows), json: json) }
        guard let dated else { return CommandOutput(blocks: [], json: json) }
        var fields = [Value.Field("ok", .bool(true)), Value.Field("message", .string(dated))]
        if case .object(let settings) = json { fields += settings }
        return CommandOutput(blocks: [.text(dated)], json: .object(fields), mutates: true)
    }

    /// Warns once about unsaved changes; repeating the same command (or forcing it) goes ahead.
    /// `confirm` says how to repeat it, when that is not typing the command again.
    func confirmDiscard(_ command: String, force: Bool, confirm: String? = nil) throws(ReadoutError) {
        guard workspace.dirty, !force, !workspace.documents.isEmpty || !workspace.notes.isEmpty || !workspace.groups.isEmpty else { return }
        guard options.interactive else { return }
        if session.pendingConfirmation == command { session.pendingConfirmation = nil; return }
        session.pendingConfirmation = command
        throw ReadoutError("the session has unsaved changes", hint: "'save' first, or \(confirm ?? "repeat '\(command)'") to discard them")
    }

    /// Ctrl-D at the prompt: leaves as `quit` does. The warning about unsaved changes says how to
    /// leave from there; Ctrl-D again and `quit` both confirm it.
    public func quitAtEndOfInput() {
        do throws(ReadoutError) {
            try confirmDiscard("quit", force: false, confirm: "press Ctrl-D again (or type 'quit')")
            quitRequested = true
        } catch {
            report(error)
        }
    }

    /// Start-up (`~/.readoutrc`, `--session`, `--load`) is over: what it built is where the user
    /// begins, not unsaved work, so `open`, `new`, `clear` and `quit` do not warn about it. What
    /// the user changes from here on is unsaved work again.
    public func finishStartup() {
        workspace.dirty = false
        session.pendingConfirmation = nil
    }
}

