import Foundation
import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// The whole BBC news corpus (in `../shared/corpora/bbc/` beside the project, as CI lays it out)
/// loads and analyses with no error; the one file that is not UTF-8 is read as Windows-1252
/// with a warning naming it.
final class RealCorpusTests: XCTestCase {
    func testTheWholeBBCCorpusLoadsAndAnalysesWithNoError() throws {
        let corpus = TranscriptTests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/bbc").path
        guard FileManager.default.fileExists(atPath: corpus) else {
            throw XCTSkip("the shared BBC corpus is not beside the project (\(corpus))")
        }
        let output = OutputBuffer()
        let wb = Workbench(options: .init(out: { output.append($0) }, err: { output.append($0) }))
        XCTAssertTrue(wb.execute("load " + Lexer.quote(corpus)), output.text)
        let errors = output.text.split(separator: "\n").filter { $0.hasPrefix("error:") }
        XCTAssertEqual(errors, [])
        XCTAssertGreaterThanOrEqual(wb.workspace.documents.count, 2225)
        let warnings = output.text.split(separator: "\n").filter { $0.hasPrefix("warning:") }
        XCTAssertTrue(warnings.contains { $0.contains("sport/199.txt") && $0.contains("Windows-1252") }, output.text)

        let a = wb.workspace.analysis
        XCTAssertGreaterThan(a.entities.count, 5000)
        XCTAssertGreaterThan(a.quotes.count, 5000)
        for q in a.quotes {
            let d = a.documents[q.doc].document
            XCTAssertTrue(q.content.end <= d.bytes.count && q.span.contains(q.content), "\(q.id) in \(d.id)")
        }
        for cmd in ["entities top=5", "quotes who=\"Tony Blair\"", "sources", "stats", "kwic Brown top=3", "freq top=5"] {
            XCTAssertTrue(wb.execute(cmd), cmd)
        }
    }
}
