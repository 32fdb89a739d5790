import Foundation
import XCTest
@testable import ReadoutWorkbench
#if canImport(Glibc)
import Glibc
#endif

/// Opening a device or a FIFO as a session (issue 18, "clearer errors"): this said "check its
/// permissions". It says what the file is and that it is not a regular file, never waits for a
/// FIFO's writer, and changes nothing.
final class SpecialSessionFileTests: XCTestCase {
    private var h: SessionHarness!

    override func setUpWithError() throws {
        h = try SessionHarness()
        h.loadSeedWithExtras()
    }

    override func tearDown() { h = nil }

    /// Runs `open NAME`, which must fail at once; a FIFO is given a writer after 5 seconds so a
    /// blocked open cannot hang the suite. Returns the error.
    private func refuse(_ name: String, fifo: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> String {
        let before = SessionHarness.fingerprint(h.wb.workspace)
        let done = DispatchSemaphore(value: 0)
        let started = Date()
        nonisolated(unsafe) let harness = h!
        nonisolated(unsafe) var err = ""
        Thread.detachNewThread {
            err = harness.fails("open " + Lexer.quote(name), file: file, lineNumber: line)
            done.signal()
        }
        if done.wait(timeout: .now() + 5) == .timedOut {
            XCTFail("'open \(name)' blocked", file: file, line: line)
            if let f = fifo {
                let w = open(f, O_WRONLY | O_NONBLOCK)
                if w >= 0 { close(w) }
            }
            done.wait()
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, file: file, line: line)
        XCTAssertEqual(SessionHarness.fingerprint(h.wb.workspace), before, "the workspace changed", file: file, line: line)
        XCTAssertNil(h.wb.session.path, file: file, line: line)
        XCTAssertEqual(err.split(separator: "\n").count, 1, "one line: \(err)", file: file, line: line)
        XCTAssertFalse(err.contains("permissions"), err, file: file, line: line)
        return err
    }

    func testADevice() {
        XCTAssertEqual(refuse("/dev/null"),
                       "error: cannot open '/dev/null' as a session: it is a character device, not a regular file - name a session file written by 'save'\n")
    }

    func testAFIFOWithNoWriter() throws {
        let fifo = h.path("pipe.json")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(refuse(fifo, fifo: fifo),
                       "error: cannot open '\(fifo)' as a session: it is a FIFO (named pipe), not a regular file - name a session file written by 'save'\n")
    }
}
