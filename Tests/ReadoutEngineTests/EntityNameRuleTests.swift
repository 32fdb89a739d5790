import XCTest
@testable import ReadoutEngine

final class EntityNameRuleTests: XCTestCase {
    func testSentenceInitialOrdinaryWordsAreNotEntities() {
        XCTAssertEqual(EntityTest.mentions("Formal talks began. At the same time, Former officials left."), [])
    }

    func testOrganisationSuffixesAndHeads() {
        XCTAssertEqual(EntityTest.mentions("The Scottish Green Party and the Ministry of Defence met Acme Widgets Inc."),
                       ["Scottish Green Party [ORG]", "Ministry of Defence [ORG]", "Acme Widgets Inc. [ORG]"])
    }

    func testLawsEventsFacilitiesAndLocations() {
        XCTAssertEqual(EntityTest.mentions("Under the New START Treaty and the Clean Air Act, the Treaty of Rome applies."),
                       ["New START Treaty [LAW]", "Clean Air Act [LAW]", "Treaty of Rome [LAW]"])
        XCTAssertEqual(EntityTest.mentions("Fans at Wembley Stadium watched the World Cup near the Thames River."),
                       ["Wembley Stadium [FAC]", "World Cup [EVENT]", "Thames River [LOC]"])
    }

    func testPlaceFollowedBySuffixIsOneName() {
        XCTAssertEqual(EntityTest.mentions("He joined Leeds United after the US Open."),
                       ["Leeds United [ORG]", "US Open [EVENT]"])
    }

    func testAcronymsAndNonNames() {
        XCTAssertEqual(EntityTest.mentions("Staff at ACME watched TV and used a PC."), ["ACME [ORG]"])
    }

    func testPeopleByGivenNameAndInitials() {
        XCTAssertEqual(EntityTest.mentions("Critics praised George W. Bush and Gordon Brown."),
                       ["George W. Bush [PERSON]", "Gordon Brown [PERSON]"])
    }

    func testLoneUnknownWordNeedsEvidence() {
        XCTAssertEqual(EntityTest.mentions("He visited Zorblat yesterday."), ["yesterday [DATE]"])
        XCTAssertEqual(EntityTest.mentions("Then Zorblat said no."), ["Zorblat [PERSON]"])
    }
}
