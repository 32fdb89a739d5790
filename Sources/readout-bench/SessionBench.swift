import ArgumentParser
import Foundation
import ReadoutEngine
import ReadoutWorkbench

/// `readout-bench session DIR`: times saving and opening a session that holds every article
/// under DIR, through the same code as `save` and `open`.
struct SessionBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Time saving and opening a session holding every article under DIR (build with -c release).")

    @Argument(help: "Folder of .txt articles (searched recursively).")
    var dir: String

    @Option(help: "Repeat each timing this many times and keep the best.")
    var runs = 3

    @Option(help: "Folder for the temporary session file (default: the system temporary folder).")
    var tmp: String?

    mutating func run() throws {
        let folder = tmp ?? Paths.join(NSTemporaryDirectory(), "readout-session-bench-\(getpid())")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if tmp == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let file = Paths.join(folder, "bench.json")

        let wb = Workbench(options: .init(out: { _ in }, err: { _ in }, sessionsDirectory: folder))
        guard wb.execute("load " + Lexer.quote(dir)), !wb.workspace.documents.isEmpty else {
            throw ValidationError("nothing loaded from \(dir)")
        }
        let docs = wb.workspace.documents.count
        let words = wb.workspace.documents.values.reduce(0) { $0 + $1.words }
        print("corpus: \(docs) documents, \(words) words under \(dir); cores: \(Cores.available)")

        var bytes: [UInt8] = []
        let tEncode = try best { bytes = SessionFile.encode(wb.workspace) }
        let tSave = try best { try SessionStore.save(wb, name: file, force: true) }
        print(String(format: "%-40@ %8.1f ms", "encode (JSON bytes in memory)" as NSString, tEncode * 1000))
        print(String(format: "%-40@ %8.1f ms   (%.1f MB file, .bak kept)", "save (encode + atomic write + fsync)" as NSString,
                     tSave * 1000, Double(bytes.count) / 1e6))

        var contents: SessionFile.Contents?
        let tDecode = try best { contents = try SessionFile.decode(bytes, file: file) }
        let tOpen = try best { try SessionStore.open(wb, name: file, force: true) }
        print(String(format: "%-40@ %8.1f ms", "decode (parse + verify hashes + tokenise)" as NSString, tDecode * 1000))
        print(String(format: "%-40@ %8.1f ms", "open (read + decode + replace workspace)" as NSString, tOpen * 1000))
        guard contents?.documents.count == docs, wb.workspace.documents.count == docs else {
            throw ValidationError("round trip lost documents")
        }
        let texts = wb.workspace.documents.values.map(\.document.text)
        let tTokenise = try best { _ = ParallelMap.map(texts.indices) { Document(id: "d\($0)", text: texts[$0]) } }
        print(String(format: "%-40@ %8.1f ms   (part of decode and open; the same work as load)", "  of which tokenising" as NSString, tTokenise * 1000))
        let t0 = DispatchTime.now().uptimeNanoseconds
        let analysis = wb.workspace.analysis
        let tAnalyse = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
        print(String(format: "%-40@ %8.1f ms   (%d entities, %d quotes; derived, not stored)",
                     "analysis after open (first use)" as NSString, tAnalyse * 1000, analysis.entities.count, analysis.quotes.count))
    }

    /// Best wall time of `runs` runs.
    func best(_ body: () throws -> Void) throws -> Double {
        var bestT = Double.infinity
        for _ in 0..<max(1, runs) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            bestT = min(bestT, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return bestT
    }
}
