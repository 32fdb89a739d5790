import Foundation
import XCTest

/// Tab completes the values users type at the prompt (issue 21, point 11): `who=Ps` becomes
/// `who=Psaki` (an alias of Jen Psaki), `who=J` lists the speakers instead of inserting a lone
/// quote, and a name with a space is inserted quoted.
final class ValueCompletionTests: XCTestCase {
    private let prompt = "readout> "
    private var home: ScratchHome!
    private let seeds = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds").path

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    @discardableResult
    private func expectPrompt(_ terminal: PseudoTerminal) throws -> String {
        let output = try terminal.expect(prompt)
        try terminal.waitForLineEditor()
        return output
    }

    private func start() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(ReadoutBinary.url(), arguments: ["--no-rc", "--load", seeds], environment: home.environment())
        try expectPrompt(terminal)
        return terminal
    }

    func testAnAliasCompletesAndRuns() throws {
        let terminal = try start()
        terminal.send("quotes who=Ps\t")
        try terminal.expect("aki ")
        terminal.send("\r")
        let out = try expectPrompt(terminal)
        XCTAssertTrue(out.contains("(2 rows)"), out)
        XCTAssertFalse(out.contains("error"), out)
        terminal.send("\u{4}")
        _ = try terminal.waitForExit()
    }

    func testSeveralSpeakersAreListedByNameAndOneIsInsertedQuoted() throws {
        let terminal = try start()
        terminal.send("quotes who=J\t\t")
        let listed = try terminal.expect("Joseph Biden")
        XCTAssertTrue(listed.contains("Jen Psaki"), listed)
        XCTAssertFalse(listed.contains("who=Jen"), "the list shows values, not the key: \(listed.debugDescription)")
        XCTAssertFalse(listed.contains("who=\"J"), "no lone quote inserted: \(listed.debugDescription)")
        // the line is redrawn as typed; one more letter makes it one speaker, inserted quoted
        try terminal.expect("who=J")
        terminal.send("o\t")
        try terminal.expect("\"Joseph Biden\" ")
        terminal.send("\r")
        let out = try expectPrompt(terminal)
        XCTAssertFalse(out.contains("error"), out)
        XCTAssertTrue(out.contains("Joseph Biden"), out)
        terminal.send("\u{4}")
        _ = try terminal.waitForExit()
    }
}
