import ReadoutTestSupport
import XCTest
@testable import ReadoutEngine

/// Documents built from bytes (as `load` builds them) are the documents built from Strings.
final class DocumentBytesTests: XCTestCase {
    static let texts = [
        "", " ", "\n\n", "Headline\n\nBody text. More “quoted” text, he said.",
        "Line one\rLine two\r\rLine three.", "Windows\r\nline\r\nbreaks.", "Tabs\tand\u{0B}vertical\u{0C}feeds",
        "Café “talks” in Zürich; 日本 🙂 e\u{301}", "\u{FEFF}BOM inside", "  leading and trailing  ",
        "Mr. Smith went to Washington. He said: \"Yes.\"\nNext paragraph…",
    ]

    private func assertSame(_ a: Document, _ b: Document, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.id, b.id, what, file: file, line: line)
        XCTAssertEqual(a.bytes, b.bytes, what, file: file, line: line)
        XCTAssertEqual(a.tokens, b.tokens, what, file: file, line: line)
        XCTAssertEqual(a.sentences, b.sentences, what, file: file, line: line)
        XCTAssertEqual(a.paragraphs, b.paragraphs, what, file: file, line: line)
        XCTAssertEqual(a.wordCount, b.wordCount, what, file: file, line: line)
    }

    func testADocumentFromBytesEqualsOneFromTheString() {
        var rng = SplitMix(state: 7)
        let generated = (0..<40).map { _ in PropertyTests.text(&rng, words: Int(rng.next() % 300)) }
        for text in Self.texts + generated {
            assertSame(Document(id: "d", bytes: Array(text.utf8)), Document(id: "d", text: text), text.debugDescription)
        }
    }

    func testCarriageReturnsAreKeptAsGiven() {
        // `load` turns them into line feeds; a document keeps whatever text it is given.
        let d = Document(id: "d", bytes: Array("One.\rTwo.".utf8))
        XCTAssertEqual(d.text, "One.\rTwo.")
        XCTAssertEqual(d.paragraphs.count, 2)
        XCTAssertEqual(d.wordCount, 2)
    }

    func testWordCountCountsRunsBetweenTheSixSpaceBytes() {
        func reference(_ bytes: [UInt8]) -> Int {
            var count = 0
            var inWord = false
            for c in bytes {
                let space = c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x0B || c == 0x0C
                if !space && !inWord { count += 1 }
                inWord = !space
            }
            return count
        }
        var rng = SplitMix(state: 11)
        let alphabet: [UInt8] = [0x20, 0x0A, 0x0D, 0x09, 0x0B, 0x0C, 0x08, 0x0E, 0x1F, 0x21, 0x41, 0x61, 0xC3, 0xA9, 0xFF, 0x00]
        for n in 0..<200 {
            let bytes = (0..<n).map { _ in rng.pick(alphabet) }
            XCTAssertEqual(Document.countWords(bytes), reference(bytes), "\(bytes)")
        }
        for text in Self.texts { XCTAssertEqual(Document(id: "d", text: text).wordCount, reference(Array(text.utf8))) }
    }

    func testWithIDChangesOnlyTheID() {
        let d = Document(id: "a", text: Self.texts[3])
        let e = d.withID("b")
        XCTAssertEqual(e.id, "b")
        assertSame(e, Document(id: "b", text: Self.texts[3]), "renamed")
    }
}
