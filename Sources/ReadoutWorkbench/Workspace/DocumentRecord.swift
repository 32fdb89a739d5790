import Foundation
import ReadoutEngine

/// A loaded article: the engine's document plus where it came from.
public struct DocumentRecord: Sendable {
    /// The analysed document (its `id` is the workspace id).
    public var document: Document
    /// Headline: `<title>`/`<h1>` for HTML, the first line of a text file when it reads as one.
    public var title: String
    /// The path it was loaded from, as given.
    public var path: String
    /// When it was loaded (seconds since 1970, whole seconds).
    public var loadedAt: Int
    /// FNV-1a 64-bit hash of the text, hex.
    public var hash: String
    /// The encoding it was read in.
    public var encoding: SourceEncoding
    /// Publication date (`YYYY-MM-DD`), when known (`set date=` or metadata).
    public var date: String?

    /// Its id.
    public var id: String { document.id }
    /// Whitespace-separated words.
    public var words: Int { document.wordCount }

    public init(document: Document, title: String, path: String, loadedAt: Int, hash: String? = nil,
                encoding: SourceEncoding = .utf8, date: String? = nil) {
        self.document = document
        self.title = title
        self.path = path
        self.loadedAt = loadedAt
        self.hash = hash ?? ContentHash.fnv1a64(document.bytes)
        self.encoding = encoding
        self.date = date
    }
}

/// Content hashes for session integrity checks.
public enum ContentHash {
    /// FNV-1a, 64-bit, as 16 hex digits.
    public static func fnv1a64<C: Sequence>(_ bytes: C) -> String where C.Element == UInt8 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
