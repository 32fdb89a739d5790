import Foundation
import ReadoutWorkbench

// Minimal scripted front end; the REPL and flags replace this.
let wb = Workbench(options: .init())
var ok = true
var args = Array(CommandLine.arguments.dropFirst())
if args.first == "-c" {
    args.removeFirst()
    for a in args where !wb.execute(a) { ok = false }
} else {
    while let line = readLine(), !wb.quitRequested {
        if !wb.execute(line) { ok = false }
    }
}
exit(ok ? 0 : 1)
