/// The quote layer's word lists from `Data/speaker-descriptions.tsv`, loaded once.
final class QuoteLists: Sendable {
    static let shared = QuoteLists(lines: DataFiles.lines("speaker-descriptions.tsv"), cues: .shared)

    /// Country → the body that speaks for its government (convention).
    let government: [String: String]
    /// Lower-case adjective or abbreviation → country.
    let demonyms: [String: String]
    /// Head nouns that make "<country> WORD" the country's government.
    let sideWords: Set<String>
    /// Role words of heads of state or government and their spokespeople.
    let headOfState: [String]
    /// Lower-case words marking a news outlet.
    let newsWords: Set<String>
    /// Head nouns of person and organisation descriptions.
    let personNouns: Set<String>
    let orgNouns: Set<String>
    /// Head nouns of groups and of documents that speak as written (`experts`, `officials`, `the poll`).
    let groupNouns: Set<String>
    /// Lemmas of reporting cues (frame `report`).
    let reportingCues: Set<String>

    init<S: StringProtocol>(lines: [S], cues: CueVerbs) {
        var gov: [String: String] = [:], dem: [String: String] = [:]
        var side = Set<String>(), news = Set<String>(), person = Set<String>(), org = Set<String>(), group = Set<String>()
        var heads: [String] = []
        for line in lines {
            let c = line.split(separator: "\t").map { String($0).trimmingSpaces }
            guard c.count >= 2 else { continue }
            switch c[0] {
            case "government" where c.count >= 3: gov[c[1]] = c[2]
            case "demonym" where c.count >= 3: dem[c[1]] = c[2]
            case "side": side.insert(c[1])
            case "headofstate": heads.append(c[1])
            case "news": news.insert(c[1])
            case "person": person.insert(c[1])
            case "org": org.insert(c[1])
            case "group": group.insert(c[1])
            default: break
            }
        }
        government = gov
        demonyms = dem
        sideWords = side
        headOfState = heads
        newsWords = news
        personNouns = person
        orgNouns = org
        groupNouns = group
        reportingCues = Set(cues.forms.values.filter { $0.frame == .report }.map(\.lemma))
    }
}

/// Sources: the body a speaker speaks for.
///
/// An organisation speaks for itself; a country for its government body by the convention of
/// `speaker-descriptions.tsv` (Russia → Kremlin); a person for the body of their role (`Entity.body`:
/// Jen Psaki → White House) and, when the role is a serving head of state or government and the
/// body a country with a government body, for that body (Joseph Biden, President → White House).
struct SourceRules {
    let lists: QuoteLists

    /// The source of entity `e` and the step that says why.
    func source(of e: Entity) -> (String?, Evidence?) {
        switch e.label {
        case .org, .fac:
            return (e.name, Evidence(rule: "source", detail: "‘\(e.name)’ is a body: it speaks for itself"))
        case .gpe:
            if let g = lists.government[e.name] {
                return (g, Evidence(rule: "source", detail: "‘\(e.name)’ → ‘\(g)’ (government-level convention, speaker-descriptions.tsv)"))
            }
            return (e.name, Evidence(rule: "source", detail: "‘\(e.name)’ speaks for itself"))
        case .person:
            guard let body = e.body else { return (nil, nil) }
            let role = (e.role ?? "").fastLowercased()
            let serving = !role.fastContains("former") && !role.hasPrefix("ex") && !role.fastContains("late ")
            if serving, let g = lists.government[body], lists.headOfState.contains(where: { role.fastContains($0) }) {
                return (g, Evidence(rule: "source", detail: "role ‘\(e.role ?? "")’ of \(body) → ‘\(g)’ (government-level convention, speaker-descriptions.tsv)"))
            }
            return (body, Evidence(rule: "source", detail: "the body of the role ‘\(e.role ?? "")’"))
        default:
            return (nil, nil)
        }
    }
}
