import ReadoutWorkbench

/// The flags a run was started with, as plain values: what `Launcher` needs.
struct LaunchFlags: Equatable, Sendable {
    var commands: [String] = []
    var file: String?
    var bail = false
    var format: OutputFormat?
    var noColor = false
    var session: String?
    var load: [String] = []
    var noRC = false

    /// The flags of the commonest scripted start, `[--no-rc] -c COMMAND…`, read directly: the
    /// first use of ArgumentParser (reflection over every flag) took 2–4 ms of each such run.
    /// Nil for anything else (other flags, a value that starts with `-`, `--no-rc` twice, help),
    /// which ArgumentParser reads; `LaunchFlagsTests` checks the two agree.
    static func simple(_ arguments: ArraySlice<String>) -> LaunchFlags? {
        var flags = LaunchFlags()
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let argument = arguments[i]
            if argument == "--no-rc", !flags.noRC {
                flags.noRC = true
                i += 1
            } else if argument == "-c" || argument == "--command", i + 1 < arguments.endIndex,
                      !arguments[i + 1].hasPrefix("-") {
                flags.commands.append(arguments[i + 1])
                i += 2
            } else {
                return nil
            }
        }
        return flags.commands.isEmpty ? nil : flags
    }
}
