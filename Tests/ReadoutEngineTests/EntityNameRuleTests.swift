import XCTest
@testable import ReadoutEngine

final class EntityNameRuleTests: XCTestCase {
    func testSentenceInitialOrdinaryWordsAreNotEntities() {
        XCTAssertEqual(EntityTest.mentions("Formal talks began. At the same time, Former officials left."), [])
    }

    /// In a line set in capitals (a wire headline or dateline) a word is read as written in lower
    /// case: a listed place or body is that, a common word is none (`LONDON`, `SOCCER`); a lone
    /// word in capitals in running text stays an acronym. CoNLL-2003 (PER/LOC/ORG, names
    /// projected): testa 70.70 to 72.82, train 66.23 to 68.44.
    func testWordsInCapitalsLinesAreReadAsWrittenInLowerCase() {
        let m = EntityTest.mentions("SOCCER - CELTIC WIN AGAIN.\nLONDON 1996-08-30\nVIENNA 1996-08-31\nThe BBC said NATO and the UN met.")
        XCTAssertTrue(m.contains("LONDON [GPE]") && m.contains("VIENNA [GPE]"), "\(m)")
        XCTAssertFalse(m.contains { $0.hasPrefix("SOCCER") || $0.hasPrefix("AGAIN") || $0.hasPrefix("WIN") }, "\(m)")
        XCTAssertTrue(m.contains("BBC [ORG]") && m.contains("NATO [ORG]") && m.contains("UN [ORG]"), "\(m)")
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

    func testXOfYRunsOnOverTheNamesAfterOf() {
        XCTAssertEqual(EntityTest.mentions("The Confederation of British Industry and the Association of Chief Police Officers met."),
                       ["Confederation of British Industry [ORG]", "Association of Chief Police Officers [ORG]"])
    }

    func testPlaceFollowedBySuffixIsOneName() {
        XCTAssertEqual(EntityTest.mentions("He joined Leeds United after the US Open."),
                       ["Leeds United [ORG]", "US Open [EVENT]"])
    }

    func testPronounsAreNeverPartOfANameOrASurname() {
        XCTAssertFalse(EntityTest.mentions("He joined Warner Bros. He was happy. He left.").contains { $0.hasPrefix("He ") })
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

final class EntityEvidenceRuleTests: XCTestCase {
    func testNameAfterOrdinaryPossessiveIsWhole() {
        XCTAssertEqual(EntityTest.mentions("She won at the People's Choice Awards."), ["People's Choice Awards [EVENT]"])
        // a person's possessive stays apart
        XCTAssertEqual(EntityTest.mentions("It was Gordon Brown's Labour Party."), ["Gordon Brown [PERSON]", "Labour Party [ORG]"])
    }

    func testPluralPossessiveInsideANameTypedByItsLastWord() {
        XCTAssertEqual(EntityTest.mentions("Members of the Musicians' Union met the Engineering Employers' Federation."),
                       ["Musicians' Union [ORG]", "Engineering Employers' Federation [ORG]"])
        // a possessor before a person or a title stays apart
        XCTAssertEqual(EntityTest.mentions("It starred in Orson Welles' Macbeth with Atticus' David Slager."),
                       ["Orson Welles [PERSON]", "David Slager [PERSON]"])
    }

    func testAndInsideANameTypedByItsLastWord() {
        XCTAssertEqual(EntityTest.mentions("The Securities and Exchange Commission and the Public and Commercial Services Union met."),
                       ["Securities and Exchange Commission [ORG]", "Public and Commercial Services Union [ORG]"])
        // not a pair of names, a name in capitals, or one type word after `and`
        XCTAssertEqual(EntityTest.mentions("Both UPS and Deutsche Post bid. Youth and Media Society left."),
                       ["UPS [ORG]", "Deutsche Post [ORG]", "Media Society [ORG]"])
        // the acronym merges with the name spelled out
        let a = EntityTest.analyze("The Securities and Exchange Commission acted. The SEC said so.")
        XCTAssertEqual(a.entities.map(\.name), ["Securities and Exchange Commission"])
    }

    func testSentenceInitialWordTypedElsewhereInTheDocument() {
        XCTAssertEqual(EntityTest.mentions("Apple said sales rose. Analysts at Apple were pleased."),
                       ["Apple [ORG]", "Apple [ORG]"])
        // an ordinary opener with no such evidence is still dropped
        XCTAssertEqual(EntityTest.mentions("Officials said sales rose."), [])
    }

    func testRepeatedUnknownWordIsAnOrganisation() {
        XCTAssertEqual(EntityTest.mentions("Shares in Zorblat rose. Zorblat cut costs and Zorblat hired staff."),
                       ["Zorblat [ORG]", "Zorblat [ORG]", "Zorblat [ORG]"])
        // once is not enough, and a word also written in lower case is no name
        XCTAssertEqual(EntityTest.mentions("He visited Zorblat yesterday."), ["yesterday [DATE]"])
        XCTAssertEqual(EntityTest.mentions("The Budget is near. The Budget and the budget cuts."), [])
        // repeated only inside a longer name: no evidence for the word alone
        XCTAssertEqual(EntityTest.mentions("Network Rail says no. Staff at Network Rail and Network Rail bosses met."), [])
        // a word is typed once for the whole document, speech verb or not; contractions are no names
        XCTAssertEqual(EntityTest.mentions("Zorblat said profits rose. Shares in Zorblat fell as Zorblat cut jobs."),
                       ["Zorblat [ORG]", "Zorblat [ORG]", "Zorblat [ORG]"])
        XCTAssertEqual(EntityTest.mentions("He said: \"I've won. Then I've lost, and I've gone.\""), [])
    }

    func testProductsAreNotPeople() {
        XCTAssertEqual(EntityTest.mentions("Sony showed the Cell processor and the Zorblat Quix."),
                       ["Sony [ORG]", "Cell [PRODUCT]", "Zorblat Quix [ORG]"])
        XCTAssertEqual(EntityTest.mentions("He met Zorblat Quix and the PodShow team."), ["Zorblat Quix [PERSON]", "PodShow [ORG]"])
    }
}
