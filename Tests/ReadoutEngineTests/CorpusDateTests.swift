import XCTest
@testable import ReadoutEngine

/// Date arithmetic, parsing, resolution conventions and the date finder.
final class CorpusDateTests: XCTestCase {
    /// 2021-04-16 is a Friday.
    let anchor = CivilDate(iso: "2021-04-16")!

    func testCivilDates() {
        XCTAssertEqual(CivilDate(iso: "1970-01-01")?.dayNumber, 0)
        XCTAssertEqual(CivilDate(iso: "1970-01-01")?.weekday, 3) // Thursday
        XCTAssertEqual(anchor.weekday, 4) // Friday
        XCTAssertEqual(CivilDate(dayNumber: anchor.dayNumber).iso, "2021-04-16")
        XCTAssertEqual(CivilDate(iso: "2024-02-28")!.adding(days: 1).iso, "2024-02-29")
        XCTAssertEqual(CivilDate(iso: "2021-12-31")!.adding(days: 1).iso, "2022-01-01")
        XCTAssertEqual(CivilDate(iso: "1969-12-31")?.dayNumber, -1)
        XCTAssertNil(CivilDate(iso: "2021-02-29"))
        XCTAssertNil(CivilDate(iso: "2021-4-16"))
    }

    func resolve(_ words: String) -> String? {
        DateExpression.parse(words.split(separator: " ").map(String.init))?.resolve(anchor: anchor)?.text
    }

    func testWeekdaysAreOnOrBeforeTheArticleDate() {
        XCTAssertEqual(resolve("on Friday"), "2021-04-16")      // same day counts
        XCTAssertEqual(resolve("Tuesday"), "2021-04-13")
        XCTAssertEqual(resolve("on Saturday"), "2021-04-10")
        XCTAssertEqual(resolve("last Friday"), "2021-04-09")    // strictly before
        XCTAssertEqual(resolve("next Friday"), "2021-04-23")    // strictly after
        XCTAssertEqual(resolve("next Monday"), "2021-04-19")
    }

    func testMonthsYearsAndRelativeDates() {
        XCTAssertEqual(resolve("in January"), "2021-01")
        XCTAssertEqual(resolve("in April"), "2021-04")
        XCTAssertEqual(resolve("in May"), "2020-05")             // not after the article's month
        XCTAssertEqual(resolve("next May"), "2021-05")
        XCTAssertEqual(resolve("last April"), "2020-04")
        XCTAssertEqual(resolve("April 9"), "2021-04-09")
        XCTAssertEqual(resolve("9 April 2019"), "2019-04-09")
        XCTAssertEqual(resolve("14th of April 2021"), "2021-04-14")
        XCTAssertEqual(resolve("January 2005"), "2005-01")
        XCTAssertEqual(resolve("in 2018"), "2018")
        XCTAssertEqual(resolve("the 1990s"), "1990s")
        XCTAssertEqual(resolve("yesterday"), "2021-04-15")
        XCTAssertEqual(resolve("last week"), "week of 2021-04-05")
        XCTAssertEqual(resolve("this year"), "2021")
        XCTAssertEqual(resolve("next month"), "2021-05")
        XCTAssertEqual(resolve("three years ago"), "2018")
        XCTAssertEqual(resolve("2021-04-13"), "2021-04-13")
    }

    func testPeriodsAndMissingAnchorsStayUnresolved() {
        XCTAssertNil(DateExpression.parse(["another", "five", "years"]))
        XCTAssertNil(DateExpression.parse(["the", "coming", "months"]))
        XCTAssertNil(DateExpression.parse(["four-year"]))
        XCTAssertNil(DateExpression.parse(["Friday"])!.resolve(anchor: nil))
        XCTAssertEqual(DateExpression.parse(["2018"])!.resolve(anchor: nil)?.text, "2018")
        XCTAssertEqual(DateExpression.parse(["April", "9", ",", "2021"])!.resolve(anchor: nil)?.text, "2021-04-09")
    }

    func testFinder() {
        let d = Document(id: "x", text: "Talks began last Friday and resume on 3 May. May we talk? In March 2019 and since 2001 sales fell; 2000 people came. The deal was struck yesterday, two years ago.")
        let found = DateFinder.find(in: d).map(\.text)
        XCTAssertEqual(found, ["last Friday", "3 May", "March 2019", "2001", "yesterday", "two years ago"])
        // the entity layer marked `Friday` (bytes 17..<23) and `sales` (not a date it parsed): both kept
        let merged = DateFinder.merge(DateFinder.find(in: d), entityRanges: [TextRange(17, 23), TextRange(87, 92)], in: d)
        XCTAssertEqual(merged.count, 7)
        XCTAssertEqual(merged.first { $0.text == "sales" }?.expression, nil)
        XCTAssertEqual(merged.first { $0.text == "sales" }?.byFinder, false)
        XCTAssertEqual(merged.first?.text, "last Friday")
        XCTAssertTrue(merged.first!.byEntities && merged.first!.byFinder)
    }
}
