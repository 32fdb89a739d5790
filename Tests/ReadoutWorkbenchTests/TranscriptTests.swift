import Foundation
import Synchronization
import XCTest
@testable import ReadoutWorkbench

/// Runs every `Transcripts/NAME.readout` command file through the workbench and compares
/// what it prints (prompt echo, output and errors, interleaved) with `Transcripts/NAME.out`.
/// Set `READOUT_UPDATE_TRANSCRIPTS=1` to rewrite the expected files after a deliberate change.
final class TranscriptTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("Tests/ReadoutWorkbenchTests/Transcripts")

    /// Where the transcripts' sessions go (relative to the package root, the working folder).
    static let sessionsDirectory = ".build/transcript-sessions"

    /// Runs one command file and returns the transcript text. Each file starts with an empty
    /// sessions folder, as in a fresh checkout, so that `save NAME` runs again and again.
    static func transcript(of file: URL) throws -> String {
        try? FileManager.default.removeItem(atPath: sessionsDirectory)
        let buffer = Mutex<String>("")
        let wb = Workbench(options: .init(format: .table, style: RenderStyle(width: 100, color: false), interactive: false,
                                          progress: false,
                                          out: { s in buffer.withLock { $0 += s } },
                                          err: { s in buffer.withLock { $0 += s } },
                                          sessionsDirectory: sessionsDirectory))
        let text = try String(contentsOf: file, encoding: .utf8)
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty && i > 0 { continue }
            buffer.withLock { $0 += Workbench.prompt + line + "\n" }
            wb.execute(String(line), file: nil, line: nil)
            if wb.quitRequested { break }
        }
        return buffer.withLock { $0 }
    }

    func testEveryTranscriptMatches() throws {
        let cwd = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(Self.packageRoot.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(cwd) }
        let files = try FileManager.default.contentsOfDirectory(at: Self.folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "readout" }.sorted { $0.path < $1.path }
        XCTAssertFalse(files.isEmpty, "no transcripts found in \(Self.folder.path)")
        let update = ProcessInfo.processInfo.environment["READOUT_UPDATE_TRANSCRIPTS"] == "1"
        for f in files {
            let got = try Self.transcript(of: f)
            let expectedURL = f.deletingPathExtension().appendingPathExtension("out")
            if update {
                try got.write(to: expectedURL, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
                XCTFail("\(f.lastPathComponent): missing \(expectedURL.lastPathComponent); run with READOUT_UPDATE_TRANSCRIPTS=1")
                continue
            }
            if got != expected {
                let g = got.split(separator: "\n", omittingEmptySubsequences: false)
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let first = zip(g, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(g.count, e.count)
                XCTFail("\(f.lastPathComponent) differs at line \(first + 1):\n  expected: \(first < e.count ? String(e[first]) : "<end>")\n  got:      \(first < g.count ? String(g[first]) : "<end>")")
            }
        }
    }
}
