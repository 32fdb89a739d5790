import Foundation
import OrderedCollections
import ReadoutEngine

/// The session file format (see `docs/session-format.md`): pretty-printed JSON with a fixed
/// key order, holding each article's text and metadata, the groups, the notes and the command
/// history. Analysis is never stored; it is recomputed from the texts.
public enum SessionFile {
    /// The value of the `format` key.
    public static let formatName = "readout-session"
    /// The version this build writes; it reads this and every older version.
    public static let currentVersion = 1

    /// What a session file holds, decoded and verified.
    public struct Contents: Sendable {
        /// Articles in load order; their texts match their hashes.
        public var documents: [DocumentRecord]
        /// User groups in the order defined.
        public var groups: OrderedDictionary<String, [String]>
        /// Notes in the order written.
        public var notes: [Note]
        /// Commands of the session, in order.
        public var history: [String]

        /// A workspace holding these contents, with nothing unsaved.
        public func workspace() -> Workspace {
            let ws = Workspace()
            ws.add(documents)
            ws.groups = groups
            ws.notes = notes
            ws.history = history
            ws.dirty = false
            return ws
        }
    }

    // MARK: Encoding

    /// The session file for `workspace`, as bytes. The same workspace always gives the same bytes.
    public static func encode(_ workspace: Workspace) -> [UInt8] {
        value(workspace).prettyJSON
    }

    /// The session as a JSON value, keys in the documented order.
    static func value(_ ws: Workspace) -> Value {
        let docs: [Value] = ws.documents.values.map { r in
            let bytes = r.document.bytes
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { Value.string(String(decoding: $0, as: UTF8.self)) }
            return .object([
                .init("id", .string(r.id)),
                .init("title", .string(r.title)),
                .init("path", .string(r.path)),
                .init("loaded_at", .int(r.loadedAt)),
                .init("encoding", .string(r.encoding.rawValue)),
                .init("date", .str(r.date)),
                .init("hash", .string(ContentHash.fnv1a64(bytes))),
                .init("text", .array(lines)),
            ])
        }
        let groups: [Value] = ws.groups.map { name, members in
            .object([.init("name", .string(name)), .init("members", .array(members.map { .string($0) }))])
        }
        let notes: [Value] = ws.notes.map { n in
            .object([.init("text", .string(n.text)), .init("on", .str(n.on)), .init("at", .int(n.at))])
        }
        return .object([
            .init("format", .string(formatName)),
            .init("version", .int(currentVersion)),
            .init("documents", .array(docs)),
            .init("groups", .array(groups)),
            .init("notes", .array(notes)),
            .init("history", .array(ws.history.map { .string($0) })),
        ])
    }

    // MARK: Decoding

    /// Decodes and verifies a session file. `file` names it in errors. Throws for anything but a
    /// complete, well-formed session of this or an older version whose texts match their hashes.
    public static func decode(_ bytes: [UInt8], file: String) throws(ReadoutError) -> Contents {
        do {
            return try decodeTree(bytes)
        } catch {
            var e = ReadoutError(error.message, hint: error.hint ?? "the file was not opened; nothing was changed", file: file)
            if let off = error.offset {
                let lc = JSONReader.lineColumn(bytes, offset: off)
                e.line = lc.line
                e.message = "\(error.kind) at column \(lc.column): \(error.message)"
            }
            throw e
        }
    }

    private static func decodeTree(_ bytes: [UInt8]) throws(SessionDecodeError) -> Contents {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw SessionDecodeError("the file is empty (truncated?)")
        }
        let root: JSONNode
        do {
            root = try JSONReader.parse(bytes)
        } catch {
            throw SessionDecodeError(error.message, at: error.offset, kind: "invalid JSON",
                                     hint: "the file is truncated or damaged; nothing was changed")
        }
        guard case .object = root.kind else {
            throw SessionDecodeError("not a Readout session: the top level is \(root.typeName), not an object", at: root.offset)
        }
        let top = try ObjectReader(root, "the session")
        guard let formatNode = top.optional("format") else {
            throw SessionDecodeError("not a Readout session: it has no \"format\" key", at: root.offset)
        }
        guard case .string(let format) = formatNode.kind, format == formatName else {
            let shown: String
            if case .string(let s) = formatNode.kind { shown = "\"\(s)\"" } else { shown = formatNode.typeName }
            throw SessionDecodeError("not a Readout session: \"format\" is \(shown), expected \"\(formatName)\"", at: formatNode.offset)
        }
        let versionNode = try top.required("version")
        guard case .int(let version) = versionNode.kind, version >= 1 else {
            throw SessionDecodeError("\"version\" must be a whole number from 1", at: versionNode.offset)
        }
        if version > currentVersion {
            throw SessionDecodeError("session format version \(version) is newer than this readout reads (up to \(currentVersion))",
                                     at: versionNode.offset, hint: "open it with a newer readout; nothing was changed")
        }
        let current = try Migration.migrate(root, from: version)
        return try readCurrent(current)
    }

    /// Reads a tree already at `currentVersion`.
    static func readCurrent(_ root: JSONNode) throws(SessionDecodeError) -> Contents {
        let top = try ObjectReader(root, "the session")
        try top.onlyKeys(["format", "version", "documents", "groups", "notes", "history"])

        // Documents: metadata and text, hash-checked before the (parallel) tokenising.
        struct Pending: Sendable {
            var id, title, path, encoding, hash, text: String
            var date: String?
            var loadedAt: Int
        }
        var pending: [Pending] = []
        var ids = Set<String>()
        for (k, node) in try top.array("documents").enumerated() {
            let o = try ObjectReader(node, "document \(k + 1)")
            let (id, idNode) = try o.stringNode("id")
            guard !id.isEmpty, !id.contains(where: \.isWhitespace) else {
                throw SessionDecodeError("document \(k + 1): \"id\" must be a non-empty word", at: idNode.offset)
            }
            guard ids.insert(id).inserted else {
                throw SessionDecodeError("document \(k + 1): id '\(id)' is used twice", at: idNode.offset)
            }
            let ctx = "document '\(id)'"
            let o2 = o.renamed(ctx)
            try o2.onlyKeys(["id", "title", "path", "loaded_at", "encoding", "date", "hash", "text"])
            let (encoding, encNode) = try o2.stringNode("encoding")
            guard SourceEncoding(rawValue: encoding) != nil else {
                throw SessionDecodeError("\(ctx): unknown \"encoding\" '\(encoding)'", at: encNode.offset)
            }
            let date = try o2.optionalString("date")
            if let d = date, !DateParsing.isISODate(d) {
                throw SessionDecodeError("\(ctx): \"date\" must be YYYY-MM-DD, not '\(d)'", at: o2.optional("date")!.offset)
            }
            let (hash, hashNode) = try o2.stringNode("hash")
            guard hash.count == 16, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw SessionDecodeError("\(ctx): \"hash\" must be 16 lowercase hex digits (FNV-1a 64)", at: hashNode.offset)
            }
            let textNode = try o2.required("text")
            guard case .array(let lineNodes) = textNode.kind else {
                throw SessionDecodeError("\(ctx): \"text\" must be an array of lines, not \(textNode.typeName)", at: textNode.offset)
            }
            var lines: [String] = []
            lines.reserveCapacity(lineNodes.count)
            for l in lineNodes {
                guard case .string(let s) = l.kind else {
                    throw SessionDecodeError("\(ctx): every line of \"text\" must be a string, not \(l.typeName)", at: l.offset)
                }
                lines.append(s)
            }
            let text = lines.joined(separator: "\n")
            let actual = ContentHash.fnv1a64(text.utf8)
            guard actual == hash else {
                throw SessionDecodeError("\(ctx): its text does not match its content hash (the file says \(hash), the text hashes to \(actual))",
                                         at: textNode.offset,
                                         hint: "the text was edited or damaged after saving; nothing was changed")
            }
            guard !text.isEmpty else { throw SessionDecodeError("\(ctx): its text is empty", at: textNode.offset) }
            pending.append(Pending(id: id, title: try o2.string("title"), path: try o2.string("path"), encoding: encoding,
                                   hash: hash, text: text, date: date, loadedAt: try o2.int("loaded_at")))
        }

        var groups: OrderedDictionary<String, [String]> = [:]
        for (k, node) in try top.array("groups").enumerated() {
            let o = try ObjectReader(node, "group \(k + 1)")
            try o.onlyKeys(["name", "members"])
            let (name, nameNode) = try o.stringNode("name")
            guard !name.isEmpty else { throw SessionDecodeError("group \(k + 1): \"name\" is empty", at: nameNode.offset) }
            guard groups[name] == nil else { throw SessionDecodeError("group '\(name)' is defined twice", at: nameNode.offset) }
            // the rules `alias` keeps at the prompt
            if let problem = WorkspaceRules.groupNameProblem(name) {
                throw SessionDecodeError("group \(k + 1): \(problem)", at: nameNode.offset,
                                         hint: "rename it in the file to one word, as 'alias' takes it (\"whitehouse\"); nothing was changed")
            }
            let members = try o.renamed("group '\(name)'").strings("members")
            if let problem = WorkspaceRules.groupMembersProblem(members) {
                throw SessionDecodeError("group '\(name)': \(problem)", at: try o.required("members").offset,
                                         hint: "list its members in the file, or remove the group; nothing was changed")
            }
            groups[name] = members
        }

        var notes: [Note] = []
        for (k, node) in try top.array("notes").enumerated() {
            let o = try ObjectReader(node, "note \(k + 1)")
            try o.onlyKeys(["text", "on", "at"])
            let note = Note(text: try o.string("text"), on: try o.optionalString("on"), at: try o.int("at"))
            try checkNote(note, number: k + 1, o, documents: ids)
            notes.append(note)
        }

        let history = try top.strings("history")

        let all = pending
        let docs = ParallelMap.map(all.indices) { i in
            let p = all[i]
            return DocumentRecord(document: Document(id: p.id, untokenized: Array(p.text.utf8)), title: p.title, path: p.path, loadedAt: p.loadedAt,
                                  hash: p.hash, encoding: SourceEncoding(rawValue: p.encoding)!, date: p.date)
        }
        return Contents(documents: docs, groups: groups, notes: notes, history: history)
    }
}

extension SessionFile {
    /// Refuses a note the prompt would not have made: one with no text, or about a quote of a
    /// document the file does not hold.
    fileprivate static func checkNote(_ note: Note, number k: Int, _ o: ObjectReader, documents: Set<String>) throws(SessionDecodeError) {
        if let problem = WorkspaceRules.noteTextProblem(note.text) {
            throw SessionDecodeError("note \(k): \(problem)", at: try o.required("text").offset,
                                     hint: "write its text in the file, or remove the note; nothing was changed")
        }
        guard let on = note.on else { return }
        let onOffset = o.optional("on")?.offset
        if on.allSatisfy(\.isWhitespace) {
            throw SessionDecodeError("note \(k): \"on\" is empty", at: onOffset,
                                     hint: "set it to null for a note about the whole session; nothing was changed")
        }
        if let doc = WorkspaceRules.quoteDocument(on), !documents.contains(doc) {
            throw SessionDecodeError("note \(k) is about quote '\(on)' of document '\(doc)', which the file does not hold", at: onOffset,
                                     hint: "set its \"on\" to null (about the whole session) or remove the note; nothing was changed")
        }
    }
}

/// A problem found while decoding, before it is tied to a file name.
struct SessionDecodeError: Error {
    var message: String
    /// Byte offset of the offending value, when there is one.
    var offset: Int?
    /// "invalid JSON" or "invalid session": leads the message when there is a position.
    var kind: String
    var hint: String?

    init(_ message: String, at offset: Int? = nil, kind: String = "invalid session", hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.kind = kind
        self.hint = hint
    }
}

/// Typed access to one JSON object of the session, with errors that say where.
struct ObjectReader {
    let node: JSONNode
    let members: [JSONNode.Member]
    /// What the object is, for messages ("document 'seed'").
    let context: String

    init(_ node: JSONNode, _ context: String) throws(SessionDecodeError) {
        guard case .object(let m) = node.kind else {
            throw SessionDecodeError("\(context) must be an object, not \(node.typeName)", at: node.offset)
        }
        self.node = node
        self.members = m
        self.context = context
    }

    private init(node: JSONNode, members: [JSONNode.Member], context: String) {
        self.node = node
        self.members = members
        self.context = context
    }

    /// The same object under another name for messages.
    func renamed(_ context: String) -> ObjectReader { ObjectReader(node: node, members: members, context: context) }

    /// Refuses keys this version does not define (a misspelt key would otherwise be lost on the next save).
    func onlyKeys(_ known: [String]) throws(SessionDecodeError) {
        for m in members where !known.contains(m.key) {
            throw SessionDecodeError("\(context): unknown key \"\(m.key)\" (expected \(known.map { "\"\($0)\"" }.joined(separator: ", ")))",
                                     at: m.keyOffset)
        }
    }

    func optional(_ key: String) -> JSONNode? { members.first { $0.key == key }?.value }

    func required(_ key: String) throws(SessionDecodeError) -> JSONNode {
        guard let v = optional(key) else { throw SessionDecodeError("\(context): missing key \"\(key)\"", at: node.offset) }
        return v
    }

    func stringNode(_ key: String) throws(SessionDecodeError) -> (String, JSONNode) {
        let v = try required(key)
        guard case .string(let s) = v.kind else {
            throw SessionDecodeError("\(context): \"\(key)\" must be a string, not \(v.typeName)", at: v.offset)
        }
        return (s, v)
    }

    func string(_ key: String) throws(SessionDecodeError) -> String { try stringNode(key).0 }

    /// A string or null; a missing key counts as null.
    func optionalString(_ key: String) throws(SessionDecodeError) -> String? {
        guard let v = optional(key) else { return nil }
        switch v.kind {
        case .null: return nil
        case .string(let s): return s
        default: throw SessionDecodeError("\(context): \"\(key)\" must be a string or null, not \(v.typeName)", at: v.offset)
        }
    }

    func int(_ key: String) throws(SessionDecodeError) -> Int {
        let v = try required(key)
        guard case .int(let i) = v.kind else {
            throw SessionDecodeError("\(context): \"\(key)\" must be a whole number, not \(v.typeName)", at: v.offset)
        }
        return i
    }

    func array(_ key: String) throws(SessionDecodeError) -> [JSONNode] {
        let v = try required(key)
        guard case .array(let a) = v.kind else {
            throw SessionDecodeError("\(context): \"\(key)\" must be an array, not \(v.typeName)", at: v.offset)
        }
        return a
    }

    func strings(_ key: String) throws(SessionDecodeError) -> [String] {
        var out: [String] = []
        for item in try array(key) {
            guard case .string(let s) = item.kind else {
                throw SessionDecodeError("\(context): every item of \"\(key)\" must be a string, not \(item.typeName)", at: item.offset)
            }
            out.append(s)
        }
        return out
    }
}
