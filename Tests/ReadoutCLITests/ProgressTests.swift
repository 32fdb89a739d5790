import Foundation
import XCTest

/// Progress on a terminal for analysis longer than half a second (issue 21, point 9). Loading
/// reads no article's words, so the analysis that the first command needs is the wait people
/// see: at a terminal a progress line shows it, and is cleared; with standard error elsewhere
/// (a script's log) nothing is drawn.
final class ProgressTests: XCTestCase {
    private var home: ScratchHome!
    private var corpus: URL!

    override func setUpWithError() throws {
        home = try ScratchHome()
        corpus = home.url.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        // enough text that even a debug build analyses it for well over half a second
        for k in 0..<150 {
            try Data(SignalTests.article(k, paragraphs: 40).utf8).write(to: corpus.appendingPathComponent("a\(k).txt"))
        }
    }

    override func tearDown() {
        home = nil
    }

    func testTheAnalysisShowsProgressAtATerminalAndClearsIt() throws {
        let terminal = try PseudoTerminal(ReadoutBinary.url(), arguments: ["--no-rc", "-c", "load '\(corpus.path)'", "-c", "stats"],
                                          environment: home.environment())
        let output = try terminal.expect("quotes", timeout: 120)
        XCTAssertTrue(output.contains("analysing "), "a progress line: \(output.suffix(300).debugDescription)")
        XCTAssertTrue(output.contains("/150 documents…"), output.suffix(300).debugDescription)
        // cleared before the result is printed
        let last = try XCTUnwrap(output.range(of: "analysing ", options: .backwards))
        XCTAssertTrue(output[last.upperBound...].contains("\r\u{1B}[K"), "the line is cleared: \(output[last.lowerBound...].prefix(200).debugDescription)")
        XCTAssertEqual(WaitStatus.exitCode(try terminal.waitForExit()), 0)
    }

    func testNoProgressWhenStandardErrorIsNoTerminal() throws {
        let result = try ReadoutBinary.run(["--no-rc", "-c", "load '\(corpus.path)'", "-c", "stats"], environment: home.environment())
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("analysing"), result.stderr)
        XCTAssertFalse(result.stderr.contains("\u{1B}"), result.stderr)
    }
}
