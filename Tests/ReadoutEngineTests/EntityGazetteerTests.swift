import XCTest
@testable import ReadoutEngine

final class EntityGazetteerTests: XCTestCase {
    func testCountriesCitiesStatesAndDemonyms() {
        XCTAssertEqual(EntityTest.mentions("Officials in Paris, Texas and South Korea met Brazilian envoys."),
                       ["Paris [GPE]", "Texas [GPE]", "South Korea [GPE]", "Brazilian [NORP]"])
    }

    func testAbbreviationsMapToCanonicalCountry() {
        let a = EntityTest.analyze("The U.S. and the US agreed. The United States and Britain signed; the UK left.")
        XCTAssertEqual(Set(a.entities.map(\.name)), ["United States", "United Kingdom"])
        let us = EntityTest.entity(a, "United States")!
        XCTAssertEqual(Set(us.aliases), ["U.S.", "US", "United States"])
        XCTAssertTrue(us.evidence.contains { $0.rule == "alias-merge" && $0.detail.contains("‘U.S.’ → ‘United States’") })
    }

    func testMetonymsAreOrganisationsWithoutTheArticle() {
        let a = EntityTest.analyze("The Kremlin denied it. Downing Street and the White House said nothing.")
        XCTAssertEqual(a.entities.map(\.name), ["Kremlin", "Downing Street", "White House"])
        XCTAssertTrue(a.entities.allSatisfy { $0.label == .org })
        XCTAssertEqual(EntityTest.entity(a, "Kremlin")?.aliases, ["Kremlin"])
    }

    func testOrdinaryWordsAreNotCities() {
        // "Nice" and "Reading" are cities but also words; the lists leave them out.
        XCTAssertEqual(EntityTest.mentions("Nice work. Reading is fun."), [])
    }

    func testRegionsAndLocations() {
        XCTAssertEqual(EntityTest.mentions("Troops left Crimea for the Middle East and Europe."),
                       ["Crimea [GPE]", "Middle East [LOC]", "Europe [LOC]"])
    }

    func testLexiconLoadsEveryList() {
        let lex = Lexicon.shared
        XCTAssertEqual(lex.lists.gazetteer["Russia"]?.list, "countries.tsv")
        XCTAssertEqual(lex.lists.gazetteer["Helsinki"]?.list, "cities.tsv")
        XCTAssertEqual(lex.lists.gazetteer["Ohio"]?.list, "regions.tsv")
        XCTAssertEqual(lex.lists.gazetteer["Kremlin"]?.country, "Russia")
        XCTAssertEqual(lex.lists.titles["press secretary"], .role)
        XCTAssertEqual(lex.lists.titles["mr"], .honorific)
        XCTAssertTrue(lex.lists.givenNames.contains("Vladimir"))
        XCTAssertTrue(lex.lists.commonWords.contains("formal"))
        XCTAssertTrue(lex.lists.rules["Treaty"]?.contains(.lawSuffix) == true)
    }
}
