import XCTest
@testable import ReadoutEngine

final class EntitySeedTests: XCTestCase {
    static let seed = """
    United States President Joseph Biden and President Vladimir Putin of Russia spoke by telephone on Friday and Biden proposed a future summit meeting between the two leaders, as the new US administration seeks a more constructive relationship with Moscow.
    “They discussed a number of regional and global issues,” the White House said in a statement.
    The Kremlin said in a separate statement that Biden told Putin that the US president wants to cooperate on Iran’s nuclear programme, Afghanistan and climate change, the Reuters news outlet reported.
    The White House said Biden told Putin he wants to build on the agreement he reached with Putin in January to extend the New START Treaty, limiting strategic nuclear arms for another five years.
    At the same time, the US president warned the Russian leader the US would react to military activity in the Ukraine, the White House said.
    “President Biden emphasized the United States’ unwavering commitment to Ukraine’s sovereignty. The President voiced our concerns over the sudden Russian military build-up in occupied Crimea,” the White House said.
    Biden proposed a summit meeting in a third country in the coming months, Biden said.
    The Kremlin said the call had taken place at Washington’s initiative.
    “Our approach to our relationship with Russia is one where we certainly expect the relationship to remain a challenge,” White House Press Secretary Jen Psaki said on Tuesday.
    Psaki told reporters at the White House.
    Formal summit meetings between the US and Russia have been limited to once per four-year term for the American leader in the recent past.
    Putin and former US President Donald Trump held a summit meeting in Helsinki, Finland, in 2018. Former President Barack Obama met in 2010 with former Russia President Dmitry Medvedev. Former President George W Bush met twice with Putin in 2005 and 2001.
    """

    func testSeedEntitiesTypesRolesAndAliases() {
        let a = EntityTest.analyze(Self.seed)
        let expect: [(String, EntityLabel)] = [
            ("Joseph Biden", .person), ("Vladimir Putin", .person), ("Russia", .gpe), ("United States", .gpe),
            ("Moscow", .gpe), ("Washington", .gpe), ("White House", .org), ("Kremlin", .org), ("Reuters", .org),
            ("Iran", .gpe), ("Afghanistan", .gpe), ("Ukraine", .gpe), ("Finland", .gpe), ("Helsinki", .gpe),
            ("Crimea", .gpe), ("New START Treaty", .law), ("Jen Psaki", .person), ("Donald Trump", .person),
            ("Barack Obama", .person), ("Dmitry Medvedev", .person), ("George W Bush", .person), ("Russian", .norp),
            ("American", .norp), ("Friday", .date), ("January", .date), ("Tuesday", .date), ("2018", .date),
            ("2010", .date), ("2005", .date), ("2001", .date), ("another five years", .date),
            ("the coming months", .date), ("four-year", .date),
            // OntoNotes counts and ordinals: `the two leaders`, `a third country`
            ("two", .cardinal), ("third", .ordinal),
        ]
        for (name, label) in expect {
            XCTAssertEqual(EntityTest.entity(a, name)?.label, label, name)
        }
        XCTAssertEqual(Set(a.entities.map(\.name)), Set(expect.map(\.0)), "nothing missing, nothing spurious")
        let biden = EntityTest.entity(a, "Joseph Biden")!
        XCTAssertEqual(biden.role, "United States President")
        XCTAssertEqual(biden.aliases.first, "Biden")
        XCTAssertTrue(biden.aliases.contains("President Biden"))
        XCTAssertEqual(EntityTest.entity(a, "Vladimir Putin")?.role, "President of Russia")
        XCTAssertEqual(EntityTest.entity(a, "Jen Psaki")?.role, "White House Press Secretary")
        XCTAssertEqual(EntityTest.entity(a, "Jen Psaki")?.body, "White House")
        XCTAssertEqual(EntityTest.entity(a, "Donald Trump")?.role, "former US President")
        XCTAssertEqual(EntityTest.entity(a, "Dmitry Medvedev")?.role, "former Russia President")
        XCTAssertEqual(EntityTest.entity(a, "Barack Obama")?.role, "former President")
        XCTAssertEqual(Set(EntityTest.entity(a, "United States")!.aliases), ["US", "United States"])
    }

    func testSeedMentionsAreOrderedAndDisjoint() {
        let a = EntityTest.analyze(Self.seed)
        let ms = a.documents[0].mentions
        XCTAssertEqual(ms.count, a.documents[0].mentionEntity.count)
        for i in 1..<ms.count { XCTAssertLessThanOrEqual(ms[i - 1].range.end, ms[i].range.start) }
        for e in a.entities { XCTAssertFalse(e.evidence.isEmpty, e.name) }
    }
}
