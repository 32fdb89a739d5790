import Foundation

/// Reads the engine's bundled data files (gazetteers, word lists).
///
/// Files are plain UTF-8 text, one entry per line; `#` starts a comment line.
public enum DataFiles {
    /// The text of `Data/NAME`, or nil when the file is missing.
    public static func text(_ name: String) -> String? {
        guard let dir = Bundle.module.url(forResource: "Data", withExtension: nil) else { return nil }
        return try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    /// The bytes of `Data/NAME`, or nil when the file is missing.
    public static func bytes(_ name: String) -> [UInt8]? {
        guard let dir = Bundle.module.url(forResource: "Data", withExtension: nil),
              let d = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else { return nil }
        return [UInt8](d)
    }

    /// The non-empty, non-comment lines of `Data/NAME`, split on bytes (fast at start-up).
    public static func lines(_ name: String) -> [Substring] {
        guard let t = text(name) else { return [] }
        var out: [Substring] = []
        let u = t.utf8
        var start = u.startIndex
        var i = start
        while i < u.endIndex {
            if u[i] == 0x0A {
                let line = Substring(u[start..<i])
                if !line.isEmpty, line.utf8.first != 0x23,
                   line.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) { out.append(line) }
                start = u.index(after: i)
            }
            i = u.index(after: i)
        }
        if start < u.endIndex {
            let line = Substring(u[start..<u.endIndex])
            if line.utf8.first != 0x23 { out.append(line) }
        }
        return out
    }

    /// Calls `body` with each line's fields (split on TAB) as byte slices; comment and blank lines skipped.
    public static func forEachRecord(_ bytes: [UInt8], _ body: ([ArraySlice<UInt8>]) -> Void) {
        var fields: [ArraySlice<UInt8>] = []
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var end = lineStart
            while end < n, bytes[end] != 0x0A { end += 1 }
            if end > lineStart, bytes[lineStart] != 0x23 {
                fields.removeAll(keepingCapacity: true)
                var f = lineStart
                for k in lineStart..<end where bytes[k] == 0x09 {
                    fields.append(bytes[f..<k])
                    f = k + 1
                }
                var last = end
                if last > f, bytes[last - 1] == 0x0D { last -= 1 }
                fields.append(bytes[f..<last])
                body(fields)
            }
            lineStart = end + 1
        }
    }
}
