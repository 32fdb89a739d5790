/// What groups and notes must be. `alias` and `note` check them as they are made, `drop` and
/// `clear` keep them true as documents go, and `open` checks a session file against the same
/// rules, so a file holds nothing the prompt would refuse.
public enum WorkspaceRules {
    /// How a good group looks, for hints.
    static let groupExample = "e.g. alias whitehouse = \"White House\" Psaki"

    /// Why `name` cannot name a group, or nil when it can: one word of letters and digits, as
    /// `alias` takes it.
    static func groupNameProblem(_ name: String) -> String? {
        guard !name.isEmpty, SpeakerMatcher.fold(name) == name.lowercased() else {
            return "group names are one word of letters and digits, not '\(name)'"
        }
        return nil
    }

    /// Why a group with `members` cannot be, or nil when it can.
    static func groupMembersProblem(_ members: [String]) -> String? {
        members.isEmpty ? "a group needs at least one member" : nil
    }

    /// Why a note reading `text` cannot be, or nil when it can.
    static func noteTextProblem(_ text: String) -> String? {
        text.allSatisfy(\.isWhitespace) ? "the note is empty" : nil
    }

    /// The document a note's target `on` lies in when it names a quote (`DOC:q3`, as `note`
    /// stores a quote), else nil. A bare target may be a document id, a group or an entity name,
    /// which only the analysis knows, so it names a document only when it equals one.
    static func quoteDocument(_ on: String) -> String? {
        guard let colon = on.lastIndex(of: ":") else { return nil }
        let local = on[on.index(after: colon)...]
        guard colon > on.startIndex, local.count > 1, local.first == "q",
              local.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(on[..<colon])
    }

    /// Whether a note about `on` is about document `id`: the document or a quote in it.
    static func isAbout(_ on: String?, document id: String) -> Bool {
        guard let on else { return false }
        return on == id || quoteDocument(on) == id
    }
}
