import ArgumentParser

/// `readout-bench`: the corpus benchmark (the default, `readout-bench DIR`) and the session
/// save/open benchmark (`readout-bench session DIR`).
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readout-bench",
        abstract: "Benchmarks for Readout (build with -c release).",
        subcommands: [Bench.self, SessionBench.self],
        defaultSubcommand: Bench.self)
}
