import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Attribution on hand-annotated political news that the rules were not written for: the PolNeAR
/// dev split (in `../shared/corpora/polnear/dev` beside the project, as CI lays it out), scored by
/// the shared scorer (`../shared/eval/polnear.py`) on the same JSON `quotes` prints. The floors are
/// the figures the analysis has reached; they may only rise. Skipped, saying so, when the corpus,
/// the scorer or python3 is missing.
final class AttributionFloorTests: XCTestCase {
    /// Content+speaker F1 over all attributions, on direct quotations, and precision over all.
    static let floorAll = 65.5
    static let floorDirect = 85.6
    static let floorPrecision = 90.1

    func testThePolNeARDevFiguresNeverFall() throws {
        let shared = TranscriptTests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        let dev = shared.appendingPathComponent("corpora/polnear/dev")
        let scorer = shared.appendingPathComponent("eval/polnear.py")
        let fm = FileManager.default
        guard fm.fileExists(atPath: dev.appendingPathComponent("text").path), fm.fileExists(atPath: scorer.path) else {
            throw XCTSkip("the shared PolNeAR dev split or its scorer is not beside the project (\(dev.path))")
        }
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: { fm.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("no python3 to run the shared scorer")
        }
        let pred = fm.temporaryDirectory.appendingPathComponent("readout-polnear-\(getpid())")
        try fm.createDirectory(at: pred, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: pred) }
        let texts = try fm.contentsOfDirectory(atPath: dev.appendingPathComponent("text").path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThan(texts.count, 80)
        for name in texts {
            let output = OutputBuffer()
            var options = Workbench.Options(out: { output.append($0) }, err: { _ in })
            options.format = .json
            let wb = Workbench(options: options)
            XCTAssertTrue(wb.execute("load " + Lexer.quote(dev.appendingPathComponent("text/" + name).path)), name)
            output.clear()
            XCTAssertTrue(wb.execute("quotes"), name)
            let stem = String(name.dropLast(4))
            try output.text.write(to: pred.appendingPathComponent(stem + ".json"), atomically: true, encoding: .utf8)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [scorer.path, "score", dev.path, pred.path, "--json"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: [String: Any]])
        let all = try XCTUnwrap(json["all"]?["cs_f1"] as? Double)
        let direct = try XCTUnwrap(json["direct"]?["cs_f1"] as? Double)
        let precision = try XCTUnwrap(json["all"]?["cs_precision"] as? Double)
        print("PolNeAR dev: content+speaker F1 \(all) all, \(direct) direct; precision \(precision)")
        XCTAssertGreaterThanOrEqual(all, Self.floorAll)
        XCTAssertGreaterThanOrEqual(direct, Self.floorDirect)
        XCTAssertGreaterThanOrEqual(precision, Self.floorPrecision)
    }
}
