import ArgumentParser
import XCTest
@testable import readout

/// The direct reading of `[--no-rc] -c COMMAND…` must give exactly what ArgumentParser gives,
/// and leave every other command line to ArgumentParser.
final class LaunchFlagsTests: XCTestCase {
    private func parsed(_ arguments: [String]) -> LaunchFlags? {
        (try? Readout.parse(arguments))?.launchFlags
    }

    func testSimpleStartsAgreeWithArgumentParser() {
        let lines: [[String]] = [
            ["-c", "load seeds/"], ["--no-rc", "-c", "load seeds/", "-c", "entities"],
            ["-c", "quotes who=Psaki", "--no-rc"], ["--command", "docs"], ["-c", ""], ["-c", "help"],
            ["-c", "load 'a b'", "-c", "set format=json", "-c", "entities type=PERSON"],
            ["-c", "x", "--command", "y", "-c", "z"],
        ]
        for line in lines {
            let simple = LaunchFlags.simple(line[...])
            XCTAssertNotNil(simple, "\(line)")
            XCTAssertEqual(simple, parsed(line), "\(line)")
        }
    }

    func testEverythingElseIsLeftToArgumentParser() {
        let lines: [[String]] = [
            [], ["--no-rc"], ["script.txt"], ["-c"], ["-c", "-x"], ["-c", "--help"], ["--help"], ["-h"],
            ["--no-rc", "--no-rc", "-c", "docs"], ["-c", "docs", "--bail"], ["--format", "json", "-c", "docs"],
            ["-c", "docs", "file.txt"], ["--command=docs"], ["-cdocs"], ["--load", "seeds/", "-c", "docs"],
            ["--", "-c", "docs"], ["-c", "docs", "--no-color"],
        ]
        for line in lines { XCTAssertNil(LaunchFlags.simple(line[...]), "\(line)") }
    }

    /// A mistyped flag is named with the closest known one (`--frmat` → `--format`), not taken
    /// for the FILE with a message about `-c`; known flags, values and anything after `--` pass.
    func testAnUnknownFlagIsNamedWithTheClosestKnownOne() {
        let message = Readout.unknownFlag(["--frmat", "json", "-c", "stats"])
        XCTAssertTrue(message?.contains("'--frmat'") ?? false, message ?? "nil")
        XCTAssertTrue(message?.contains("did you mean '--format'?") ?? false, message ?? "nil")
        XCTAssertTrue(Readout.unknownFlag(["--nocolor"])?.contains("'--no-color'") ?? false)
        for line in [["--format", "json", "-c", "stats"], ["--format=csv", "--no-rc"], ["-c", "--weird"], ["--", "--x"],
                     ["--load", "--odd-folder", "--bail"], ["--command=docs"], ["--version"]] {
            XCTAssertNil(Readout.unknownFlag(line), "\(line)")
        }
    }

    /// Every long flag the help lists is one `unknownFlag` knows.
    func testTheKnownFlagsAreTheHelpsFlags() {
        let help = Readout.helpMessage(columns: 200)
        let listed = Set(help.split(whereSeparator: { " ,[]<>\n".contains($0) }).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ".:;")) }.filter { $0.hasPrefix("--") && $0.count > 2 })
        XCTAssertFalse(listed.isEmpty)
        XCTAssertEqual(listed.subtracting(Readout.longFlags), [], help)
    }
}
