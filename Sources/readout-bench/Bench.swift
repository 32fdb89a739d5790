import ArgumentParser
import Foundation
import ReadoutEngine
import ReadoutWorkbench
#if canImport(Glibc)
import Glibc
#endif

/// Times Readout on a folder of articles, stage by stage and end to end, and compares
/// it with the reference pipeline (spaCy small model + textacy) on the same files in the same run.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Benchmark Readout against the reference pipeline (build with -c release).")

    @Argument(help: "Folder of .txt articles (searched recursively, sorted by path).")
    var dir: String

    @Option(help: "Articles for the end-to-end comparison with the reference (the first N).")
    var limit = 200

    @Flag(help: "Also run the reference pipeline on the same first N articles and print the ratio.")
    var reference = false

    @Option(help: "The reference runner script.")
    var referenceScript = "../shared/anchors/run_reference.sh"

    @Option(help: "The readout executable for end-to-end runs (default: next to this one).")
    var readout: String?

    @Option(help: "Repeat each timing this many times and keep the best.")
    var runs = 3

    @Option(help: "Also analyse the corpus repeated this many times with renamed entities (scaling check).")
    var scale = 10

    @Option(help: "Sizes in MB of the single-document series (the corpus's articles concatenated into one document), comma-separated; empty to skip.")
    var singleDocument = "1,4,16,64"

    @Option(help: "Also write the figures as JSON here.")
    var json: String?

    mutating func run() throws {
        if let problem = DataFiles.missingFolderProblem { throw ValidationError(problem.message + " - " + problem.hint) }
        let files = Self.articleFiles(dir)
        guard !files.isEmpty else { throw ValidationError("no .txt files under \(dir)") }
        var figures: [(String, Value)] = []
        func report(_ name: String, words: Int, seconds: Double, extra: String = "") {
            let wps = Double(words) / max(seconds, 1e-9)
            print(name.padding(toLength: 40, withPad: " ", startingAt: 0)
                  + String(format: "%9.3f s  %12.0f words/s  ", seconds, wps) + extra)
            figures.append((name, .obj(["seconds": .double(seconds), "words": .int(words), "words_per_sec": .double(wps.rounded())])))
        }
        print("corpus: \(files.count) files under \(dir); cores: \(Cores.available)")

        // 1. In-process stages over the whole corpus.
        var loaded: [DocumentRecord] = []
        let tLoad = try best(runs) {
            loaded = try Loader().load(files, existingIDs: [], now: 0).records
        }
        let words = loaded.reduce(0) { $0 + $1.words }
        let bytes = loaded.reduce(0) { $0 + $1.document.bytes.count }
        report("load+decode", words: words, seconds: tLoad)
        let docs = loaded.map(\.document)
        // loaded documents are tokenised when needed: the analysis tokenises each one as it goes,
        // so this stage is timed alone and is part of the next one's time too
        let tTokenise = try best(runs) { _ = ParallelMap.map(docs.indices) { docs[$0].tokenized().tokens.count } }
        report("tokenise+split (within the next)", words: words, seconds: tTokenise)
        var analysis = CorpusAnalysis()
        let tAnalyse = try best(runs) { analysis = Analyzer().analyze(docs) }
        report("tokenise+entities+quotes (all stages)", words: words, seconds: tAnalyse,
               extra: "\(analysis.entities.count) entities, \(analysis.quotes.count) quotes")
        report("total in-process", words: words, seconds: tLoad + tAnalyse)
        let tOneCore = try best(1) { _ = Analyzer(parallel: false).analyze(docs) }
        report("tokenise+entities+quotes on one core", words: words, seconds: tOneCore,
               extra: String(format: "parallel speed-up %.2f×", tOneCore / tAnalyse))

        // Scaling: the corpus repeated `scale` times with renamed entities. The two sizes are timed
        // alternately, twice each, and compared best against best: the same statistic for both,
        // taken at the same moments of a machine whose speed drifts (the 1× figure above is a best
        // of `runs`, which against a single large run overstated the ratio).
        if scale > 1 {
            let big = Self.renamedCopies(analysis, scale)
            var tSmall = Double.infinity, tBig = Double.infinity
            for _ in 0..<2 {
                tSmall = min(tSmall, try best(1) { _ = Analyzer().analyze(docs) })
                tBig = min(tBig, try best(1) { _ = Analyzer().analyze(big) })
            }
            report("tokenise+entities+quotes, \(scale)× (renamed)", words: words * scale, seconds: tBig,
                   extra: String(format: "%.1f× the time of 1× (%.3f s, timed alternately with it)", tBig / tSmall, tSmall))
        }
        // One long document: the articles concatenated (again from the first when the corpus runs
        // out) into one document of N MB, against the same articles as separate documents. The
        // two are timed alternately, best of two each below 64 MB and once at 64 MB and above.
        for mb in singleDocument.split(separator: ",").compactMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) where mb > 0 {
            let (one, many) = Self.concatenated(docs, bytes: mb << 20)
            var tOne = Double.infinity, tMany = Double.infinity
            for _ in 0..<(mb >= 64 ? 1 : 2) {
                tOne = min(tOne, try best(1) { _ = Analyzer().analyze([one]) })
                tMany = min(tMany, try best(1) { _ = Analyzer().analyze(many) })
            }
            report("one document of \(mb) MB", words: one.wordCount, seconds: tOne,
                   extra: String(format: "%.2f× the time of the same bytes as %d documents (%.3f s)", tOne / tMany, many.count, tMany))
        }
        let rss = Self.peakRSS()
        print(String(format: "peak resident set of this benchmark: %.1f MB (%.1f× the corpus's %.1f MB)", Double(rss) / 1e6, Double(rss) / Double(bytes), Double(bytes) / 1e6))
        figures.append(("peak_rss_bytes", .int(rss)))
        figures.append(("corpus_bytes", .int(bytes)))

        // 2. Interactive commands on the loaded corpus.
        let wb = Workbench(options: .init(out: { _ in }, err: { _ in }))
        wb.execute("load " + Lexer.quote(dir))
        _ = wb.workspace.analysis
        for cmd in ["entities", "quotes who=\"Tony Blair\"", "kwic Brown", "freq top=20", "collocates economy"] {
            guard Registry.spec(String(cmd.split(separator: " ")[0])) != nil else { continue }
            var ok = true
            let t = try best(runs) { ok = wb.execute(cmd) }
            print(("command: " + cmd).padding(toLength: 40, withPad: " ", startingAt: 0)
                  + String(format: "%9.1f ms", t * 1000) + (ok ? "" : "  (failed)"))
            figures.append(("command " + cmd, .double(t * 1000)))
        }

        // 3. End to end through the real command path, process start included, on the first N.
        let subset = Array(files.prefix(limit))
        let subsetWords = subset.reduce(0) { n, f in n + Self.wordCount(f) }
        let subsetDir = try Self.linkFarm(subset)
        defer { try? FileManager.default.removeItem(atPath: subsetDir) }
        let exe = readout ?? Paths.join(Paths.folder(of: CommandLine.arguments[0]), "readout")
        // each run is a fraction of a second and a shared machine is noisy: keep the best of ten at least
        let tE2E = try best(max(runs, 10)) {
            try Self.runQuiet(exe, ["--no-rc", "-c", "load " + Lexer.quote(subsetDir), "-c", "entities", "-c", "quotes"])
        }
        report("end to end, first \(subset.count) (readout)", words: subsetWords, seconds: tE2E)
        let tE2EAll = try best(1) {
            try Self.runQuiet(exe, ["--no-rc", "-c", "load " + Lexer.quote(dir), "-c", "entities", "-c", "quotes"])
        }
        report("end to end, whole corpus (readout)", words: words, seconds: tE2EAll)
        // The child's own peak: getrusage(RUSAGE_CHILDREN) would count the pages of this process
        // that a forked child holds before exec, so ask /usr/bin/time when it is there.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/time") {
            let kb = try Self.peakKB(exe, ["--no-rc", "-c", "load " + Lexer.quote(dir), "-c", "entities", "-c", "quotes"])
            print(String(format: "peak resident set of readout on the whole corpus: %.1f MB (%.1f× the corpus's bytes)",
                         Double(kb) / 1024, Double(kb * 1024) / Double(bytes)))
            figures.append(("readout_peak_rss_bytes", .int(kb * 1024)))
        }

        // 4. The reference on the same first N, in this run.
        if reference {
            let out = Paths.join(NSTemporaryDirectory(), "readout-ref-\(getpid()).json")
            print("running the reference pipeline on the same \(subset.count) articles (this takes a minute)…")
            try Self.runQuiet("/bin/bash", [referenceScript, dir, "--limit", String(limit), "--json", out], showOutput: true)
            let data = try Data(contentsOf: URL(fileURLWithPath: out))
            let obj = try JSONSerialization.jsonObject(with: data)
            let refWPS = Self.referenceWordsPerSecond(obj)
            let ours = Double(subsetWords) / tE2E
            print(String(format: "reference (spaCy full pipeline): %.0f words/s; readout end to end: %.0f words/s; ratio %.0f×", refWPS, ours, ours / refWPS))
            figures.append(("reference_words_per_sec", .double(refWPS.rounded())))
            figures.append(("ratio_vs_reference", .double((ours / refWPS * 10).rounded() / 10)))
        }
        if let j = json {
            try Data((Value.object(figures.map { Value.Field($0.0, $0.1) }).json + "\n").utf8).write(to: URL(fileURLWithPath: j))
        }
    }

    /// Best wall time of `n` runs.
    func best(_ n: Int, _ body: () throws -> Void) throws -> Double {
        var bestT = Double.infinity
        for _ in 0..<max(1, n) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try body()
            bestT = min(bestT, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }
        return bestT
    }

    /// `n` copies of the analysed documents; in copy k every name (PERSON, ORG, GPE, NORP…
    /// mention) gets a suffix, so each copy has its own entities.
    static func renamedCopies(_ analysis: CorpusAnalysis, _ n: Int) -> [Document] {
        var out: [Document] = []
        for k in 0..<n {
            let suffix = Array(String(UnicodeScalar(UInt8(0x61 + k % 26))).utf8)
            for da in analysis.documents {
                let d = da.document
                if k == 0 { out.append(d); continue }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(d.bytes.count + da.mentions.count)
                var last = 0
                for m in da.mentions where !m.label.isValue {
                    bytes += d.bytes[last..<m.range.end]
                    bytes += suffix
                    last = m.range.end
                }
                bytes += d.bytes[last...]
                // loaded the way `load` loads (tokenised in the analysis), as the 1× corpus is
                out.append(Document(id: d.id + "-\(k)", untokenized: Array(String(decoding: bytes, as: UTF8.self).utf8)))
            }
        }
        return out
    }

    /// The documents' texts joined by blank lines, from the first again when they run out, until
    /// the text holds `bytes` bytes: as one loaded document, and as the separate documents it joins.
    static func concatenated(_ docs: [Document], bytes: Int) -> (one: Document, many: [Document]) {
        var text: [UInt8] = []
        text.reserveCapacity(bytes + 64 << 10)
        var many: [Document] = []
        var k = 0
        while text.count < bytes, !docs.isEmpty {
            let d = docs[k % docs.count]
            if !text.isEmpty { text += [0x0A, 0x0A] }
            text += d.bytes
            many.append(Document(id: "part-\(k)", untokenized: d.bytes))
            k += 1
        }
        return (Document(id: "one", untokenized: text), many)
    }

    static func articleFiles(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let p = e.nextObject() as? String {
            if p.hasSuffix(".txt") { out.append(p) }
        }
        return out.sorted().map { Paths.join(dir, $0) }
    }

    static func wordCount(_ path: String) -> Int {
        guard let d = FileManager.default.contents(atPath: path) else { return 0 }
        var n = 0, inWord = false
        for c in d {
            let space = c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0B || c == 0x0C
            if !space && !inWord { n += 1 }
            inWord = !space
        }
        return n
    }

    /// A temporary folder of links to `files`, keeping their order and folders.
    static func linkFarm(_ files: [String]) throws -> String {
        let root = Paths.join(NSTemporaryDirectory(), "readout-bench-\(getpid())")
        try? FileManager.default.removeItem(atPath: root)
        for f in files {
            let d = Paths.join(root, Paths.folderName(f))
            try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
            let abs = f.hasPrefix("/") ? f : FileManager.default.currentDirectoryPath + "/" + f
            try FileManager.default.createSymbolicLink(atPath: Paths.join(d, Paths.lastComponent(f)), withDestinationPath: abs)
        }
        return root
    }

    /// Runs `exe` and waits for it. `posix_spawn` and `waitpid` directly: Foundation's `Process`
    /// notices a child's exit only on its run loop's next turn, which added tens of milliseconds
    /// to every timed run.
    static func runQuiet(_ exe: String, _ args: [String], showOutput: Bool = false) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if !showOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([exe] + args).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, exe, &actions, nil, argv, environ)
        guard rc == 0 else { throw ValidationError("cannot run \(exe): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        if showOutput && (!exited || code != 0) {
            throw ValidationError("\(exe) exited with \(exited ? code : 128 + (status & 0x7F))")
        }
    }

    static func referenceWordsPerSecond(_ obj: Any) -> Double {
        let results = ((obj as? [String: Any])?["results"] as? [[String: Any]]) ?? (obj as? [[String: Any]]) ?? []
        for r in results where (r["run"] as? String) == "a_full" {
            return (r["words_per_sec"] as? Double) ?? Double(r["words_per_sec"] as? Int ?? 0)
        }
        return .nan
    }

    /// Peak resident set (KB) of one run of `exe`, as `/usr/bin/time -f %M` reports it.
    static func peakKB(_ exe: String, _ args: [String]) throws -> Int {
        let out = Paths.join(NSTemporaryDirectory(), "readout-rss-\(getpid())")
        try runQuiet("/usr/bin/time", ["-o", out, "-f", "%M", exe] + args)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let text = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        return Int(text.split(separator: "\n").last.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
    }

    static func peakRSS() -> Int {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Int(u.ru_maxrss) * 1024
    }
}
