import XCTest
@testable import ReadoutEngine

/// Speaker resolution: names, pronouns by gender and type, descriptions by role and body,
/// a country's side or readout, continuation quotes.
final class QuoteSpeakerTests: XCTestCase {
    func testPronounsTakeTheNearestCompatibleAntecedent() {
        let text = "Culture Secretary Tessa Jowell met Gordon Brown on Friday. \"It was a useful meeting,\" she said."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.first?.speaker, "Tessa Jowell")
        let he = "Gordon Brown met Tessa Jowell on Friday. \"It was a useful meeting,\" he said."
        XCTAssertEqual(QuoteTest.lines(he).first, "direct | Gordon Brown | - | It was a useful meeting")
    }

    func testASentenceOpeningPronounTakesTheSubjectOfTheSentenceBefore() {
        // not the last man named there (`Mr Brown`)
        let text = """
        Gordon Brown spoke in London. Tory leader Michael Howard accused the prime minister and Mr Brown of squabbling.
        He told Sky News: "This is the politics of the playground."
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Michael Howard")
        // a man named earlier in the pronoun's own sentence still comes first when he is a subject
        let own = """
        Michael Howard spoke in Bristol. When Gordon Brown arrived, he said: "We agreed on nothing."
        """
        XCTAssertEqual(QuoteTest.analyze(own).quotes.last?.speaker, "Gordon Brown")
        // but not as an object: `After meeting Gordon Brown, he said`, `hosted by Gordon Brown, he said`
        for opening in ["After meeting Gordon Brown", "At a conference hosted by Gordon Brown on Friday"] {
            let object = """
            Indian finance minister Palaniappan Chidambaram spoke in London. \(opening), he said: "We agreed on nothing."
            """
            XCTAssertEqual(QuoteTest.analyze(object).quotes.last?.speaker, "Palaniappan Chidambaram", opening)
        }
    }

    func testAPronounAfterAnAttributionTakesTheOneQuoted() {
        // the subject of the sentence before is Oliver Letwin, but Lord Rennard is who said it
        let text = """
        Others targeted include Oliver Letwin and David Davis, elections chief Lord Rennard said.
        He said it was "nothing personal".
        """
        let quotes = QuoteTest.analyze(text).quotes
        XCTAssertEqual(quotes.map(\.speaker), ["Rennard", "Rennard"])
    }

    /// `he` after a man with a name either sex bears (`Robin`) is still him; `he` never names a
    /// woman whose given name only women bear, from the news lists too (`Maleeha`).
    func testPronounGenderFromGivenNamesOfBothListsAndEitherSex() {
        let robin = """
        Former foreign secretary Robin Cook said Lord Goldsmith's admission suggested Parliament was misled.
        "The attorney general may never have presented his answer as a summary," he said.
        """
        XCTAssertEqual(QuoteTest.analyze(robin).quotes.map(\.speaker), ["Robin Cook", "Robin Cook"])
        let maleeha = "Dr Maleeha Lodhi spoke at the embassy on Monday. \"We expect a reply soon,\" he said."
        XCTAssertNotEqual(QuoteTest.analyze(maleeha).quotes.first?.speaker, "Maleeha Lodhi")
        let she = "Dr Maleeha Lodhi spoke at the embassy on Monday. \"We expect a reply soon,\" she said."
        XCTAssertEqual(QuoteTest.analyze(she).quotes.first?.speaker, "Maleeha Lodhi")
    }

    /// A pronoun after a quotation that takes its speaker from an earlier one is that speaker,
    /// not the last woman named before it.
    func testAPronounAfterAContinuedQuotationTakesItsSpeaker() {
        let text = """
        Prof Jane Lovell, who led the study with Dr Margaret Dean, said she was shocked. "We expected a bit of this. \
        We expected to find a few cases." But she said things had changed since 1997.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.map(\.speaker), ["Jane Lovell", "Jane Lovell", "Jane Lovell"])
    }

    /// No one named in the statement is its pronoun's antecedent: whoever speaks of Mr Blair by
    /// name is not Mr Blair.
    func testAPronounNeverNamesSomeoneInItsOwnStatement() {
        let text = """
        Tory leader Michael Howard spoke in London on Friday. Mr Blair's government was "bossy and interfering," he added.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Michael Howard")
    }

    /// A company a speaker talked to is not who `it` is later: `he told the BBC. … it has confirmed`.
    func testItIsNeverTheOneWhoWasTold() {
        let text = """
        Shares in Acme Holdings rose. "It is curtains for them," analyst John Gray told the BBC. \
        The tycoon has approached the board with new proposals, it has confirmed.
        """
        XCTAssertNotEqual(QuoteTest.analyze(text).quotes.last?.speaker, "BBC")
    }

    /// Letters after a name belong to it: `Judge Richard Mawrey, QC told …` is the judge.
    func testLettersAfterANameDoNotSpeakAlone() {
        let text = "Deputy High Court Judge Richard Mawrey, QC told the court the case could have serious consequences."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.first?.speaker, "Richard Mawrey")
    }

    /// A participle before a quotation shares the subject after an opening `However,`; the
    /// quotation never falls back to the speaker of the one before.
    func testAParticipleAfterHoweverTakesTheSentencesSubject() {
        let text = """
        Orange said it would sue. However, Mr Ray Haji vowed to fight back, saying: "We have nothing to fear."
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Ray Haji")
    }

    /// `the chancellor` is not the shadow chancellor, nor `the prime minister` the deputy.
    func testADescriptionNeverNamesAHolderOfAnotherRank() {
        let text = """
        Shadow chancellor Oliver Letwin and Chancellor Gordon Brown spoke on Monday. Deputy Prime Minister John Prescott \
        and Prime Minister Tony Blair met later. The chancellor said growth would continue. The prime minister denied the claims.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.map(\.speaker), ["Gordon Brown", "Tony Blair"])
    }

    /// A person named after `of` in a speaker phrase is whom the speaker works for: `Brian Taylor
    /// of Wells Fargo` (a bank whose name reads as a person's) is Brian Taylor.
    func testThePersonBeforeOfSpeaks() {
        let text = "The dollar fell on Friday. \"The fall has been sudden,\" said Brian Taylor of Wells Fargo in Minneapolis."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.first?.speaker, "Brian Taylor")
    }

    /// `he` opening a sentence after one that opens with a person described, not named, is the one
    /// the description names, not a name further on (`The prime minister ratcheted up … with Lord
    /// Ashcroft … He insisted …`).
    func testAPronounAfterADescribedSubjectIsThatPerson() {
        let text = """
        Prime Minister Tony Blair spoke in London on Monday. Lord Ashcroft gave money. \
        The prime minister stepped up his campaigning at the weekend with a tour. He insisted he did not know the poll date.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Tony Blair")
    }

    /// `it` after a body quoted in the sentence before under a name no entity holds is that body,
    /// not one named further back: `The British Chambers of Commerce welcomed …. "…," it said.`
    func testItAfterABodyQuotedUnderItsNameIsThatBody() {
        let text = """
        The Department of Trade published the plan on Monday. The British Chambers of Commerce welcomed the latest proposal. \
        "This move today is the best of both worlds," it said.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "The British Chambers of Commerce")
    }

    func testItResolvesToAnOrganisation() {
        let text = "Shares in Vodafone rose on Monday. \"We expect strong growth in Europe,\" it said."
        XCTAssertEqual(QuoteTest.lines(text), ["direct | Vodafone | Vodafone | We expect strong growth in Europe"])
    }

    func testPronounSkipsPeopleNamedInsideTheQuote() {
        let text = "Michael Howard spoke in Bristol. \"Tony Blair has broken his promises,\" he said."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.first?.speaker, "Michael Howard")
    }

    func testDescriptionsResolveByRoleAndCountry() {
        let text = """
        United States President Joseph Biden and President Vladimir Putin of Russia spoke by telephone on Friday.
        The US president said the talks had been frank.
        The Russian leader said the US had to respect Russia's interests.
        """
        let a = QuoteTest.analyze(text)
        XCTAssertEqual(a.quotes.map(\.speaker), ["Joseph Biden", "Vladimir Putin"])
        XCTAssertEqual(a.quotes.map(\.source), ["White House", "Kremlin"])
        XCTAssertTrue(a.evidence(of: a.quotes[1]).contains { $0.rule == "description" })
    }

    func testOrganisationDescription() {
        let text = "The Public Accounts Committee published its report on Monday. The committee said the BBC licence fee should stay."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.first?.speaker, "Public Accounts Committee")
    }

    func testCountrySideAndReadoutAreTheGovernmentBody() {
        let text = """
        Biden and Putin spoke by telephone on Friday.
        Biden reaffirmed his goal of a stable relationship with Russia, according to the US side.
        “The sides agreed to continue contacts,” the Russian readout of the call said.
        """
        XCTAssertEqual(QuoteTest.lines(text), ["indirect | White House | White House | Biden reaffirmed his goal of a stable relationship with Russia",
                                               "direct | Kremlin | Kremlin | The sides agreed to continue contacts"])
    }

    func testAPluralPossessiveInTheSpeakerPhraseKeepsTheSpeaker() {
        // the apostrophe of `Employers'` once ended the phrase, and the quote went to the last speaker
        let text = """
        The Office of the Deputy Prime Minister said councils had cut their plans.
        "The warning lights are flashing," a spokeswoman for the Engineering Employers' Federation told reporters.
        "We are not scared," Atticus' David Slager said.
        """
        XCTAssertEqual(QuoteTest.lines(text).dropFirst(), [
            "direct | a spokeswoman for the Engineering Employers' Federation | Engineering Employers' Federation | The warning lights are flashing",
            "direct | David Slager | - | We are not scared"])
    }

    func testAPersonWithNoBodySpeaksForTheOrganisationNamedWithThem() {
        let text = "Shares fell sharply on Monday. \"The outlook is weak,\" said economist Ross Walker at the Royal Bank of Scotland."
        let (q, _) = QuoteTest.only(text)!
        XCTAssertEqual(q.speaker, "Ross Walker")
        XCTAssertEqual(q.source, "Royal Bank of Scotland")
    }

    func testUnnamedSpokespersonSpeaksForTheirBody() {
        let (q, _) = QuoteTest.only("A spokesman for Downing Street said the prime minister had full confidence in the home secretary.")!
        // the speaker is the description as written, not a guess at who it is
        XCTAssertEqual(q.speaker, "A spokesman for Downing Street")
        XCTAssertEqual(q.speakerMethod, .description)
        XCTAssertEqual(q.source, "Downing Street")
        // the organisation, not the place of its office
        let text = "The Securities and Exchange Commission (SEC) opened an inquiry in March. "
            + "A spokeswoman for the SEC's Boston office said the inquiry was continuing."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.source, "Securities and Exchange Commission")
    }

    /// People joined by `and` speak together, as written: never the last one named alone; an `and`
    /// inside a firm's name joins no one.
    func testPeopleNamedTogetherSpeakTogether() {
        let text = "Chancellor Gerhard Schroeder and Prime Minister Silvio Berlusconi voiced concerns about the strength of the euro."
        XCTAssertEqual(QuoteTest.only(text)?.0.speaker, "Chancellor Gerhard Schroeder and Prime Minister Silvio Berlusconi")
        let bodies = "Heineken and Carlsberg reported falling profits after beer sales in western Europe fell flat."
        XCTAssertEqual(QuoteTest.only(bodies)?.0.speaker, "Heineken and Carlsberg")
        let firm = "Stuart Rose of Marks and Spencer said sales had been disappointing."
        XCTAssertEqual(QuoteTest.only(firm)?.0.speaker, "Stuart Rose")
    }

    /// A party in a description is in the holder's role: `the Tory leader` is no Lib Dem president.
    func testADescriptionsPartyIsInTheHoldersRole() {
        let text = """
        Lib Dem president Simon Hughes visited Leeds on Monday. The Tory leader said the plans were outdated and unjust.
        """
        let q = QuoteTest.analyze(text).quotes.last
        XCTAssertEqual(q?.speaker, "The Tory leader")
        XCTAssertNotEqual(q?.speakerMethod, .title)
        let named = "Tory leader Michael Howard visited Leeds on Monday. The Tory leader said the plans were outdated and unjust."
        XCTAssertEqual(QuoteTest.analyze(named).quotes.last?.speaker, "Michael Howard")
    }

    /// A pronoun closing a quotation of several sentences looks at the sentence before the quotation,
    /// not at the quotation's own first sentence: `"… Frankfurt. This has …," he said`.
    func testAPronounAfterALongQuotationTakesWhoeverWasQuotedBeforeIt() {
        let text = """
        The Deutsche Boerse bid was raised on Friday. Hans Reckers, a board member of the Bundesbank, said trading should stay in Frankfurt, something Deutsche Boerse could move to London. \
        "It is not just the headquarters. This has special importance for the banks," he said.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Hans Reckers")
    }

    /// Whom the pronoun's own cue addresses is not who speaks; whom a person asked answers next.
    func testWhoeverIsToldOrAskedDoesNotSpeakTheAnswer() {
        let text = """
        Sean Hannity interviewed Donald Trump in Austin. Hannity asked Trump how high the wall would be. \
        "I think the height could be 35 feet," he told Hannity.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Donald Trump")
        let told = "Donald Trump spoke in Austin. Sean Hannity asked him about the wall. \"It could be 35 feet,\" he told Hannity."
        XCTAssertEqual(QuoteTest.analyze(told).quotes.last?.speaker, "Donald Trump")
    }

    /// In the sentence before, a person after a preposition is no subject, `Mr.` with its period too.
    func testAPersonAfterAPrepositionInTheSentenceBeforeIsNoAntecedent() {
        let text = """
        Sean Hannity spoke on Friday. But he lends his thoughts to Mr. Trump, whom Mr. Hannity has known for years. \
        "I cannot not speak my mind," he said.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Sean Hannity")
    }

    /// `Howard Archer, economist at Global Insight said …`: the apposition's closing comma left out,
    /// the name still speaks; a description at a body no entity holds is never another holder of the role.
    func testANameBeforeAnUnclosedAppositionSpeaks() {
        let text = """
        Philip Shaw, chief economist at Investec Securities, said rates would hold. \
        Howard Archer, economist at Global Insight said the committee may act.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Howard Archer")
        let unnamed = "Philip Shaw, chief economist at Investec Securities, said rates would hold. An economist at Global Insight said the committee may act."
        XCTAssertEqual(QuoteTest.analyze(unnamed).quotes.last?.speaker, "An economist at Global Insight")
    }

    /// A person described at a firm is that person, never the firm.
    func testAPersonAtAFirmIsNotTheFirm() {
        let text = "The former chief financial officer at US telecoms firm WorldCom admitted he used to lie to the board."
        let q = QuoteTest.only(text)?.0
        XCTAssertEqual(q?.speaker, "The former chief financial officer at US telecoms firm WorldCom")
        XCTAssertEqual(q?.source, "WorldCom")
    }

    /// A pronoun after a sentence that opens with a description no one named holds is that
    /// description, never a person named further back.
    func testAPronounAfterAnUnheldDescriptionIsThatDescription() {
        let text = """
        Michael Howard urged voters taken for granted by Tony Blair to vote Conservative. \
        But the Tory leader will argue against positive discrimination. \
        "It sets family against family," he will argue.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "the Tory leader")
    }

    /// A title alone is nobody: `The Conservative Party Co-Chairman said` keeps the description,
    /// and never becomes a person named `Co-Chairman`.
    func testATitleAloneIsNoPerson() {
        let text = "Tory Liam Fox spoke on Monday. The Conservative Party Co-Chairman said the electorate had a choice."
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "The Conservative Party Co-Chairman")
    }

    /// Bodies listed in a relative clause are no speaker, and `it` after a document the sentence
    /// before opens with is that document, never a body named in it.
    func testItAfterADocumentIsTheDocument() {
        let text = """
        The line closed in 1969. A study in 2000, which was commissioned by the executive, Scottish Borders Council, \
        Midlothian Council and Scottish Borders Enterprise, found that a service could cover its costs. \
        It also found that a freight railway could be reinstated.
        """
        let quotes = QuoteTest.analyze(text).quotes
        XCTAssertFalse(quotes.contains { $0.speaker == "Scottish Borders Council" || $0.speaker == "Scottish Borders Enterprise" })
        XCTAssertEqual(quotes.last?.speaker, "A study")
    }

    /// `The bank` is the body named with `bank` unless the article is about another one named
    /// since; then the description stays as written.
    func testTheBankIsNotAPassingBankWhenTheArticleIsAboutAnother() {
        let text = """
        ABN Amro is to cut 2,850 jobs. ABN Amro is the third large European bank to announce cuts, following Deutsche Bank. \
        ABN Amro's operations in the Netherlands will be hardest hit. The bank said it was on course for a rise in net income.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "The bank")
        let plain = "Deutsche Bank reported its results on Monday. The bank said it was on course for a rise in net income."
        XCTAssertEqual(QuoteTest.analyze(plain).quotes.last?.speaker, "Deutsche Bank")
    }

    /// Whoever a paper quotes speaks, and the paper reports: `the paper quoted Mr Chernin as saying`,
    /// `quoted an insider as saying that …`, `Mr Houston was quoted in the Herald saying: "…"`.
    func testTheOneQuotedAsSayingSpeaks() {
        let clause = "News Corp wants to buy a games firm. Video games are \"big business\", the paper quoted Peter Chernin as saying."
        XCTAssertEqual(QuoteTest.analyze(clause).quotes.last?.speaker, "Peter Chernin")
        let leading = "The Financial Times quoted an insider in the talks as saying that HSBC would pay more."
        let q = QuoteTest.only(leading)
        XCTAssertEqual(q?.0.speaker, "an insider in the talks")
        XCTAssertEqual(q?.0.reportedBy, "Financial Times")
        let passive = "UKIP suspended Mark Croucher on Monday. John Houston was quoted in the Herald newspaper saying: \"I feel UKIP have over-reacted.\""
        XCTAssertEqual(QuoteTest.analyze(passive).quotes.last?.speaker, "John Houston")
    }

    /// `said EEF chief economist, Steve Radley.`: the name after the description speaks, not another
    /// chief economist named before.
    func testTheNameAfterAnInvertedDescriptionSpeaks() {
        let text = """
        Ian McCafferty, chief economist at the CBI, said rates would hold. \
        "The evidence suggests the rises have helped," said EEF chief economist, Steve Radley.
        """
        XCTAssertEqual(QuoteTest.analyze(text).quotes.last?.speaker, "Steve Radley")
    }

    /// A person who owns what the phrase names is not who speaks (`Brown's Britain … says`, and `It`
    /// after it is the book); a person named with a country's government is that person, never the
    /// government's body.
    func testAnOwnerOrAGovernmentWordNeverTakesThePersonsPlace() {
        let text = """
        Gordon Brown insisted he still trusted Tony Blair. Brown's Britain, by Robert Peston, says there is mutual animosity \
        between the two men. It claims Mr Blair said in 2003 he would stand down.
        """
        let quotes = QuoteTest.analyze(text).quotes
        XCTAssertEqual(quotes.first { $0.cue == "says" }?.speaker, "Brown's Britain")
        XCTAssertEqual(quotes.first { $0.cue == "claims" }?.speaker, "Brown's Britain")
        let minister = "The market, former British government minister Michael Heseltine once said, has no morality."
        XCTAssertEqual(QuoteTest.only(minister)?.0.speaker, "Michael Heseltine")
        XCTAssertEqual(QuoteTest.only("The British government said it would act.")?.0.speaker, "Downing Street")
    }
}
