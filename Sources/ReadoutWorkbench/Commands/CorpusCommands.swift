import Foundation
import ReadoutEngine

extension CommandSpec {
    static let kwic = CommandSpec(
        name: "kwic", summary: "keyword in context: every occurrence of a word, phrase, /regex/ or entity (all its aliases)",
        usage: "kwic TERM [width=N] [doc=D] [sort=doc|left|right] [top=N]",
        keys: [KeySpec("width", "characters of context each side (default 40)"),
               KeySpec("doc", "only this document", .documents),
               KeySpec("sort", "order: corpus order, or by the words left or right of the keyword", .values(ConcordanceSort.allCases.map(\.rawValue))),
               KeySpec("top", "show only the first N lines")],
        example: "kwic Putin sort=right", positionals: 1...1, positionalCompletion: .entities
    ) { wb, inv throws(ReadoutError) in
        try wb.kwicCommand(inv)
    }

    static let freq = CommandSpec(
        name: "freq", summary: "frequency list of words, lemmas, entities or phrases",
        usage: "freq [top=N] [of=words|lemmas|entities|phrases] [stop=on|off] [doc=D]",
        keys: [KeySpec("top", "show the N most frequent (default 20)"),
               KeySpec("of", "what to count", .values(FrequencyUnit.allCases.map(\.rawValue))),
               KeySpec("stop", "on leaves out stop words (default), off keeps them", .values(["on", "off"])),
               KeySpec("doc", "only this document", .documents)],
        example: "freq of=lemmas top=10"
    ) { wb, inv throws(ReadoutError) in
        try wb.freqCommand(inv)
    }

    static let collocates = CommandSpec(
        name: "collocates", summary: "words found near a term more often than chance, scored by MI, log-likelihood or t",
        usage: "collocates TERM [window=N] [measure=mi|ll|t] [min=N] [stop=on|off] [doc=D] [top=N]",
        keys: [KeySpec("window", "words each side, inside the sentence (default 5)"),
               KeySpec("measure", "mi: mutual information; ll: log-likelihood; t: t-score (default ll)", .values(AssociationMeasure.allCases.map(\.rawValue))),
               KeySpec("min", "least co-occurrences (default 2)"),
               KeySpec("stop", "on leaves out stop words (default), off keeps them", .values(["on", "off"])),
               KeySpec("doc", "only this document", .documents),
               KeySpec("top", "show the N best (default 20)")],
        example: "collocates Russia measure=mi min=3", positionals: 1...1, positionalCompletion: .entities
    ) { wb, inv throws(ReadoutError) in
        try wb.collocatesCommand(inv)
    }

    static let keyness = CommandSpec(
        name: "keyness", summary: "words over-represented in one document or speaker's quotes against another (log-likelihood)",
        usage: "keyness A B [top=N] [stop=on|off]",
        keys: [KeySpec("top", "show the N strongest for each side (default 15)"),
               KeySpec("stop", "on leaves out stop words (default), off keeps them", .values(["on", "off"]))],
        example: "keyness business-001 business-002", positionals: 2...2, positionalCompletion: .speakers
    ) { wb, inv throws(ReadoutError) in
        try wb.keynessCommand(inv)
    }

    static let search = CommandSpec(
        name: "search", summary: "sentences matching a regular expression",
        usage: "search /REGEX/[i] [doc=D] [top=N]",
        keys: [KeySpec("doc", "only this document", .documents), KeySpec("top", "show only the first N sentences")],
        example: "search /summit|meeting/i", positionals: 1...1
    ) { wb, inv throws(ReadoutError) in
        try wb.searchCommand(inv)
    }

    static let stats = CommandSpec(
        name: "stats", summary: "counts: documents, words, sentences, entities, quotes, speakers",
        usage: "stats [doc=D]", keys: [KeySpec("doc", "only this document", .documents)],
        example: "stats"
    ) { wb, inv throws(ReadoutError) in
        try wb.statsCommand(inv)
    }
}

/// What a TERM argument matched.
struct TermMatch {
    /// The occurrences.
    var hits: [Hit]
    /// How the term was read, for the heading (`word 'said'`, `entity Joseph Biden (PERSON): Biden, …`).
    var description: String
}

extension Workbench {
    /// Parses `/pattern/` or `/pattern/i` (a bare word is a pattern too) into a regular expression;
    /// a syntax error points at the pattern's column.
    func regex(_ w: Word) throws(ReadoutError) -> NSRegularExpression {
        var pattern = w.text
        var options: NSRegularExpression.Options = []
        var column = w.column + (w.quoted ? 1 : 0)
        if pattern.hasPrefix("/"), let close = pattern.lastIndex(of: "/"), close != pattern.startIndex {
            let flags = pattern[pattern.index(after: close)...]
            guard flags.allSatisfy({ $0 == "i" }) else {
                throw ReadoutError("unknown regex flag '\(flags)'", hint: "only /…/i (ignore case) is supported",
                                   column: column + pattern.distance(from: pattern.startIndex, to: close) + 1)
            }
            if !flags.isEmpty { options.insert(.caseInsensitive) }
            pattern = String(pattern[pattern.index(after: pattern.startIndex)..<close])
            column += 1
        }
        guard !pattern.isEmpty else { throw ReadoutError("empty regular expression", hint: "write e.g. /summit/", column: column) }
        do {
            return try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            throw ReadoutError("invalid regular expression '\(pattern)'",
                               hint: "check brackets, parentheses and escapes; a literal needs \\ before . * + ? ( ) [ ] { } | ^ $",
                               column: column)
        }
    }

    /// The matches of `re` (written as `w`) in `document`. A match that needs too much work ends the
    /// command with one line naming the pattern; Ctrl-C or a terminating signal ends it too.
    func regexMatches(_ re: NSRegularExpression, _ w: Word, in document: Document) throws(ReadoutError) -> [TextRange] {
        do {
            return try RegexSearch.matches(re, in: document, cancelled: { Interrupt.isRequested })
        } catch .cancelled {
            throw Interrupt.error
        } catch {
            throw ReadoutError("the regular expression \(w.text) needs too much work (over five million steps for one match)",
                               hint: "try a simpler one: no repeat inside a repeat such as (a+)+ or (\\w+\\s?)+, or a word or \"phrase\"",
                               column: w.column)
        }
    }

    /// The occurrences of TERM: `/regex/`, a capitalised entity name or alias (all its aliases), a
    /// quoted phrase, a `prefix*`, or a word (any case).
    func termMatch(_ w: Word, doc: Int?) throws(ReadoutError) -> TermMatch {
        let index = workspace.corpusIndex
        let text = w.text.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw ReadoutError("empty term", hint: "give a word, \"a phrase\", /regex/ or an entity name", column: w.column) }
        if text.hasPrefix("/") && text.count > 1 {
            let re = try regex(w)
            var hits: [Hit] = []
            for d in doc.map({ [$0] }) ?? Array(index.documents.indices) {
                hits += try regexMatches(re, w, in: index.documents[d]).map { Hit(doc: d, range: $0) }
            }
            return TermMatch(hits: hits, description: "regex \(text)")
        }
        if text.contains(where: \.isUppercase), let e = entityNamed(text) {
            return TermMatch(hits: entityHits(e, doc: doc),
                             description: "entity \(e.name) (\(e.label.rawValue))" + (e.aliases.isEmpty ? "" : ": " + (Array(Set([e.name] + e.aliases)).sorted().joined(separator: ", "))))
        }
        if text.hasSuffix("*"), text.count > 1, !text.contains(" ") {
            var hits: [Hit] = []
            let ids = index.terms(withPrefix: String(text.dropLast()))
            for id in ids { hits += index.hits(of: id, doc: doc) }
            return TermMatch(hits: hits, description: "words starting '\(text.dropLast())' (\(ids.count) forms)")
        }
        let words = phraseWords(text)
        if words.count > 1 {
            return TermMatch(hits: index.find(words, doc: doc), description: "phrase '\(text)'")
        }
        guard let id = index.term(text) else { return TermMatch(hits: [], description: "word '\(text)'") }
        return TermMatch(hits: index.hits(of: id, doc: doc), description: "word '\(text)'")
    }

    /// The words of a phrase as the engine tokenises them.
    func phraseWords(_ text: String) -> [String] {
        let d = Document(id: "", text: text)
        return d.tokens.indices.map { d.string(token: $0) }
    }

    /// The entity a name or alias names (exact canonical name first), without raising errors.
    func entityNamed(_ name: String) -> Entity? {
        let a = workspace.analysis
        let ids = a.entityIDs(alias: name)
        if let exact = ids.first(where: { a.entities[$0].name.lowercased() == name.lowercased() }) { return a.entities[exact] }
        return ids.first.map { a.entities[$0] }
    }

    /// Every occurrence of an entity: its mentions, plus places where one of its names or aliases is
    /// written (case as given) that the recogniser did not mark, when that alias means this entity first.
    func entityHits(_ e: Entity, doc: Int?) -> [Hit] {
        let a = workspace.analysis
        let index = workspace.corpusIndex
        var hits = Set<Hit>()
        var covered: [Int: [TextRange]] = [:]
        for ref in e.mentions where doc == nil || ref.doc == doc {
            let r = a.documents[ref.doc].mentions[ref.mention].range
            hits.insert(Hit(doc: ref.doc, range: r))
            covered[ref.doc, default: []].append(r)
        }
        for alias in Set([e.name] + e.aliases) where a.entityIDs(alias: alias).first == e.id {
            for h in index.find(phraseWords(alias), doc: doc, caseSensitive: true)
            where !(covered[h.doc] ?? []).contains(where: { $0.overlaps(h.range) }) {
                hits.insert(h)
                covered[h.doc, default: []].append(h.range)
            }
        }
        return hits.sorted()
    }

    func kwicCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let width = try inv.int("width", default: 40, range: 5...500)
        let doc = try docOption(inv)
        let sort = ConcordanceSort(rawValue: inv.choice("sort", default: "doc"))!
        let top = inv.options["top"] == nil ? nil : try inv.int("top", default: 20, range: 1...1_000_000)
        let match = try termMatch(inv.positionals[0], doc: doc)
        let index = workspace.corpusIndex
        var hits = match.hits
        if sort == .doc, let t = top { hits = Array(hits.sorted().prefix(t)) }
        try Interrupt.check()
        var lines = Concordance.lines(hits, index: index, width: width, sort: sort)
        if let t = top { lines = Array(lines.prefix(t)) }
        try Interrupt.check()
        let rows: [[Value]] = lines.map { l in
            [.string(workspace.record(at: l.hit.doc).id), .int(l.paragraph + 1), .string(l.left), .string(l.keyword), .string(l.right)]
        }
        // the JSON form, with scalar offsets (one pass per document), only when it is printed
        var json: Value? = nil
        if format.isJSON {
            var byDoc: [Int: [Int]] = [:]
            for (i, l) in lines.enumerated() { byDoc[l.hit.doc, default: []].append(i) }
            var starts = [Int](repeating: 0, count: lines.count), ends = starts
            for (d, idx) in byDoc {
                let offs = index.documents[d].scalarOffsets(idx.map { lines[$0].hit.range.start } + idx.map { lines[$0].hit.range.end })
                for (j, i) in idx.enumerated() { starts[i] = offs[j]; ends[i] = offs[idx.count + j] }
            }
            json = Value.array(lines.enumerated().map { i, l in
                .obj(["doc": .string(workspace.record(at: l.hit.doc).id), "para": .int(l.paragraph + 1), "sentence": .int(l.sentence + 1),
                      "left": .string(l.left), "keyword": .string(l.keyword), "right": .string(l.right),
                      "start": .int(starts[i]), "end": .int(ends[i])])
            })
        }
        let shown = lines.count < match.hits.count ? "\(lines.count) of \(match.hits.count)" : "\(match.hits.count)"
        let table = Table([Column("doc"), Column("para"), Column("left", flexible: true, alignRight: true), Column("keyword"),
                           Column("right", flexible: true, wraps: false)], rows: rows)
        return CommandOutput(blocks: [.heading("\(match.description): \(shown) match\(match.hits.count == 1 ? "" : "es")"), .table(table)],
                             json: json)
    }

    func freqCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let top = try inv.int("top", default: 20, range: 1...1_000_000)
        let unit = FrequencyUnit(rawValue: inv.choice("of", default: "words"))!
        let stop = inv.choice("stop", default: "on") == "off"
        let doc = try docOption(inv)
        let index = workspace.corpusIndex
        let rows = Frequencies.list(unit, index: index, analysis: unit == .entities ? workspace.analysis : CorpusAnalysis(),
                                    top: top, stopWords: stop, doc: doc)
        let total = doc.map { index.documentWordCounts[$0] } ?? index.wordCount
        let item = ["words": "word", "lemmas": "lemma", "entities": "entity", "phrases": "phrase"][unit.rawValue]!
        var columns = [Column("rank"), Column(item, key: "item")]
        if unit == .entities { columns.append(Column("type")) }
        columns += [Column("count"), Column("per 10k words", key: "per_10k", decimals: 1), Column("docs")]
        let table = Table(columns, rows: rows.enumerated().map { i, r in
            var row: [Value] = [.int(i + 1), .string(r.item)]
            if unit == .entities { row.append(.str(r.label?.rawValue)) }
            row += [.int(r.count), .double(total == 0 ? 0 : (Double(r.count) * 10_000 / Double(total) * 10).rounded() / 10), .int(r.documents)]
            return row
        })
        return .table(table)
    }

    func collocatesCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let window = try inv.int("window", default: 5, range: 1...50)
        let measure = AssociationMeasure(rawValue: inv.choice("measure", default: "ll"))!
        let minCount = try inv.int("min", default: 2, range: 1...1_000_000)
        let top = try inv.int("top", default: 20, range: 1...1_000_000)
        let stop = inv.choice("stop", default: "on") == "off"
        let doc = try docOption(inv)
        let match = try termMatch(inv.positionals[0], doc: doc)
        let index = workspace.corpusIndex
        let all = Collocation.collocates(of: match.hits, index: index, window: window, doc: doc)
        let ranked = Collocation.ranked(all.filter { stop || !index.isStop[Int($0.term)] }, by: measure, min: minCount)
        let shown = ranked.prefix(top)
        func r(_ x: Double) -> Value { .double((x * 100).rounded() / 100) }
        let table = Table([Column("rank"), Column("collocate"), Column(measure.rawValue, key: "score"), Column("together"),
                           Column("left"), Column("right"), Column("expected"), Column("freq")],
                          rows: shown.enumerated().map { i, c in
                              [.int(i + 1), .string(c.word), r(c.scores.score(measure)), .int(c.scores.o11), .int(c.left),
                               .int(c.right), r(c.scores.e11), .int(c.scores.c1)]
                          })
        let json = Value.array(shown.map { c in
            .obj(["collocate": .string(c.word), "together": .int(c.scores.o11), "left": .int(c.left), "right": .int(c.right),
                  "freq": .int(c.scores.c1), "expected": .double(c.scores.e11), "mi": .double(c.scores.mi),
                  "ll": .double(c.scores.ll), "t": .double(c.scores.t)])
        })
        let n = all.first?.scores.n ?? (doc.map { index.documentWordCounts[$0] } ?? index.wordCount)
        let r1 = all.first?.scores.r1 ?? 0
        let heading = "\(match.description): \(match.hits.count) occurrence\(match.hits.count == 1 ? "" : "s"), \(r1) words in ±\(window)-word windows, \(n) words in all; by \(measure.rawValue)"
        return CommandOutput(blocks: [.heading(heading), .table(table)], json: json)
    }

    /// The sub-corpus a keyness side names, resolved as `diff` resolves sides: a speaker, source
    /// or group (by the quote layer's speaker matching) whose quote texts are counted, else a
    /// document id.
    func keynessSide(_ w: Word) throws(ReadoutError) -> (name: String, counts: Keyness.Counts) {
        let index = workspace.corpusIndex
        var counts = Keyness.Counts()
        let s = try side(w, doc: nil)
        if let d = s.document {
            counts.add(doc: d, index: index)
            return (s.name, counts)
        }
        var byDoc: [Int: [TextRange]] = [:]
        for q in s.quotes { byDoc[q.doc, default: []].append(q.content) }
        for (d, rs) in byDoc.sorted(by: { $0.key < $1.key }) { counts.add(doc: d, index: index, ranges: rs) }
        return (s.name, counts)
    }

    func keynessCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let top = try inv.int("top", default: 15, range: 1...1_000_000)
        let stop = inv.choice("stop", default: "on") == "off"
        let (nameA, a) = try keynessSide(inv.positionals[0])
        let (nameB, b) = try keynessSide(inv.positionals[1])
        let scores = Keyness.compare(a, b, index: workspace.corpusIndex, stopWords: stop)
        let overA = scores.filter(\.overInA).prefix(top)
        let overB = scores.filter { !$0.overInA && $0.a + $0.b > 0 }.prefix(top)
        func pm(_ n: Int, _ size: Int) -> Value { .double(size == 0 ? 0 : (Double(n) * 1000 / Double(size) * 10).rounded() / 10) }
        let rows: [[Value]] = (overA.map { ($0, nameA) } + overB.map { ($0, nameB) }).map { s, side in
            [.string(side), .string(s.word), .int(s.a), pm(s.a, a.size), .int(s.b), pm(s.b, b.size),
             .double((s.ll * 100).rounded() / 100), .string(Keyness.stars(s.ll)), .double((s.logRatio * 100).rounded() / 100)]
        }
        let table = Table([Column("key in", key: "key_in"), Column("word"), Column("A"), Column("A per 1k", key: "a_per_1k"),
                           Column("B"), Column("B per 1k", key: "b_per_1k"), Column("LL", key: "ll"), Column("sig"),
                           Column("log ratio", key: "log_ratio")], rows: rows)
        let heading = "A = \(nameA) (\(a.size) words), B = \(nameB) (\(b.size) words); LL: * p<0.05, ** p<0.01, *** p<0.001"
        return CommandOutput(blocks: [.heading(heading), .table(table)], json: table.jsonValue)
    }

    func searchCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let re = try regex(inv.positionals[0])
        let doc = try docOption(inv)
        let top = inv.options["top"] == nil ? Int.max : try inv.int("top", default: 20, range: 1...1_000_000)
        let docs = workspace.documents.values
        var rows: [[Value]] = []
        var json: [Value] = []
        var total = 0
        for d in doc.map({ [$0] }) ?? Array(docs.indices) {
            let document = docs[d].document
            var last = -1
            var matchesInSentence = 0
            func flush() {
                guard last >= 0 else { return }
                total += 1
                guard rows.count < top else { return }
                let s = document.sentences[last]
                let text = Concordance.flatten(document.string(s.range))
                rows.append([.string(docs[d].id), .int(s.paragraph + 1), .int(last + 1), .int(matchesInSentence), .string(text)])
                json.append(.obj(["doc": .string(docs[d].id), "para": .int(s.paragraph + 1), "sentence": .int(last + 1),
                                  "matches": .int(matchesInSentence), "text": .string(text)]))
            }
            for r in try regexMatches(re, inv.positionals[0], in: document) {
                guard let si = document.sentenceIndex(containing: r.start) ?? document.sentenceIndex(containing: max(0, r.end - 1)) else { continue }
                if si != last { flush(); last = si; matchesInSentence = 0 }
                matchesInSentence += 1
            }
            flush()
        }
        let table = Table([Column("doc"), Column("para"), Column("sentence"), Column("matches"), Column("text", flexible: true)], rows: rows)
        let shown = rows.count < total ? "\(rows.count) of \(total)" : "\(total)"
        return CommandOutput(blocks: [.heading("\(shown) sentence\(total == 1 ? "" : "s") match \(inv.positionals[0].text)"), .table(table)],
                             json: .array(json))
    }

    func statsCommand(_ inv: Invocation) throws(ReadoutError) -> CommandOutput {
        let doc = try docOption(inv)
        let a = try workspace.analyzed()
        let recs = workspace.documents.values
        let ds = doc.map { [$0] } ?? Array(recs.indices)
        let words = ds.reduce(0) { $0 + recs[$1].words }
        let sentences = ds.reduce(0) { $0 + recs[$1].document.sentences.count }
        let paragraphs = ds.reduce(0) { $0 + recs[$1].document.paragraphs.count }
        let inScope = Set(ds)
        let entities = a.entities.filter { e in e.mentions.contains { inScope.contains($0.doc) } }
        let named = entities.filter { !$0.label.isValue }
        let mentions = entities.reduce(0) { $0 + $1.mentions.filter { inScope.contains($0.doc) }.count }
        let quotes = a.quotes.filter { inScope.contains($0.doc) }
        let speakers = Set(quotes.compactMap(\.speaker))
        let sources = Set(quotes.compactMap(\.source))
        var byLabel: [EntityLabel: Int] = [:]
        for e in entities { byLabel[e.label, default: 0] += 1 }
        var rows: [[Value]] = [
            [.string("documents"), .int(ds.count)],
            [.string("words"), .int(words)],
            [.string("sentences"), .int(sentences)],
            [.string("paragraphs"), .int(paragraphs)],
            [.string("entities"), .int(entities.count)],
            [.string("named entities"), .int(named.count)],
            [.string("entity mentions"), .int(mentions)],
        ]
        for l in EntityLabel.allCases where byLabel[l] != nil { rows.append([.string("  " + l.rawValue), .int(byLabel[l]!)]) }
        rows += [
            [.string("quotes"), .int(quotes.count)],
            [.string("  direct"), .int(quotes.filter { $0.kind == .direct }.count)],
            [.string("  indirect or mixed"), .int(quotes.filter { $0.kind != .direct }.count)],
            [.string("speakers"), .int(speakers.count)],
            [.string("sources"), .int(sources.count)],
        ]
        var fields: [Value.Field] = [
            .init("documents", .int(ds.count)), .init("words", .int(words)), .init("sentences", .int(sentences)),
            .init("paragraphs", .int(paragraphs)), .init("entities", .int(entities.count)), .init("named_entities", .int(named.count)),
            .init("entity_mentions", .int(mentions)),
        ]
        fields.append(.init("entities_by_type", .object(EntityLabel.allCases.compactMap { l in byLabel[l].map { Value.Field(l.rawValue, .int($0)) } })))
        fields += [.init("quotes", .int(quotes.count)), .init("speakers", .int(speakers.count)), .init("sources", .int(sources.count))]
        return .table(Table([Column("what"), Column("count")], rows: rows), json: .object(fields))
    }
}
