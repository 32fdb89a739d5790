import Foundation
import XCTest

/// Tab completes the values users type at the prompt (issue 21, point 11): `who=Ps` becomes
/// `who=Psaki` (an alias of Jen Psaki), `who=J` lists the speakers instead of inserting a lone
/// quote, and a name with a space is inserted quoted.
final class ValueCompletionTests: XCTestCase {
    private var home: ScratchHome!
    private let seeds = ReadoutBinary.seeds

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }


    private func start() throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(ReadoutBinary.url(), arguments: ["--no-rc", "--load", seeds], environment: home.environment())
        try terminal.expectPrompt()
        return terminal
    }

    func testAnAliasCompletesAndRuns() throws {
        let terminal = try start()
        terminal.send("quotes who=Ps\t")
        try terminal.expect("aki ")
        terminal.send("\r")
        let out = try terminal.expectPrompt()
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
        let out = try terminal.expectPrompt()
        XCTAssertFalse(out.contains("error"), out)
        XCTAssertTrue(out.contains("Joseph Biden"), out)
        terminal.send("\u{4}")
        _ = try terminal.waitForExit()
    }
}
