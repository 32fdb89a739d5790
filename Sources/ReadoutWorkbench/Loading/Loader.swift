import Foundation
import ReadoutEngine
import Synchronization

/// Reads article files into documents: decoding, HTML extraction, titles, ids (a document is
/// tokenised when first needed). Files are read in parallel when there are many; the result does
/// not depend on it.
public struct Loader {
    /// What a load produced. Problems name their file; other files still load.
    public struct Report {
        /// The documents loaded, in file order.
        public var records: [DocumentRecord] = []
        /// Files skipped or read with a caveat, one line each.
        public var warnings: [String] = []
        /// Paths and files that could not be loaded.
        public var errors: [ReadoutError] = []
    }

    /// Files larger than this are skipped with a warning (bytes).
    public var maxBytes: Int
    /// Called with (files done, files in all) as work proceeds.
    public var progress: (@Sendable (Int, Int) -> Void)?

    /// A loader skipping files over `maxBytes`, reporting to `progress`.
    public init(maxBytes: Int = 50 << 20, progress: (@Sendable (Int, Int) -> Void)? = nil) {
        self.maxBytes = maxBytes
        self.progress = progress
    }

    /// One file read and decoded, before it has its id.
    struct Loaded: Sendable {
        var path: String
        /// The document under a placeholder id; nil when the file was skipped or failed.
        var document: Document?
        var title = ""
        var encoding = SourceEncoding.utf8
        /// FNV-1a of the document's bytes, as `DocumentRecord.hash`.
        var hash = ""
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
        let loaded = try readAll(expander.files)
        var kept: [Int] = []
        for (i, d) in loaded.enumerated() {
            if let e = d.error { report.errors.append(e); continue }
            if let w = d.warning { report.warnings.append(w) }
            if d.document != nil { kept.append(i) }
        }
        let ids = Loader.assignIDs(kept.map { loaded[$0].path }, existing: existingIDs)
        try Interrupt.check()
        report.records.reserveCapacity(kept.count)
        for (k, i) in kept.enumerated() {
            let d = loaded[i]
            report.records.append(DocumentRecord(document: d.document!.withID(ids[k]), title: d.title, path: d.path,
                                                 loadedAt: now, hash: d.hash, encoding: d.encoding))
        }
        return report
    }

    /// Reads and decodes every file in one parallel pass, so each file's buffers are
    /// freed as soon as its document is made.
    private func readAll(_ files: [String]) throws(ReadoutError) -> [Loaded] {
        let counter = Atomic<Int>(0)
        let total = files.count
        let progress = self.progress
        let maxBytes = self.maxBytes
        let out = ParallelMap.map(files.indices) { i -> Loaded in
            if Interrupt.isRequested { return Loaded(path: files[i], error: ReadoutError("interrupted")) }
            let d = Loader.readOne(files[i], maxBytes: maxBytes)
            let done = counter.add(1, ordering: .relaxed).newValue
            progress?(done, total)
            return d
        }
        try Interrupt.check()
        return out
    }

    /// Reads and decodes one file.
    static func readOne(_ path: String, maxBytes: Int) -> Loaded {
        switch FileBytes.read(path, maxBytes: maxBytes) {
        case .bytes(let bytes):
            return decode(path, bytes)
        case .tooBig(let size):
            return Loaded(path: path, warning: "skipped '\(path)': \(size >> 20) MB is over the \(maxBytes >> 20) MB limit (set maxsize=N to raise it)")
        case .failed(let code):
            return Loaded(path: path, error: FileSystem.readError(path, path: path, code))
        case .notRegular(let mode):
            return Loaded(path: path, warning: "skipped '\(path)': \(FileSystem.kind(mode)), not a regular file")
        }
    }

    /// Decodes the bytes of the file at `path`.
    ///
    /// Most files are UTF-8 with no carriage returns and no HTML: their bytes become the document
    /// as read, with no String made. Anything else takes `decodeAsString`; both give the same result.
    static func decode(_ path: String, _ bytes: consuming [UInt8]) -> Loaded {
        if isBlank(bytes) { return Loaded(path: path, warning: "'\(path)' is empty") }
        let ext = Paths.fileExtension(path)
        guard ext != "html" && ext != "htm", let (start, enc) = plainUTF8(bytes) else { return decodeAsString(path, bytes) }
        if start > 0 { bytes.removeFirst(start) }
        if isBlank(bytes) { return Loaded(path: path, encoding: enc, warning: "'\(path)' has no article text") }
        return loaded(path, bytes, title: nil, encoding: enc, warning: nil)
    }

    /// Decodes the bytes of any file to a String and cleans it up as text: encodings, HTML
    /// extraction, line breaks.
    static func decodeAsString(_ path: String, _ bytes: consuming [UInt8]) -> Loaded {
        if isBlank(bytes) { return Loaded(path: path, warning: "'\(path)' is empty") }
        let marked = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
        let decoded = TextDecoding.decode(bytes)
        bytes = []
        switch decoded {
        case .binary:
            return Loaded(path: path, warning: "skipped '\(path)': binary file, not text")
        case .text(var text, let enc):
            var warning: String?
            if enc == .windows1252 { warning = "'\(path)' is not UTF-8; read as Windows-1252" }
            if (enc == .utf16LE || enc == .utf16BE) && !marked {
                warning = "'\(path)' has no byte-order mark; read as \(enc == .utf16LE ? "UTF-16LE" : "UTF-16BE") by its zero bytes"
            }
            let ext = Paths.fileExtension(path)
            var title: String?
            if ext == "html" || ext == "htm" || Loader.looksLikeHTML(text) {
                let x = HTMLExtractor.extract(text)
                text = x.text
                title = x.title
            }
            text = Loader.normaliseNewlines(text)
            if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) {
                return Loaded(path: path, encoding: enc, warning: "'\(path)' has no article text")
            }
            return loaded(path, Array(text.utf8), title: title, encoding: enc, warning: warning)
        }
    }

    /// A loaded file: its text titled and hashed (and tokenised when first needed).
    private static func loaded(_ path: String, _ text: [UInt8], title: String?, encoding: SourceEncoding, warning: String?) -> Loaded {
        Loaded(path: path, document: Document(id: "", untokenized: text), title: title ?? guessTitle(utf8: text),
               encoding: encoding, hash: ContentHash.fnv1a64(text), warning: warning)
    }

    /// Only spaces, tabs and line breaks (or nothing).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// Where the text starts and its encoding when `bytes` can be the document's text as they are:
    /// UTF-8 (after a BOM, if any) with no carriage return, not binary and not HTML by its start.
    /// nil when the file needs decoding or clean-up as a String.
    static func plainUTF8(_ bytes: [UInt8]) -> (start: Int, encoding: SourceEncoding)? {
        bytes.withUnsafeBufferPointer { b -> (Int, SourceEncoding)? in
            var start = 0
            var enc = SourceEncoding.utf8
            if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
                start = 3
                enc = .utf8BOM
            } else if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) {
                return nil
            } else if TextDecoding.looksBinary(b) {
                return nil
            }
            let text = UnsafeBufferPointer(rebasing: b[start...])
            guard TextDecoding.isValidUTF8(text), !ByteSearch.contains(text, 0x0D), !looksLikeHTML(utf8: text) else { return nil }
            return (start, enc)
        }
    }

    /// `looksLikeHTML` for valid UTF-8 bytes, with the same answer; a String is made only when the
    /// text holds a `<` and its start is not plain ASCII.
    static func looksLikeHTML(utf8 b: UnsafeBufferPointer<UInt8>) -> Bool {
        // Both markers start with `<`, and nothing else matches one.
        guard ByteSearch.contains(b, 0x3C) else { return false }
        // In ASCII without CR every character is one byte, so the first 512 characters are the
        // first 512 bytes (the 513th byte, ASCII too, cannot join the 512th character).
        let probe = UnsafeBufferPointer(rebasing: b[..<min(b.count, 513)])
        if probe.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            let head = UnsafeBufferPointer(rebasing: b[..<min(b.count, 512)])
            return ByteSearch.containsASCIICaseInsensitive(head, "<!doctype html") || ByteSearch.containsASCIICaseInsensitive(head, "<html")
        }
        return looksLikeHTML(String(decoding: b, as: UTF8.self))
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
        guessTitle(utf8: Array(text.utf8))
    }

    /// `guessTitle` for text as UTF-8 bytes.
    static func guessTitle(utf8 u: [UInt8]) -> String {
        // only the first non-empty line and whether another follows matter: scan bytes, not the whole text
        var i = 0
        while i < u.count, u[i] == 0x0A || u[i] == 0x0D || u[i] == 0x20 { i += 1 }
        guard i < u.count else { return "" }
        let lineEnd = u[i...].firstIndex(of: 0x0A) ?? u.count
        let moreLines = lineEnd < u.count && u[lineEnd...].contains { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }
        let line = u[i..<lineEnd]
        if line.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) { return asciiHeadline(line, moreLines: moreLines) }
        return headline(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces), moreLines: moreLines)
    }

    /// The title rule for the first line (trimmed): itself when it reads as a headline (another
    /// line follows, at most 150 characters, two words or more, no closing punctuation), else its
    /// first ten words.
    static func headline(_ first: String, moreLines: Bool) -> String {
        let endsLikeSentence = first.hasSuffix(".") || first.hasSuffix("”") || first.hasSuffix("\"") || first.hasSuffix(",")
        let words = first.split(separator: " ")
        if moreLines, first.count <= 150, !endsLikeSentence, words.count >= 2 { return first }
        return words.count <= 10 ? first : words.prefix(10).joined(separator: " ") + "…"
    }

    /// `headline` for an untrimmed ASCII line with no CR, on bytes: there every byte is one
    /// Character, and space and tab are the only whitespace.
    static func asciiHeadline(_ line: ArraySlice<UInt8>, moreLines: Bool) -> String {
        var lo = line.startIndex, hi = line.endIndex
        while lo < hi, line[lo] == 0x20 || line[lo] == 0x09 { lo += 1 }
        while hi > lo, line[hi - 1] == 0x20 || line[hi - 1] == 0x09 { hi -= 1 }
        let first = line[lo..<hi]
        let endsLikeSentence = first.last == 0x2E || first.last == 0x22 || first.last == 0x2C
        let words = first.split(separator: 0x20)
        if (moreLines && first.count <= 150 && !endsLikeSentence && words.count >= 2) || words.count <= 10 {
            return String(decoding: first, as: UTF8.self)
        }
        return String(decoding: Array(words.prefix(10).joined(separator: [0x20])), as: UTF8.self) + "…"
    }

    /// Ids from file names: the name's stem, or `folder-stem` when stems collide; `-2`, `-3` after that.
    public static func assignIDs(_ paths: [String], existing: Set<String>) -> [String] {
        let stems = paths.map { p -> String in
            let name = Paths.lastComponent(p)
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
                let parent = slug(Paths.folderName(p))
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
