import Foundation
import XCTest

/// Paths as people type them: one-character and non-ASCII relative names, which once crashed the
/// process inside Foundation's path methods (SIGILL, exit 132).
final class PathTests: XCTestCase {
    private var home: ScratchHome!
    private var work: String!

    override func setUpWithError() throws {
        home = try ScratchHome()
        work = try home.folder("work")
        try Data("Short headline\n\nThe minister said the talks would go on.\n".utf8)
            .write(to: URL(fileURLWithPath: work + "/a.txt"))
    }

    override func tearDown() {
        home = nil
    }

    /// Runs `readout -c COMMAND...` in the scratch working folder.
    private func run(_ commands: [String]) throws -> ReadoutBinary.Result {
        try ReadoutBinary.run(["--no-rc"] + commands.flatMap { ["-c", $0] }, environment: home.environment(), directory: work)
    }

    private func assertNoCrash(_ r: ReadoutBinary.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(r.status == 0 || r.status == 1, "exit \(r.status), stderr: \(r.stderr)", file: file, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr, file: file, line: line)
    }

    func testLoadingAMissingOneCharacterNameIsAnErrorNotACrash() throws {
        for name in ["x", "é", "+"] {
            let r = try run(["load \(name)"])
            assertNoCrash(r)
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.stderr.contains("no such file or folder '\(name)'"), "\(name): \(r.stderr)")
        }
    }

    func testAMisspeltBareNameSuggestsTheBareName() throws {
        let r = try run(["load a.tx"])
        assertNoCrash(r)
        XCTAssertTrue(r.stderr.contains("did you mean 'a.txt'?"), r.stderr)
    }

    func testRedirectAndReportToOneCharacterNames() throws {
        let r = try run(["load a.txt", "stats > y", "report r", "stats > é", "docs >> z"])
        assertNoCrash(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["y", "r", "é", "z"] {
            let text = try String(contentsOfFile: work + "/" + name, encoding: .utf8)
            XCTAssertFalse(text.isEmpty, name)
        }
        XCTAssertTrue(try String(contentsOfFile: work + "/r", encoding: .utf8).hasPrefix("# Readout brief"))
        let left = try FileManager.default.contentsOfDirectory(atPath: work).filter { $0.hasPrefix(".") }
        XCTAssertEqual(left, [], "no temporary files left behind")
    }

    func testSavingAndOpeningOneCharacterNames() throws {
        let r = try run(["set sessions=.", "load a.txt", "save s", "save ./t", "open s", "open ./t"])
        assertNoCrash(r)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work + "/s.json"), r.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work + "/t"))
        let missing = try run(["open q", "source q"])
        assertNoCrash(missing)
        XCTAssertEqual(missing.status, 1)
    }
}
