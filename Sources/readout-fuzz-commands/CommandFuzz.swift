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

/// Lexes, binds and (for read-only commands) runs arbitrary input; completes at every position.
func fuzzCommands(_ bytes: UnsafeRawBufferPointer) {
    let line = String(decoding: bytes, as: UTF8.self)
    fuzzBench.workspace.history.removeAll() // each input starts from the same state
    if let statements = try? Lexer.statements(line) {
        for s in statements where s.redirect == nil {
            let name = s.name.text.hasSuffix("!") ? String(s.name.text.dropLast()) : s.name.text
            if readOnlyCommands.contains(name) { fuzzBench.execute(s.source) }
        }
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
