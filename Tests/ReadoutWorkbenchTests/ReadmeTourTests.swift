import Foundation
import XCTest
@testable import ReadoutWorkbench

/// The README's short tour runs to its end and shows real output (issue 21, point 15: its last
/// step, `save biden-putin`, failed on the example session the repository shipped in `Sessions/`).
/// The tour is the transcript `Transcripts/readme-tour.readout`; the README shows its output
/// trimmed where a line `...` says so.
final class ReadmeTourTests: XCTestCase {
    static let root = TranscriptTests.packageRoot
    static let transcript = TranscriptTests.folder.appendingPathComponent("readme-tour.readout")

    /// The lines of the block under "## A short tour" in README.md.
    static func readmeBlock() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try XCTUnwrap(lines.firstIndex(of: "## A short tour"), "README.md has no '## A short tour'")
        let open = try XCTUnwrap(lines[heading...].firstIndex(of: "```"), "no block under the tour's heading")
        let close = try XCTUnwrap(lines[(open + 1)...].firstIndex(of: "```"), "the tour's block is not closed")
        return Array(lines[(open + 1)..<close])
    }

    /// The tour's output, run now in the package root with an empty sessions folder (as in a fresh
    /// checkout), without the transcript's opening comment; sessions shown where a newcomer's go.
    static func tourOutput() throws -> [String] {
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(root.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let text = try TranscriptTests.transcript(of: transcript)
            .replacingOccurrences(of: TranscriptTests.sessionsDirectory + "/", with: "Sessions/")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return Array(lines.drop { $0.hasPrefix(Workbench.prompt + "#") })
    }

    func testTheReadmeTourIsTheTranscript() throws {
        let commands = try Self.readmeBlock().filter { $0.hasPrefix(Workbench.prompt) }.map { String($0.dropFirst(Workbench.prompt.count)) }
        let script = try String(contentsOf: Self.transcript, encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        XCTAssertEqual(commands, script, "the README's commands are the transcript's, in order")
    }

    func testTheTourRunsToItsEnd() throws {
        let output = try Self.tourOutput()
        XCTAssertFalse(output.contains { $0.hasPrefix("error:") }, output.filter { $0.hasPrefix("error:") }.joined(separator: "\n"))
        XCTAssertEqual(output.suffix(2), ["readout> save biden-putin", "saved 1 document, 1 group, 0 notes to Sessions/biden-putin.json"])
    }

    /// Each run of lines between `...` marks is the real output, in order; the first starts the
    /// output and the last ends it; a mark stands for at least one line left out.
    func testTheReadmeShowsRealOutput() throws {
        let shown = try Self.readmeBlock()
        let output = try Self.tourOutput()
        let runs = shown.split(separator: "...", omittingEmptySubsequences: false).map(Array.init)
        var next = 0
        for (i, run) in runs.enumerated() {
            XCTAssertFalse(run.isEmpty, "two '...' marks with nothing between them, or one at an end")
            let last = output.count - run.count
            let starts = i == 0 ? 0...0 : (next + 1)...max(next + 1, last)
            guard let start = starts.first(where: { $0 <= last && output[$0..<($0 + run.count)].elementsEqual(run) }) else {
                let near = run.first.map { first in output.firstIndex(of: first).map { "output line \($0 + 1)" } ?? "nowhere" } ?? ""
                XCTFail("README tour part \(i + 1) (from '\(run.first ?? "")', found at \(near)) is not the real output after line \(next)")
                return
            }
            next = start + run.count
        }
        XCTAssertEqual(next, output.count, "the README's tour shows the output to its end")
    }

    /// The cause: a session file shipped in `Sessions/` under the name the tour saves. The
    /// repository ships only its examples there, named `example-*.json`, and none the tour's
    /// `save biden-putin` would meet.
    func testTheRepositoryShipsOnlyExamplesWhereSessionsAreSaved() throws {
        guard FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(".git").path),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/git") else {
            throw XCTSkip("not a git checkout")
        }
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", Self.root.path, "ls-files", "--", "Sessions"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let listed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw XCTSkip("git cannot list the checkout's files") }
        let shipped = listed.split(separator: "\n").map(String.init)
        XCTAssertFalse(shipped.isEmpty, "the example sessions ship in the sessions folder")
        XCTAssertTrue(shipped.allSatisfy { $0.hasPrefix("Sessions/example-") && $0.hasSuffix(".json") }, "\(shipped)")
        XCTAssertFalse(shipped.contains("Sessions/biden-putin.json"), "the tour's save would meet a shipped file")
        XCTAssertEqual(SessionState().directory, "Sessions", "the sessions folder this test guards")
    }
}
