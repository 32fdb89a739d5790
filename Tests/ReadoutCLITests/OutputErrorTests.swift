import Foundation
import XCTest

/// Standard output that cannot be written (a full disk, a closed descriptor): one error on
/// standard error and exit status 1, never a silent success.
final class OutputErrorTests: XCTestCase {
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    /// Runs `executable arguments` with standard output going to `stdout`; returns status and stderr.
    private func run(_ executable: String, _ arguments: [String], stdout: FileHandle) throws -> (status: Int32, stderr: String) {
        let errURL = home.url.appendingPathComponent("stderr-\(UUID().uuidString)")
        try Data().write(to: errURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.environment = home.environment()
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = stdout
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    func testAFullDiskIsAnError() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        defer { try? full.close() }
        let exe = try ReadoutBinary.url().path
        for args in [["--no-rc", "-c", "help"], ["--no-rc", "-c", "help", "-c", "help", "-c", "set format=json", "-c", "help"]] {
            let r = try run(exe, args, stdout: full)
            XCTAssertEqual(r.status, 1, "\(args): \(r.stderr)")
            XCTAssertEqual(r.stderr, "error: cannot write to standard output: No space left on device - check the disk or file it goes to\n", "\(args)")
        }
        // --help and --version print through C's buffered stdout
        for flag in ["--help", "--version"] {
            let r = try run(exe, [flag], stdout: full)
            XCTAssertEqual(r.status, 1, "\(flag): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasPrefix("error: cannot write to standard output: No space left on device"), "\(flag): \(r.stderr)")
        }
        // a run that prints nothing has nothing to fail
        let quiet = try run(exe, ["--no-rc", "-c", "set format=csv"], stdout: full)
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
    }

    func testAClosedStandardOutputIsAnError() throws {
        let exe = try ReadoutBinary.url().path
        let home = self.home.url.path
        // the shell closes descriptor 1, then becomes readout; files readout opens must not take its place
        let r = try run("/bin/sh", ["-c", "exec >&-; exec \"$0\" \"$@\"", exe, "--no-rc", "-c", "note hello", "-c", "notes",
                                    "-c", "save " + home + "/s.json"], stdout: FileHandle.nullDevice)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, "error: cannot write to standard output: it is closed - run readout with its output open (not >&-)\n")
        let saved = try String(contentsOfFile: home + "/s.json", encoding: .utf8)
        XCTAssertTrue(saved.hasPrefix("{"), "the session file holds the session, not stray output")
    }
}
