import XCTest
@testable import ReadoutEngine

final class EntityDateRuleTests: XCTestCase {
    func testDates() {
        XCTAssertEqual(EntityTest.mentions("On Friday, 5 January 2005, and in the 1990s, last year and the coming months."),
                       ["Friday [DATE]", "5 January 2005 [DATE]", "the 1990s [DATE]", "last year [DATE]", "the coming months [DATE]"])
        XCTAssertEqual(EntityTest.mentions("a four-year term for another five years, two years ago, in 2018"),
                       ["four-year [DATE]", "another five years [DATE]", "two years ago [DATE]", "2018 [DATE]"])
    }

    func testAmbiguousMonthsNeedContext() {
        XCTAssertEqual(EntityTest.mentions("May I ask? They will march in May."), ["May [DATE]"])
    }

    func testCountsAreNotYears() {
        // a count, not a DATE (since the count rules it is a CARDINAL)
        XCTAssertEqual(EntityTest.mentions("About 2000 workers left."), ["2000 [CARDINAL]"])
    }

    func testMoneyAndPercent() {
        XCTAssertEqual(EntityTest.mentions("Profits rose 3.5% to $1.2 billion, or £10m, up five per cent and 900 rupees."),
                       ["3.5% [PERCENT]", "$1.2 billion [MONEY]", "£10m [MONEY]", "five per cent [PERCENT]", "900 rupees [MONEY]"])
    }
}
