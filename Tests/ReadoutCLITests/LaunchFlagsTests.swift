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
}
