import Foundation
import Synchronization
import XCTest
@testable import ReadoutEngine
@testable import ReadoutWorkbench

/// Corpus commands against hand-built analyses: quotes, speakers and aliases the real layers
/// may not produce for a given text, diffs recorded for the report, and index caching.
final class CorpusCommandTests: XCTestCase {
    let textA = "The minister said sanctions would stay. “Sanctions work,” Ms Grey said. Grey met the Kremlin."
    let textB = "Mr Ivanov said talks must continue. “Talks, talks and more talks,” Ivanov said."

    /// A workbench holding two documents and an analysis with two speakers and one entity
    /// whose alias `Grey` the recogniser missed once.
    func workbench() -> (Workbench, Captured) {
        let out = Captured()
        let wb = Workbench(options: .init(out: { s in out.text.withLock { $0 += s } }, err: { s in out.text.withLock { $0 += s } }))
        let a = Document(id: "a", text: textA), b = Document(id: "b", text: textB)
        wb.workspace.add([DocumentRecord(document: a, title: "A", path: "a.txt", loadedAt: 0),
                          DocumentRecord(document: b, title: "B", path: "b.txt", loadedAt: 0)])
        func range(_ d: Document, _ s: String) -> TextRange {
            let r = d.text.range(of: s)!
            return TextRange(d.text.utf8.distance(from: d.text.startIndex, to: r.lowerBound),
                             d.text.utf8.distance(from: d.text.startIndex, to: r.upperBound))
        }
        let greyMention = Mention(range: range(a, "Ms Grey"), label: .person, rule: "test")
        let analysis = CorpusAnalysis(
            documents: [DocumentAnalysis(document: a, mentions: [greyMention], mentionEntity: [0]), DocumentAnalysis(document: b)],
            entities: [Entity(id: 0, name: "Anna Grey", label: .person, aliases: ["Ms Grey", "Grey"], mentions: [MentionRef(doc: 0, mention: 0)])],
            quotes: [Quote(id: "q1", doc: 0, kind: .direct, content: range(a, "Sanctions work"), span: range(a, "“Sanctions work,” Ms Grey said"),
                           cue: "said", speaker: "Anna Grey", source: "Foreign Office"),
                     Quote(id: "q1", doc: 1, kind: .direct, content: range(b, "Talks, talks and more talks"),
                           span: range(b, "“Talks, talks and more talks,” Ivanov said"), cue: "said", speaker: "Ivanov")])
        var withIndex = analysis
        withIndex.aliasIndex = CorpusAnalysis.buildAliasIndex(analysis.entities)
        wb.workspace.useAnalysis(withIndex)
        return (wb, out)
    }

    func testKwicOnAnEntityMatchesItsAliasesAsWritten() {
        let (wb, out) = workbench()
        XCTAssertTrue(wb.execute("kwic Grey"))
        let text = out.text.withLock { $0 }
        // the mention `Ms Grey` and the unmarked alias `Grey` in "Grey met the Kremlin"
        XCTAssertTrue(text.contains("entity Anna Grey (PERSON)"), text)
        XCTAssertTrue(text.contains("2 matches"), text)
        XCTAssertTrue(text.contains("Ms Grey"), text)
    }

    func testKeynessOnSpeakersUsesTheirQuoteTexts() {
        let (wb, out) = workbench()
        XCTAssertTrue(wb.execute("set format=json; keyness \"Anna Grey\" Ivanov stop=off"))
        let text = out.text.withLock { $0 }
        // Grey's quotes: "Sanctions work" (2 words); Ivanov's: "Talks, talks and more talks" (5 words)
        XCTAssertTrue(text.contains("\"word\":\"talks\",\"a\":0,\"a_per_1k\":0,\"b\":3"), text)
        XCTAssertTrue(text.contains("\"word\":\"sanctions\",\"a\":1"), text)
        XCTAssertFalse(text.contains("minister"), text) // narration is not quoted
    }

    /// One format per column (issue 21, point 7): `freq`'s rate shows one decimal in every row,
    /// whole numbers too (`120.0` beside `89.8`, not `120` beside `89.800`), in tables and CSV.
    func testFreqRatesShowOneFormat() {
        let (wb, out) = workbench()
        XCTAssertTrue(wb.execute("set format=csv; freq stop=off"))
        let csv = out.text.withLock { $0 }
        let rates = csv.split(separator: "\r\n").dropFirst().compactMap { $0.split(separator: ",").dropFirst(3).first }
        XCTAssertGreaterThan(rates.count, 5, csv)
        XCTAssertTrue(rates.allSatisfy { $0.wholeMatch(of: /[0-9]+\.[0-9]/) != nil }, "\(rates)")
        // a whole rate keeps its decimal
        let rate = Column("per 10k words", key: "per_10k", decimals: 1)
        XCTAssertEqual([Value.double(120), .double(89.8), .null].map { rate.cellText($0) }, ["120.0", "89.8", ""])
        out.text.withLock { $0 = "" }
        XCTAssertTrue(wb.execute("set format=table; freq stop=off top=3"))
        let table = out.text.withLock { $0 }
        XCTAssertNil(table.firstMatch(of: /[0-9]\.[0-9]{2}/), table)
    }

    /// `diff` in CSV is one table whose `section` column says shared, only_a or only_b (issue 21,
    /// point 2: it printed two `topic,statements` blocks and no way to tell them apart).
    func testDiffInCSVIsOneTableWithASectionColumn() {
        let (wb, out) = workbench()
        XCTAssertTrue(wb.execute("set format=csv; diff \"Anna Grey\" Ivanov"))
        let lines = out.text.withLock { $0 }.split(separator: "\r\n").map(String.init)
        XCTAssertEqual(lines.first, "section,topic,Anna Grey,Ivanov", "\(lines)")
        XCTAssertEqual(lines.filter { $0.hasPrefix("section,") }.count, 1, "one header: \(lines)")
        XCTAssertEqual(lines.dropFirst(), ["only_a,Sanctions work,a:q1: Sanctions work,",
                                           "only_b,more talks,,\"b:q1: Talks, talks and more talks\""])
    }

    func testStatsCountQuotesAndSpeakers() {
        let (wb, out) = workbench()
        XCTAssertTrue(wb.execute("set format=json; stats"))
        let text = out.text.withLock { $0 }
        XCTAssertTrue(text.contains("\"quotes\":2,\"speakers\":2,\"sources\":1"), text)
    }

    func testReportShowsShareOfVoiceDiffsAndNotes() throws {
        let (wb, _) = workbench()
        var md = try wb.reportMarkdown(entityLimit: 5)
        XCTAssertTrue(md.contains("| Ivanov |  | 1 | 1 | 5 | 71% |"), md)
        XCTAssertTrue(md.contains("| Anna Grey | Foreign Office | 1 | 1 | 2 | 29% |"), md)
        XCTAssertTrue(md.contains("No diff was run in this session."), md)
        XCTAssertTrue(md.contains("No notes."), md)
        wb.diffLog.append(DiffRecord(command: "diff \"Anna Grey\" Ivanov", a: "Anna Grey", b: "Ivanov", shared: [],
                                     onlyA: ["sanctions"], onlyB: ["talks", "a | b"]))
        wb.workspace.notes.append(Note(text: "check the Grey quote", on: "q1", at: 0))
        md = try wb.reportMarkdown(entityLimit: 5)
        XCTAssertTrue(md.contains("### Anna Grey and Ivanov\n\n`diff \"Anna Grey\" Ivanov`\n\n- Both raised: nothing\n- Only Anna Grey: sanctions\n- Only Ivanov: talks, a | b\n"), md)
        XCTAssertFalse(md.contains("No diff was run"), md)
        XCTAssertTrue(md.contains("- check the Grey quote _(on q1)_"), md)
    }

    func testIndexFollowsTheDocuments() {
        let (wb, _) = workbench()
        let before = wb.workspace.corpusIndex
        XCTAssertTrue(before === wb.workspace.corpusIndex) // cached
        XCTAssertEqual(before.documents.count, 2)
        wb.workspace.remove("b")
        XCTAssertEqual(wb.workspace.corpusIndex.documents.count, 1)
        XCTAssertFalse(before === wb.workspace.corpusIndex)
    }
}

/// What a workbench printed.
final class Captured: Sendable {
    let text = Mutex("")
}
