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

    /// The non-empty, non-comment lines of `Data/NAME`.
    public static func lines(_ name: String) -> [Substring] {
        guard let t = text(name) else { return [] }
        return t.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.allSatisfy(\.isWhitespace) }
    }
}
