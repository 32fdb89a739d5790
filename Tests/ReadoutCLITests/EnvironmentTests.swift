import XCTest
@testable import readout

/// The variables the executable reads (`getenv`, a variable at a time): where history goes,
/// the table width off a terminal, and `NO_COLOR`.
final class EnvironmentTests: XCTestCase {
    func testHistoryGoesUnderXDGStateHomeElseHome() { MainActor.assumeIsolated {
        XCTAssertEqual(HistoryStore.defaultPath(environment: Environment(["XDG_STATE_HOME": "/state", "HOME": "/home/a"])),
                       "/state/readout/history")
        XCTAssertEqual(HistoryStore.defaultPath(environment: Environment(["XDG_STATE_HOME": "relative", "HOME": "/home/a"])),
                       "/home/a/.local/state/readout/history")
        XCTAssertEqual(HistoryStore.defaultPath(environment: Environment(["HOME": "/home/a"])), "/home/a/.local/state/readout/history")
    } }

    func testWidthOffATerminalComesFromCOLUMNSElseIs100() {
        func terminal(_ variables: [String: String]) -> Terminal {
            Terminal(stdinIsTerminal: false, stdoutIsTerminal: false, stderrIsTerminal: false, environment: Environment(variables))
        }
        XCTAssertEqual(terminal(["COLUMNS": "132"]).width(), 132)
        XCTAssertEqual(terminal(["COLUMNS": "5"]).width(), Terminal.widthRange.lowerBound)
        XCTAssertEqual(terminal(["COLUMNS": "wide"]).width(), Terminal.defaultWidth)
        XCTAssertEqual(terminal([:]).width(), Terminal.defaultWidth)
    }

    func testNoColorOffATerminalOrWhenAsked() {
        let tty = Terminal(stdinIsTerminal: true, stdoutIsTerminal: true, stderrIsTerminal: true, environment: Environment([:]))
        XCTAssertTrue(tty.wantsColor(disabledByFlag: false))
        XCTAssertFalse(tty.wantsColor(disabledByFlag: true))
        let noColor = Terminal(stdinIsTerminal: true, stdoutIsTerminal: true, stderrIsTerminal: true, environment: Environment(["NO_COLOR": "1"]))
        XCTAssertFalse(noColor.wantsColor(disabledByFlag: false))
    }

    func testTheProcessEnvironmentIsReadAsSet() {
        setenv("READOUT_ENVIRONMENT_TEST", "é value", 1)
        defer { unsetenv("READOUT_ENVIRONMENT_TEST") }
        XCTAssertEqual(Environment.process["READOUT_ENVIRONMENT_TEST"], "é value")
        XCTAssertNil(Environment.process["READOUT_ENVIRONMENT_TEST_UNSET"])
    }
}
