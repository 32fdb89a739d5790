import Foundation
import XCTest

/// Locates and runs the built `readout` executable for black-box tests.
enum ReadoutBinary {
    /// The package's `seeds/` folder (the seed article).
    static let seeds = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path

    /// The `readout` built next to this test bundle (SwiftPM puts products side by side).
    static func url(file: StaticString = #filePath) throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("readout"))
            candidates.append(bundle.bundleURL.appendingPathComponent("readout"))
        }
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("readout"))
        }
        let packageRoot = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/readout"))
        guard let found = candidates.first(where: { fm.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the readout executable was not built next to the tests")
        }
        return found
    }

    /// What a finished run printed and how it exited.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `readout` (or `executable`) with `arguments` and `stdin`, its output going to files (so
    /// stdout and stderr are not terminals), in `environment`, in `directory` when given.
    static func run(_ arguments: [String], stdin: String = "", environment: [String: String],
                    directory: String? = nil, executable: URL? = nil) throws -> Result {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("readout-run-\(UUID().uuidString)")
        try fm.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: dir) }
        let inURL = dir.appendingPathComponent("stdin"), outURL = dir.appendingPathComponent("stdout"),
            errURL = dir.appendingPathComponent("stderr")
        try Data(stdin.utf8).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let input = try FileHandle(forReadingFrom: inURL)
        let output = try FileHandle(forWritingTo: outURL)
        let error = try FileHandle(forWritingTo: errURL)
        defer { try? input.close(); try? output.close(); try? error.close() }

        let process = Process()
        process.executableURL = try executable ?? url()
        if let d = directory { process.currentDirectoryURL = URL(fileURLWithPath: d) }
        process.arguments = arguments
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A scratch home folder, so runs never see the real `~/.readoutrc` or history.
final class ScratchHome {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("readout-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Where readout keeps history with this home.
    var historyURL: URL { url.appendingPathComponent("state/readout/history") }

    /// A minimal environment: this home, XDG state inside it, no colour settings, a UTF-8 locale,
    /// and `cat` for a pager, so that a long table at a test's prompt does not wait in `less` for
    /// a key (the pager's own tests set `PAGER`).
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var env = [
            "HOME": url.path,
            "XDG_STATE_HOME": url.appendingPathComponent("state").path,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8",
            "TERM": "xterm",
            "PAGER": "cat",
        ]
        env.merge(extra) { _, new in new }
        return env
    }

    /// A new folder `name` inside the home (a working folder for runs); returns its path.
    func folder(_ name: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` inside the home; returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}
