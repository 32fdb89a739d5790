import Foundation
import ReadoutEngine
import Synchronization

/// Reads article files into documents: decoding, HTML extraction, titles, ids, tokenisation.
/// Files are read and tokenised in parallel when there are many; the result does not depend on it.
public struct Loader {
    /// What a load produced. Problems name their file; other files still load.
    public struct Report {
        public var records: [DocumentRecord] = []
        public var warnings: [String] = []
        public var errors: [ReadoutError] = []
    }

    /// Files larger than this are skipped with a warning (bytes).
    public var maxBytes: Int
    /// Called with (files done, files in all) as work proceeds.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(maxBytes: Int = 50 << 20, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.maxBytes = maxBytes
        self.progress = progress
    }

    /// One file read and decoded, before it has an id.
    struct Decoded: Sendable {
        var path: String
        var text: String
        var title: String
        var encoding: SourceEncoding
        var warning: String?
        var error: ReadoutError?
    }

    /// Loads `paths`, giving documents ids unique against `existingIDs`.
    public func load(_ paths: [String], existingIDs: Set<String>, now: Int) throws(ReadoutError) -> Report {
        var report = Report()
        var expander = PathExpander()
        for p in paths { expander.add(p) }
        report.errors += expander.errors
        report.warnings += expander.warnings
        try Interrupt.check()
        let files = expander.files
        let decoded = try readAll(files)
        var kept: [Decoded] = []
        for d in decoded {
            if let e = d.error { report.errors.append(e); continue }
            if let w = d.warning { report.warnings.append(w) }
            if d.text.isEmpty { continue }
            kept.append(d)
        }
        let ids = Loader.assignIDs(kept.map(\.path), existing: existingIDs)
        let texts = kept.map(\.text)
        let docs = ParallelMap.map(texts.indices) { i in Document(id: ids[i], text: texts[i]) }
        try Interrupt.check()
        for (i, d) in kept.enumerated() {
            report.records.append(DocumentRecord(document: docs[i], title: d.title, path: d.path, loadedAt: now, encoding: d.encoding))
        }
        return report
    }

    private func readAll(_ files: [String]) throws(ReadoutError) -> [Decoded] {
        let counter = Atomic<Int>(0)
        let total = files.count
        let progress = self.progress
        let maxBytes = self.maxBytes
        let out = ParallelMap.map(files.indices) { i -> Decoded in
            if Interrupt.isRequested { return Decoded(path: files[i], text: "", title: "", encoding: .utf8, error: ReadoutError("interrupted")) }
            let d = Loader.readOne(files[i], maxBytes: maxBytes)
            let done = counter.add(1, ordering: .relaxed).newValue
            progress?(done, total)
            return d
        }
        try Interrupt.check()
        return out
    }

    /// Reads and decodes one file.
    static func readOne(_ path: String, maxBytes: Int) -> Decoded {
        func fail(_ msg: String, _ hint: String? = nil) -> Decoded {
            Decoded(path: path, text: "", title: "", encoding: .utf8, error: ReadoutError(msg, hint: hint, file: path))
        }
        guard let fh = FileHandle(forReadingAtPath: path) else {
            return fail("cannot read file", "check its permissions")
        }
        defer { try? fh.close() }
        let size = (try? fh.seekToEnd()) ?? 0
        if size > UInt64(maxBytes) {
            return Decoded(path: path, text: "", title: "", encoding: .utf8,
                           warning: "skipped '\(path)': \(size >> 20) MB is over the \(maxBytes >> 20) MB limit (set maxsize=N to raise it)")
        }
        try? fh.seek(toOffset: 0)
        guard let data = try? fh.readToEnd() else {
            return size == 0 ? Decoded(path: path, text: "", title: "", encoding: .utf8, warning: "'\(path)' is empty") : fail("cannot read file")
        }
        let bytes = [UInt8](data)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Decoded(path: path, text: "", title: "", encoding: .utf8, warning: "'\(path)' is empty")
        }
        switch TextDecoding.decode(bytes) {
        case .binary:
            return Decoded(path: path, text: "", title: "", encoding: .utf8, warning: "skipped '\(path)': binary file, not text")
        case .text(var text, let enc):
            var warning: String?
            if enc == .windows1252 { warning = "'\(path)' is not UTF-8; read as Windows-1252" }
            let ext = (path as NSString).pathExtension.lowercased()
            var title: String?
            if ext == "html" || ext == "htm" || Loader.looksLikeHTML(text) {
                let x = HTMLExtractor.extract(text)
                text = x.text
                title = x.title
                if let t = title, let first = text.split(separator: "\n", maxSplits: 1).first, first == t {
                    // keep the headline as the first paragraph, as text files have it
                }
            }
            text = Loader.normaliseNewlines(text)
            if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                return Decoded(path: path, text: "", title: "", encoding: enc, warning: "'\(path)' has no article text")
            }
            return Decoded(path: path, text: text, title: title ?? Loader.guessTitle(text), encoding: enc, warning: warning)
        }
    }

    static func looksLikeHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }

    static func normaliseNewlines(_ s: String) -> String {
        guard s.utf8.contains(0x0D) else { return s }
        return s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The first line when it reads as a headline, else the opening words.
    public static func guessTitle(_ text: String) -> String {
        // only the first non-empty line and whether another follows matter: scan bytes, not the whole text
        let u = text.utf8
        var i = u.startIndex
        while i < u.endIndex, u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x20 { i = u.index(after: i) }
        guard i < u.endIndex else { return "" }
        let lineEnd = u[i...].firstIndex(of: 0x0A) ?? u.endIndex
        let first = String(Substring(u[i..<lineEnd])).trimmingCharacters(in: .whitespaces)
        let moreLines = lineEnd < u.endIndex && u[lineEnd...].contains { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }
        let endsLikeSentence = first.hasSuffix(".") || first.hasSuffix("”") || first.hasSuffix("\"") || first.hasSuffix(",")
        if moreLines, first.count <= 150, !endsLikeSentence, first.split(separator: " ").count >= 2 { return first }
        let words = first.split(separator: " ")
        return words.count <= 10 ? first : words.prefix(10).joined(separator: " ") + "…"
    }

    /// Ids from file names: the name's stem, or `folder-stem` when stems collide; `-2`, `-3` after that.
    public static func assignIDs(_ paths: [String], existing: Set<String>) -> [String] {
        let stems = paths.map { p -> String in
            let name = PathExpander.lastComponent(p)
            let u = name.utf8
            guard u.allSatisfy({ $0 < 0x80 }) else { return slug(name.components(separatedBy: ".").first ?? "doc") }
            return slug(String(name[..<(u.firstIndex(of: 0x2E) ?? u.endIndex)]))
        }
        var stemCount: [String: Int] = [:]
        for s in stems { stemCount[s, default: 0] += 1 }
        var used = existing
        var out: [String] = []
        for (p, s) in zip(paths, stems) {
            var base = s.isEmpty ? "doc" : s
            if stemCount[s]! > 1 || used.contains(base) {
                let parent = slug(PathExpander.folderName(p))
                if !parent.isEmpty && parent != "." { base = parent + "-" + base }
            }
            var id = base
            var n = 2
            while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
            used.insert(id)
            out.append(id)
        }
        return out
    }

    static func slug(_ s: String) -> String {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return slugCharacters(s) }
        // ASCII: the same rule on bytes
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for var c in s.utf8 {
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F {
                out.append(c)
            } else if c == 0x2D || c == 0x20 || c == 0x2E {
                out.append(0x2D)
            }
        }
        let start = out.firstIndex { $0 != 0x2D } ?? out.endIndex
        let end = (out.lastIndex { $0 != 0x2D }).map { $0 + 1 } ?? start
        return String(decoding: out[start..<max(start, end)].prefix(24), as: UTF8.self)
    }

    /// `slug` on Characters, for names that are not all ASCII.
    static func slugCharacters(_ s: String) -> String {
        var out = ""
        for c in s.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber || c == "_") { out.append(c) } else if c == "-" || c == " " || c == "." { out.append("-") }
        }
        while out.hasPrefix("-") { out.removeFirst() }
        while out.hasSuffix("-") { out.removeLast() }
        return String(out.prefix(24))
    }
}

/// Order-preserving parallel map over many items (serial for few).
public enum ParallelMap {
    /// Maps `indices` with `f`, using every core when there are at least `threshold` items.
    /// Workers take the next index as they finish one, so uneven items balance out.
    public static func map<T: Sendable>(_ indices: Range<Int>, threshold: Int = 8, _ f: @Sendable (Int) -> T) -> [T] {
        let n = indices.count
        if n < threshold { return indices.map(f) }
        let workers = min(n, ProcessInfo.processInfo.activeProcessorCount)
        return [T](unsafeUninitializedCapacity: n) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let next = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let i = next.add(1, ordering: .relaxed).oldValue
                    guard i < n else { return }
                    (slots.base + i).initialize(to: f(indices.lowerBound + i))
                }
            }
            initialized = n
        }
    }
}

/// The result buffer of a parallel map: each index is written once, by one worker, and read
/// only after every worker is done.
private struct Slots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
