import XCTest
@testable import ReadoutEngine

final class EntityMergeTests: XCTestCase {
    func testSurnameAndTitledFormsMergeIntoFullName() {
        let a = EntityTest.analyze("Joseph Biden spoke. Later President Biden and Mr Biden left. Biden returned.")
        XCTAssertEqual(a.entities.count, 1)
        let e = a.entities[0]
        XCTAssertEqual(e.name, "Joseph Biden")
        XCTAssertEqual(e.mentions.count, 4)
        XCTAssertTrue(e.evidence.contains { $0.rule == "surname-merge" })
    }

    func testTwoPeopleOneSurnameResolveToNearest() {
        let text = "Michael Howard attacked the plan. Mr Howard said it would fail. "
            + "In Australia, John Howard disagreed. Mr Howard said it would work."
        let a = EntityTest.analyze(text)
        let michael = EntityTest.entity(a, "Michael Howard")!, john = EntityTest.entity(a, "John Howard")!
        XCTAssertNotEqual(michael.id, john.id)
        XCTAssertEqual(michael.mentions.count, 2)
        XCTAssertEqual(john.mentions.count, 2)
        XCTAssertTrue(john.evidence.contains { $0.detail.contains("nearest preceding of 2 people") })
    }

    func testFemaleHonorificDoesNotMergeWithAMan() {
        let a = EntityTest.analyze("Michael Howard spoke. Mrs Howard campaigned.")
        XCTAssertEqual(Set(a.entities.map(\.name)), ["Michael Howard", "Mrs Howard"])
    }

    func testMaleHonorificDoesNotMergeWithAWoman() {
        let a = EntityTest.analyze("Michelle Obama spoke first. Then President Obama spoke. Mr. Obama said the vote mattered.")
        XCTAssertEqual(Set(a.entities.filter { $0.label == .person }.map(\.name)), ["Michelle Obama", "Obama"])
        let him = EntityTest.entity(a, "Obama")!
        XCTAssertEqual(him.mentions.count, 2)
        // and the corpus merge keeps them apart
        let b = EntityTest.analyze("Michelle Obama spoke. Mr. Obama left.", "Obama said no.")
        XCTAssertEqual(Set(b.entities.filter { $0.label == .person }.map(\.name)), ["Michelle Obama", "Obama"])
    }

    /// A name either sex bears (`Robin`, `Chris`) and a foreign man's name (`Vladimir`) are not
    /// women's names: `Mr Cook` is Robin Cook, `Mr Putin` Vladimir Putin.
    func testNamesEitherSexBearsAreNotWomensNames() {
        XCTAssertFalse(Lexicon.shared.lists.isWomansName("Robin"))
        XCTAssertFalse(Lexicon.shared.lists.isWomansName("Vladimir"))
        XCTAssertFalse(Lexicon.shared.lists.isWomansName("Liam"))
        XCTAssertTrue(Lexicon.shared.lists.isWomansName("Michelle"))
        XCTAssertTrue(Lexicon.shared.lists.isWomansName("Maleeha"))
        let a = EntityTest.analyze("Robin Cook spoke. Mr Cook left.", "Vladimir Putin spoke. Mr Putin left.")
        XCTAssertEqual(EntityTest.entity(a, "Robin Cook")?.mentions.count, 2)
        XCTAssertEqual(EntityTest.entity(a, "Vladimir Putin")?.mentions.count, 2)
    }

    /// A bare surname whose document names no one of it goes to the one person of that surname
    /// elsewhere, never to one of two (`Dr Fox` could be Liam Fox or Chris Fox): it stays itself.
    func testABareSurnameWithTwoNamesakesElsewhereStaysUnmerged() {
        let a = EntityTest.analyze("Chris Fox of the police spoke.", "Liam Fox of the Tories spoke.", "Dr Fox said no.",
                                   "Gordon Brown spoke.", "Mr Brown said yes.")
        XCTAssertEqual(EntityTest.entity(a, "Chris Fox")?.mentions.count, 1)
        XCTAssertEqual(EntityTest.entity(a, "Liam Fox")?.mentions.count, 1)
        XCTAssertEqual(EntityTest.entity(a, "Fox")?.mentions.map(\.doc), [2])
        XCTAssertEqual(EntityTest.entity(a, "Gordon Brown")?.mentions.map(\.doc), [3, 4])
    }

    /// One single name written with titles of different kinds in different articles is two people
    /// (issue 19: `Edward` combined Sir Edward and Prince Edward, `Howard` Mr Howard and Sir Howard
    /// Newby); the same kind of title still merges, and a title never attaches a single name to
    /// the one person of that surname when that person is only ever titled otherwise.
    func testSingleNamesWithTitlesOfDifferentKindsStayApartAcrossArticles() {
        let a = EntityTest.analyze("Sir Edward opened the gallery on Monday.", "Prince Edward visited the school.",
                                   "Sir Edward later said the gallery was full.")
        let edwards = a.entities.filter { $0.label == .person }
        XCTAssertEqual(edwards.count, 2, "\(edwards.map { ($0.name, $0.aliases) })")
        XCTAssertEqual(Set(edwards.map { $0.mentions.count }), [1, 2])
        XCTAssertTrue(edwards.contains { $0.evidence.contains { $0.rule == "title-split" } })
        // Mr and Dr are one kind: Liam Fox is called both
        let b = EntityTest.analyze("Mr Fox spoke.", "Dr Fox replied.")
        XCTAssertEqual(b.entities.filter { $0.label == .person }.count, 1)
        // `Lord Campbell` is not the only Campbell of the session when he is only ever `Mr Campbell`
        let c = EntityTest.analyze("Alastair Campbell spoke. Mr Campbell left.", "Lord Campbell said the bill was wrong.")
        XCTAssertEqual(Set(c.entities.filter { $0.label == .person }.map(\.name)), ["Alastair Campbell", "Campbell"])
        // while a bare surname still goes to the only person of that name
        let d = EntityTest.analyze("Alastair Campbell spoke. Mr Campbell left.", "Mr Campbell said no.")
        XCTAssertEqual(d.entities.filter { $0.label == .person }.map(\.name), ["Alastair Campbell"])
    }

    func testAcronymMergesWithSpelledOutName() {
        let a = EntityTest.analyze("The Financial Conduct Authority acted. The FCA said so.")
        XCTAssertEqual(a.entities.count, 1)
        XCTAssertEqual(a.entities[0].aliases, ["Financial Conduct Authority", "FCA"])
        XCTAssertTrue(a.entities[0].evidence.contains { $0.rule == "acronym-merge" })
    }

    func testAcrossDocumentsByNameAndSurname() {
        let a = EntityTest.analyze("Vladimir Putin spoke in Moscow.", "Putin said no to Moscow.", "Mr Putin left.")
        let putin = EntityTest.entity(a, "Vladimir Putin")!
        XCTAssertEqual(putin.mentions.map(\.doc), [0, 1, 2])
        XCTAssertEqual(EntityTest.entity(a, "Moscow")?.mentions.count, 2)
        XCTAssertEqual(a.entities.count, 2)
        XCTAssertEqual(a.entities.map(\.id), [0, 1])
    }

    func testLookups() {
        let a = EntityTest.analyze("White House Press Secretary Jen Psaki said the Kremlin erred. Psaki told the US.")
        let psaki = EntityTest.entity(a, "Jen Psaki")!
        XCTAssertEqual(a.entity(named: "Psaki")?.id, psaki.id)
        XCTAssertEqual(a.entity(named: "the Kremlin")?.name, "Kremlin")
        XCTAssertEqual(a.entity(named: "U.S.")?.name, nil) // not seen in this text: only seen aliases are indexed
        XCTAssertEqual(a.entity(named: "US")?.name, "United States")
        let doc = a.documents[0].document
        let text = doc.text
        let r = text.range(of: "Psaki told")!
        let start = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        XCTAssertEqual(a.entityID(doc: 0, range: TextRange(start, start + "Psaki".utf8.count)), psaki.id)
        let the = text.range(of: "the Kremlin")!
        let ts = text.utf8.distance(from: text.startIndex, to: the.lowerBound)
        XCTAssertEqual(a.entityID(doc: 0, range: TextRange(ts, ts + "the Kremlin".utf8.count)), a.entity(named: "Kremlin")?.id)
        XCTAssertNil(a.entityID(doc: 0, range: TextRange(0, 0)))
    }

    func testParallelAndSerialRunsAgree() {
        let texts = (0..<24).map { i in
            i % 3 == 0 ? "Michael Howard met Tony Blair in London on Monday. Mr Howard spoke."
                : i % 3 == 1 ? "Blair said the EU and Nato agreed in \(1990 + i)." : "Howard left for Paris. Mrs Howard stayed."
        }
        let docs = texts.enumerated().map { Document(id: "p\($0.offset)", text: $0.element) }
        let serial = EntityStage.analyze(docs, parallel: false)
        let parallel = EntityStage.analyze(docs, parallel: true)
        XCTAssertEqual(serial.entities, parallel.entities)
        XCTAssertEqual(serial.documents.map(\.mentions), parallel.documents.map(\.mentions))
        XCTAssertEqual(serial.documents.map(\.mentionEntity), parallel.documents.map(\.mentionEntity))
        XCTAssertEqual(serial.aliasIndex, parallel.aliasIndex)
    }
}
