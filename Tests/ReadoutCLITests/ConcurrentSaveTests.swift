import Foundation
import XCTest

/// Two `readout` processes saving the same session at once: a save that says "saved" is in the
/// file, and a save that lost the race is refused with "changed on disk", never silently undone.
final class ConcurrentSaveTests: XCTestCase {
    private var home: ScratchHome!
    private var work: String!

    override func setUpWithError() throws {
        home = try ScratchHome()
        work = try home.folder("work")
    }

    override func tearDown() {
        home = nil
    }

    /// Starts `readout --no-rc SCRIPT` in the working folder, its output going to files.
    private func start(script: String, tag: String) throws -> (Process, out: String, err: String) {
        let out = work + "/\(tag).out", err = work + "/\(tag).err"
        for f in [out, err] { _ = FileManager.default.createFile(atPath: f, contents: nil) }
        let p = Process()
        p.executableURL = try ReadoutBinary.url()
        p.arguments = ["--no-rc", script]
        p.environment = home.environment()
        p.currentDirectoryURL = URL(fileURLWithPath: work)
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        try p.run()
        return (p, out, err)
    }

    func testRacingSavesNeverLoseASavedNote() throws {
        let setup = try ReadoutBinary.run(["--no-rc", "-c", "note start", "-c", "save ./s.json"],
                                          environment: home.environment(), directory: work)
        XCTAssertEqual(setup.status, 0, setup.stderr)

        // Each round: reopen (discarding a refused note), add a note, save. Line 3k+3 is round k's save.
        let rounds = 50
        var scripts: [String: String] = [:]
        for tag in ["A", "B"] {
            var lines: [String] = []
            for k in 0..<rounds { lines += ["open! ./s.json", "note \"\(tag)\(k)\"", "save"] }
            let path = work + "/\(tag).readout"
            try lines.joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            scripts[tag] = path
        }
        let runs = try ["A", "B"].map { tag in (tag, try start(script: scripts[tag]!, tag: tag)) }
        var saved: [String] = []
        var refused = 0
        for (tag, run) in runs {
            run.0.waitUntilExit()
            let out = try String(contentsOfFile: run.out, encoding: .utf8)
            let err = try String(contentsOfFile: run.err, encoding: .utf8)
            // errors say SCRIPT:LINE; every one must be the save's refusal
            var failedRounds: Set<Int> = []
            for line in err.split(separator: "\n") {
                XCTAssertTrue(line.contains("changed on disk since this session opened or saved it"), "\(tag): \(line)")
                let rest = line.components(separatedBy: scripts[tag]! + ":").dropFirst().first ?? ""
                guard let n = Int(rest.prefix { $0.isNumber }), n % 3 == 0 else { XCTFail("\(tag): not a save line: \(line)"); continue }
                failedRounds.insert(n / 3 - 1)
            }
            let savedCount = out.components(separatedBy: "saved ").count - 1
            XCTAssertEqual(savedCount + failedRounds.count, rounds, "\(tag): every save says saved or is refused\n\(out)\n\(err)")
            refused += failedRounds.count
            saved += (0..<rounds).filter { !failedRounds.contains($0) }.map { "\(tag)\($0)" }
        }
        let json = try String(contentsOfFile: work + "/s.json", encoding: .utf8)
        let lost = saved.filter { !json.contains("\"\($0)\"") }
        XCTAssertEqual(lost, [], "notes whose save said 'saved' but are not in the file (\(saved.count) saved, \(refused) refused)")
        XCTAssertTrue(json.contains("\"start\""))
        XCTAssertEqual(saved.count + refused, 2 * rounds)
    }
}
