import Foundation
import FuzzReplay
import ReadoutWorkbench

/// A workbench holding the seed article, shared by every fuzz input.
nonisolated(unsafe) let fuzzBench: Workbench = {
    let wb = Workbench(options: .init(out: { _ in }, err: { _ in }))
    wb.workspace.add([DocumentRecord(document: .init(id: "seed", text: seedText), title: "Seed", path: "seed", loadedAt: 0)])
    return wb
}()

let seedText = """
United States President Joseph Biden and President Vladimir Putin of Russia spoke by telephone on Friday.
“We expect there will be continued difficult conversations,” Psaki told reporters at the White House.
The Kremlin said the call had taken place at Washington’s initiative.
"""

/// Commands safe to run on arbitrary input: they read the workspace, never files.
let readOnlyCommands: Set<String> = ["docs", "show", "entities", "mentions", "explain", "quotes", "sources", "aliases",
                                     "diff", "kwic", "freq", "collocates", "keyness", "search", "timeline", "stats",
                                     "help", "history", "notes"]

/// Commands that read or write the paths they are given. They run in a scratch folder (the
/// working folder, emptied after each input) on a fresh workbench, so any path the fuzzer makes
/// up (`x`, `é`, `+`, `a/b`) is tried for real. Statements naming anything outside the folder
/// (`/`, `~`, `..`) are left out, so nothing else is read or written.
let fileCommands: Set<String> = ["load", "report", "save", "open"]

/// A fresh folder that becomes the working folder for the whole run.
let scratchFolder: String = {
    var template = Array((NSTemporaryDirectory() + "readout-fuzz-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("cannot create a scratch folder for fuzzing") }
    let path = String(cString: made)
    guard chdir(path) == 0 else { fatalError("cannot enter the scratch folder '\(path)'") }
    return path
}()

/// Removes everything the last input created in the scratch folder.
func emptyScratchFolder() {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: scratchFolder)) ?? [] {
        try? FileManager.default.removeItem(atPath: scratchFolder + "/" + name)
    }
}

/// Lexes, binds and runs arbitrary input: read-only commands on the shared workbench, commands
/// that touch files (and any command with `>`/`>>`) in the scratch folder; completes at every position.
func fuzzCommands(_ bytes: UnsafeRawBufferPointer) {
    let line = PathBytes.decode(bytes) // bytes that are not UTF-8 kept, as the binary keeps them
    _ = scratchFolder
    fuzzBench.workspace.history.removeAll() // each input starts from the same state
    if let statements = try? Lexer.statements(line) {
        var scratchBench: Workbench?
        for s in statements {
            let name = s.name.text.hasSuffix("!") ? String(s.name.text.dropLast()) : s.name.text
            if s.redirect == nil && readOnlyCommands.contains(name) {
                fuzzBench.execute(s.source)
            } else if fileCommands.contains(name) || (s.redirect != nil && readOnlyCommands.contains(name)),
                      !s.source.contains("/"), !s.source.contains("~"), !s.source.contains("..") {
                if scratchBench == nil {
                    let wb = Workbench(options: .init(out: { _ in }, err: { _ in }, sessionsDirectory: scratchFolder))
                    wb.workspace.add([DocumentRecord(document: .init(id: "seed", text: seedText), title: "Seed", path: "seed", loadedAt: 0)])
                    scratchBench = wb
                }
                scratchBench?.execute(s.source)
            }
        }
        if scratchBench != nil { emptyScratchFolder() }
    }
    let count = line.count
    for cursor in [0, count / 2, count] { _ = fuzzBench.completions(line: line, cursor: cursor) }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzCommands(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#else
/// Without FUZZING: replays the files named on the command line.
@main
struct Replay {
    static func main() {
        let n = replayInputs(Array(CommandLine.arguments.dropFirst())) { fuzzCommands($0) }
        print("replayed \(n) inputs, no crash")
    }
}
#endif
