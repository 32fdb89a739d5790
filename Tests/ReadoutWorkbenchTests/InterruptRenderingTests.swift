import Foundation
import Synchronization
import XCTest
@testable import ReadoutWorkbench

/// Ctrl-C stops a command while its result is printed, not only while it is analysed (issue 21,
/// point 8: `entities > file` on the whole corpus ran on after Ctrl-C and wrote the whole file).
/// The interrupt is requested from the output itself, when its first piece arrives, so the test
/// needs no clock.
final class InterruptRenderingTests: XCTestCase {
    /// A folder of articles whose `mentions` table runs to some megabytes.
    private func corpus() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("readout-interrupt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for k in 0..<60 {
            let text = "Talks \(k)\n\n" + (0..<40).map { p in
                "Anna Grey\(k % 7) met Ivan Petrov\(p % 9) of Acme Holdings in Paris on Monday. Petrov\(p % 9) told the Ministry of Trade that London and Berlin agreed.\n\n"
            }.joined()
            try Data(text.utf8).write(to: dir.appendingPathComponent("a\(k).txt"))
        }
        return dir.path
    }

    override func tearDown() {
        Interrupt.reset()
    }

    func testAnInterruptWhilePrintingStopsTheOutputAndKeepsTheWorkspace() throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let chunks = Mutex<[Int]>([]), armed = Mutex(false)
        let errors = Mutex<String>("")
        for interrupt in [false, true] {
            chunks.withLock { $0 = [] }
            armed.withLock { $0 = false }
            let wb = Workbench(options: .init(format: .table, out: { _ in }, outBytes: { bytes in
                let n = chunks.withLock { $0.append(bytes.count); return $0.count }
                if n == 1 && armed.withLock({ $0 }) { Interrupt.request() }
            }, err: { e in errors.withLock { $0 += e } }))
            XCTAssertTrue(wb.execute("load " + Lexer.quote(dir)))
            XCTAssertTrue(wb.execute("stats"), errors.withLock { $0 })
            chunks.withLock { $0 = [] }
            armed.withLock { $0 = interrupt }
            let ok = wb.execute("mentions")
            armed.withLock { $0 = false }
            let sizes = chunks.withLock { $0 }
            if !interrupt {
                XCTAssertTrue(ok)
                XCTAssertGreaterThan(sizes.count, 8, "the whole table is many pieces: \(sizes.count)")
                continue
            }
            XCTAssertFalse(ok, "the interrupted command failed")
            XCTAssertLessThanOrEqual(sizes.count, 2, "at most the piece being made goes out after the interrupt: \(sizes)")
            XCTAssertTrue(errors.withLock { $0 }.contains("interrupted"), errors.withLock { $0 })
            // the workspace is as it was: the next command runs on it
            Interrupt.reset()
            XCTAssertEqual(wb.workspace.documents.count, 60)
            XCTAssertTrue(wb.workspace.isAnalysed)
            XCTAssertTrue(wb.execute("docs"))
        }
    }
}
