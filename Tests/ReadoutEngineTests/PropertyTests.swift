import ReadoutTestSupport
import XCTest
@testable import ReadoutEngine

/// Properties over generated news-like and hostile texts: spans stay inside their document on
/// scalar boundaries, and analysis is deterministic whether it runs on one core or many.
final class PropertyTests: XCTestCase {
    static let pieces = [
        "President", "Joseph", "Biden", "said", "told", "reporters", "“", "”", "\"", "'", "’s", "‘", "—", "–", "...", "…",
        "U.S.", "Mr.", "Dr", "Jan.", "George W. Bush", ".", ",", ";", ":", "?", "!", "\n", "\n\n", "the Kremlin", "White House",
        "according to", "Reuters", "3.5%", "£1,400", "on Friday", "in 2005", "é", "日本", "🙂", "\u{0}", "\t", "\u{FEFF}",
        "(", ")", "Ukraine’s", "O'Brien", "don't", "Crimea", "Psaki", "he", "she", "they", "said:", "added", "warned",
        "\u{301}", "A", "Ltd", "Inc.", "Labour Party", "the New START Treaty", "Act", "of", "and", "that", "it",
    ]

    static func text(_ rng: inout SplitMix, words: Int) -> String {
        var s = ""
        for _ in 0..<words {
            let p = rng.pick(pieces)
            s += (rng.next() % 4 == 0 ? "" : " ") + p
        }
        return s
    }

    private func assertSpansValid(_ d: Document, _ r: TextRange, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(r.start >= 0 && r.start <= r.end && r.end <= d.bytes.count, "\(what) \(r) outside the text", file: file, line: line)
        if r.start < d.bytes.count { XCTAssertNotEqual(d.bytes[r.start] & 0xC0, 0x80, "\(what) starts mid-scalar", file: file, line: line) }
        if r.end < d.bytes.count { XCTAssertNotEqual(d.bytes[r.end] & 0xC0, 0x80, "\(what) ends mid-scalar", file: file, line: line) }
    }

    func testEverySpanLiesWithinItsDocumentOnScalarBoundaries() {
        var rng = SplitMix(state: 42)
        for i in 0..<300 {
            let d = Document(id: "g\(i)", text: Self.text(&rng, words: Int(rng.next() % 200)))
            for t in d.tokens { assertSpansValid(d, t.range, "token") }
            for s in d.sentences { assertSpansValid(d, s.range, "sentence") }
            for p in d.paragraphs { assertSpansValid(d, p.range, "paragraph") }
            let a = Analyzer().analyze([d])
            for m in a.documents[0].mentions { assertSpansValid(d, m.range, "mention") }
            for q in a.quotes {
                assertSpansValid(d, q.content, "quote content")
                assertSpansValid(d, q.span, "quote span")
                if let r = q.speakerRange { assertSpansValid(d, r, "speaker") }
                if let r = q.cueRange { assertSpansValid(d, r, "cue") }
            }
        }
    }

    private func fingerprint(_ a: CorpusAnalysis) -> [String] {
        var out: [String] = []
        for (i, d) in a.documents.enumerated() {
            out += d.mentions.enumerated().map { "\(i) \($0.element.range) \($0.element.label) \(d.mentionEntity[$0.offset])" }
        }
        out += a.entities.map { "\($0.id) \($0.name) \($0.label) \($0.role ?? "") \($0.aliases) \($0.mentions.count) \($0.evidence)" }
        out += a.quotes.map { "\($0.doc) \($0.id) \($0.kind) \($0.content) \($0.speaker ?? "") \($0.source ?? "") \($0.reportedBy ?? "")" }
        out += a.documents.indices.map { "\(a.quoteEvidence(doc: $0))" }
        out += a.aliasIndex.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        return out
    }

    func testAnalysisIsDeterministicAndTheSameOnOneCoreOrMany() {
        var rng = SplitMix(state: 7)
        let docs = (0..<24).map { Document(id: "d\($0)", text: Self.text(&rng, words: 300)) }
        let many = Analyzer().analyze(docs)
        let again = Analyzer().analyze(docs)
        XCTAssertEqual(fingerprint(many), fingerprint(again))
        let one = Analyzer(parallel: false).analyze(docs)
        XCTAssertEqual(fingerprint(many), fingerprint(one))
        XCTAssertFalse(many.entities.isEmpty)
        XCTAssertFalse(many.quotes.isEmpty)
        XCTAssertFalse(many.aliasIndex.isEmpty)
    }
}
