import XCTest
@testable import ReadoutEngine

final class EntityCountRuleTests: XCTestCase {
    func testCardinalsAreNumbersNoOtherRuleOwns() {
        XCTAssertEqual(EntityTest.mentions("Some 2,000 people and two million fans saw the 17-16 win, worth $5m, in 2004."),
                       ["2,000 [CARDINAL]", "two million [CARDINAL]", "17-16 [CARDINAL]", "$5m [MONEY]", "2004 [DATE]"])
        XCTAssertEqual(EntityTest.mentions("Three people died. No one knew, and one of them left."),
                       ["Three [CARDINAL]", "one [CARDINAL]"])
        XCTAssertEqual(EntityTest.mentions("The caf&#233; opened."), [])
    }

    func testOrdinals() {
        XCTAssertEqual(EntityTest.mentions("It was his third title and the 21st overall, the first since 2001."),
                       ["third [ORDINAL]", "21st [ORDINAL]", "first [ORDINAL]", "2001 [DATE]"])
        // a title, not an ordinal
        XCTAssertEqual(EntityTest.mentions("First Minister Jack McConnell spoke."), ["Jack McConnell [PERSON]"])
    }

    func testTimes() {
        XCTAssertEqual(EntityTest.mentions("The show starts at 10:30, or 3pm, or 2200 GMT, this morning and tonight."),
                       ["10:30 [TIME]", "3pm [TIME]", "2200 GMT [TIME]", "this morning [TIME]", "tonight [TIME]"])
        XCTAssertEqual(EntityTest.mentions("He scored after 28 minutes and left two hours later on Friday night."),
                       ["28 minutes [TIME]", "two hours later [TIME]", "Friday night [TIME]"])
    }

    /// One definition of what is a value, not a name (issue 22: it was written five times, and
    /// two of them left QUANTITY out).
    func testValueLabelsAreDatesTimesAmountsCountsAndOrdinals() {
        XCTAssertEqual(Set(EntityLabel.allCases.filter(\.isValue)), [.date, .time, .money, .percent, .quantity, .ordinal, .cardinal])
        XCTAssertFalse(EntityLabel.person.isValue || EntityLabel.org.isValue || EntityLabel.gpe.isValue)
    }
}
