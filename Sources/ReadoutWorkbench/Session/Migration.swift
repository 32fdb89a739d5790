/// Brings a session tree written by an older format version up to `SessionFile.currentVersion`,
/// one version at a time, before it is read. Files newer than the current version never get here.
///
/// When version 2 is introduced: add `steps[1]`, a function from a version-1 tree to a version-2
/// tree, bump `SessionFile.currentVersion`, and keep `Fixtures/session-v1.json` opening (its test
/// must keep passing).
enum Migration {
    /// A step turns a tree of version `v` (its key) into one of version `v + 1`.
    typealias Step = @Sendable (JSONNode) throws(SessionDecodeError) -> JSONNode

    /// Steps by the version they start from. Version 1 is the first format, so there are none yet.
    static let steps: [Int: Step] = [:]

    /// The tree of `version`, migrated to the current version.
    static func migrate(_ root: JSONNode, from version: Int) throws(SessionDecodeError) -> JSONNode {
        var tree = root
        var v = version
        while v < SessionFile.currentVersion {
            guard let step = steps[v] else {
                throw SessionDecodeError("this readout cannot upgrade session format version \(v) to \(v + 1)")
            }
            tree = try step(tree)
            v += 1
        }
        return tree
    }
}
