import Foundation
import XCTest

/// The JSON formats through the real binary, as a pipeline reads them (issue 21, points 1 and 3):
/// `--format json` prints one value per command, a failed one included; `--format jsonl` prints
/// one object per line, a table's rows each on their own.
final class JSONScriptingTests: XCTestCase {
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    private let seeds = ReadoutBinary.seeds

    private func run(_ arguments: [String]) throws -> ReadoutBinary.Result {
        try ReadoutBinary.run(["--no-rc"] + arguments, environment: home.environment())
    }

    /// Each non-empty line of `text` parsed as one JSON value (fails the test on a line that is not).
    private func values(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Any] {
        text.split(separator: "\n").compactMap { l in
            do {
                return try JSONSerialization.jsonObject(with: Data(l.utf8), options: [.fragmentsAllowed])
            } catch {
                XCTFail("not one JSON value on a line: \(l)", file: file, line: line)
                return nil
            }
        }
    }

    func testAFailedCommandPrintsItsErrorObjectInItsPlace() throws {
        let result = try run(["--format", "json", "-c", "load '\(seeds)'", "-c", "quotse", "-c", "stats"])
        XCTAssertEqual(result.status, 1, "the exit status still says something failed")
        let out = values(result.stdout)
        XCTAssertEqual(out.count, 3, "one value per command: \(result.stdout)")
        let error = try XCTUnwrap(out[1] as? [String: Any])
        XCTAssertEqual(error["ok"] as? Bool, false)
        XCTAssertEqual(error["error"] as? String, "unknown command 'quotse'")
        XCTAssertEqual(error["column"] as? Int, 1)
        XCTAssertEqual(error["hint"] as? String, "did you mean 'quotes'?")
        XCTAssertEqual((out[2] as? [String: Any])?["documents"] as? Int, 1, "the command after it still ran")
        // people still read the error on standard error
        XCTAssertTrue(result.stderr.contains("unknown command 'quotse'"), result.stderr)
    }

    func testAnErrorInAScriptFileNamesItsLineInTheObject() throws {
        let script = try home.write("bad.readout", "set format=json\nentities type=PERSN\n")
        let result = try run([script])
        XCTAssertEqual(result.status, 1)
        let error = try XCTUnwrap(values(result.stdout).last as? [String: Any])
        XCTAssertEqual(error["ok"] as? Bool, false)
        XCTAssertEqual(error["line"] as? Int, 2)
        XCTAssertEqual(error["file"] as? String, script)
        XCTAssertEqual(error["column"] as? Int, 15)
        XCTAssertTrue((error["hint"] as? String)?.contains("PERSON") ?? false, "\(error)")
    }

    func testInTableModeErrorsStayOnStandardError() throws {
        // in table mode errors stay on standard error only, as before
        let result = try run(["-c", "quotse"])
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("did you mean 'quotes'?"), result.stderr)
    }

    func testJSONLinesPutsEachRowOnItsOwnLine() throws {
        let result = try run(["--format", "jsonl", "-c", "load '\(seeds)'", "-c", "quotes", "-c", "entities type=PERSON", "-c", "nosuch"])
        XCTAssertEqual(result.status, 1)
        let out = values(result.stdout)
        let objects = out.compactMap { $0 as? [String: Any] }
        XCTAssertEqual(objects.count, out.count, "every line is an object, none an array")
        XCTAssertEqual(objects.first?["loaded"] as? Int, 1)
        let quotes = objects.filter { $0["kind"] != nil && $0["speaker"] != nil }
        XCTAssertEqual(quotes.count, 12, "the seed's twelve quotes, one per line")
        XCTAssertEqual(Set(quotes.compactMap { $0["id"] as? String }).count, 12)
        let people = objects.filter { $0["type"] as? String == "PERSON" }
        XCTAssertEqual(people.first?["name"] as? String, "Joseph Biden")
        XCTAssertEqual(objects.last?["ok"] as? Bool, false, "the failed command's object ends the stream")
        // the same rows as the JSON array, field for field
        let json = try run(["--format", "json", "-c", "load '\(seeds)'", "-c", "quotes"])
        let array = try XCTUnwrap(values(json.stdout).last as? [[String: Any]])
        XCTAssertEqual(array.map { $0["id"] as? String }, quotes.map { $0["id"] as? String })
        XCTAssertEqual(array.map { $0["speaker"] as? String }, quotes.map { $0["speaker"] as? String })
    }

    func testJSONLinesWritesNothingForNoRowsAndIsAFormatOfSet() throws {
        let result = try run(["-c", "set format=jsonl", "-c", "load '\(seeds)'", "-c", "quotes who=Putin kind=direct", "-c", "set"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let objects = values(result.stdout).compactMap { $0 as? [String: Any] }
        XCTAssertEqual(objects.count, 3, "set, load, no line for no quotes, set: \(result.stdout)")
        XCTAssertEqual(objects.last?["format"] as? String, "jsonl")
    }
}
