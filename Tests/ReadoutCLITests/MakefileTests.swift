import Foundation
import XCTest

/// What `make` promises a newcomer (issue 21, point 18): `make run` builds in release, so the
/// speed the README gives is the speed they see.
final class MakefileTests: XCTestCase {
    /// The recipe of `target` (its prerequisites line and command lines) in the package's Makefile.
    private func rule(_ target: String, file: StaticString = #filePath) throws -> [String] {
        let root = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Makefile"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(target + ":") }) else { return [] }
        return [lines[start]] + lines[(start + 1)...].prefix { $0.hasPrefix("\t") }
    }

    func testMakeRunBuildsAndRunsTheReleaseBinary() throws {
        let run = try rule("run")
        XCTAssertEqual(run.first?.split(separator: ":").last?.split(separator: " ").map(String.init), ["release"], "\(run)")
        XCTAssertTrue(run.dropFirst().contains { $0.contains("-c release") && $0.contains("readout") && $0.contains("--load seeds/") }, "\(run)")
        XCTAssertTrue(try rule("release").contains { $0.contains("build -c release") }, "the release rule builds in release")
    }
}
