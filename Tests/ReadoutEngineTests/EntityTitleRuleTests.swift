import XCTest
@testable import ReadoutEngine

final class EntityTitleRuleTests: XCTestCase {
    func testTitlesAreNotPartOfTheName() {
        XCTAssertEqual(EntityTest.mentions("Prime Minister Tony Blair met Mr Smith and Prof Jane Doe."),
                       ["Tony Blair [PERSON]", "Smith [PERSON]", "Jane Doe [PERSON]"])
    }

    func testTitleAloneIsNotAPerson() {
        XCTAssertEqual(EntityTest.mentions("The President said the Prime Minister would come."), [])
    }

    func testRoleFromTitleWithQualifierAndOf() {
        let a = EntityTest.analyze("President Vladimir Putin of Russia met former US President Donald Trump.")
        XCTAssertEqual(EntityTest.entity(a, "Vladimir Putin")?.role, "President of Russia")
        XCTAssertEqual(EntityTest.entity(a, "Vladimir Putin")?.body, "Russia")
        XCTAssertEqual(EntityTest.entity(a, "Donald Trump")?.role, "former US President")
        XCTAssertEqual(EntityTest.entity(a, "Donald Trump")?.body, "United States")
    }

    /// `MP`, `MSP` and `MEP` are roles in capitals before a name, not part of it.
    func testRolesInCapitalsStandBeforeTheName() {
        let a = EntityTest.analyze("Tory MP Michael Mates said it was fine. The MSP Karen Whitefield agreed. MEP Caroline Lucas did not.")
        XCTAssertEqual(EntityTest.entity(a, "Michael Mates")?.role, "Tory MP")
        XCTAssertEqual(EntityTest.entity(a, "Karen Whitefield")?.role, "MSP")
        XCTAssertEqual(EntityTest.entity(a, "Caroline Lucas")?.role, "MEP")
        XCTAssertNil(a.entities.first { $0.name.contains("MP ") || $0.name.contains("MSP") || $0.name.contains("MEP") })
    }

    func testRoleFromRoleNounAndApposition() {
        let a = EntityTest.analyze("Labour leader Tony Blair spoke. Later Jen Psaki, the White House press secretary, said no.")
        XCTAssertEqual(EntityTest.entity(a, "Tony Blair")?.role, "Labour leader")
        XCTAssertEqual(EntityTest.entity(a, "Tony Blair")?.body, "Labour")
        XCTAssertEqual(EntityTest.entity(a, "Jen Psaki")?.role, "White House press secretary")
        XCTAssertEqual(EntityTest.entity(a, "Jen Psaki")?.body, "White House")
        XCTAssertTrue(EntityTest.entity(a, "Jen Psaki")!.evidence.contains { $0.detail.contains("apposition") })
    }

    func testRoleFromAnAppositionThatOpensWithTheRole() {
        let a = EntityTest.analyze("Anne Weyman, chief executive of the Family Planning Association, said the figures were worrying. "
            + "Ross Walker, economist in London for Royal Bank of Scotland, agreed.")
        XCTAssertEqual(EntityTest.entity(a, "Anne Weyman")?.role, "chief executive of the Family Planning Association")
        XCTAssertEqual(EntityTest.entity(a, "Anne Weyman")?.body, "Family Planning Association")
        // the organisation is the body, not the place of its office
        XCTAssertEqual(EntityTest.entity(a, "Ross Walker")?.body, "Royal Bank of Scotland")
        // a clause or another person after the comma is no role
        let b = EntityTest.analyze("It was a blow to Jonny Wilkinson, coach Andy Robinson has given youngsters a chance. "
            + "It starred Leonardo DiCaprio, director Martin Scorsese, and others.")
        XCTAssertNil(EntityTest.entity(b, "Jonny Wilkinson")?.role)
        XCTAssertNil(EntityTest.entity(b, "Leonardo DiCaprio")?.role)
    }

    func testTitleWordsAfterAGivenNameAreSurnames() {
        XCTAssertEqual(EntityTest.mentions("John Major met General Workers union officials."), ["John Major [PERSON]"])
    }
}
