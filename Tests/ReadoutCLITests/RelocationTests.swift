import Foundation
import XCTest

/// The binary copied away from the build folder, as an install or another user would run it: it
/// finds its word lists beside itself or in PREFIX/share/readout, or says where it looked, once.
final class RelocationTests: XCTestCase {
    private var root: String!
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
        root = NSTemporaryDirectory() + "readout-relocated-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/prefix/bin", withIntermediateDirectories: true)
        // readable by anyone, for the run as another user
        chmod(root, 0o755)
        chmod(home.url.path, 0o755)
        try Data("Short headline\n\nThe minister, Anna Berg, said the talks in Oslo would go on.\n".utf8)
            .write(to: URL(fileURLWithPath: root + "/a.txt"))
        chmod(root + "/a.txt", 0o644)
    }

    override func tearDownWithError() throws {
        if let r = root { try? FileManager.default.removeItem(atPath: r) }
        home = nil
    }

    /// A copy of the built `readout` in `PREFIX/bin`, without its resource folder.
    private func copyBinary() throws -> URL {
        let built = try ReadoutBinary.url()
        let copy = URL(fileURLWithPath: root + "/prefix/bin/readout")
        try FileManager.default.copyItem(at: built, to: copy)
        return copy
    }

    /// The data folder beside the built binary (SwiftPM's layout).
    private func builtData() throws -> String {
        try ReadoutBinary.url().deletingLastPathComponent().path + "/Readout_ReadoutEngine.resources/Data"
    }

    private func run(_ exe: URL, _ commands: [String], env: [String: String] = [:]) throws -> ReadoutBinary.Result {
        try ReadoutBinary.run(["--no-rc"] + commands.flatMap { ["-c", $0] }, environment: home.environment(env),
                              directory: root, executable: exe)
    }

    private func assertFindsEntities(_ r: ReadoutBinary.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        XCTAssertTrue(r.stdout.contains("Anna Berg"), r.stdout, file: file, line: line)
        XCTAssertTrue(r.stdout.contains("Oslo"), r.stdout, file: file, line: line)
    }

    func testACopyWithoutItsDataSaysWhereItLookedOnce() throws {
        let exe = try copyBinary()
        let r = try run(exe, ["load a.txt", "entities"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertFalse(r.stderr.contains("Fatal error"), r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
        XCTAssertTrue(r.stderr.hasPrefix("error: cannot find Readout's data files"), r.stderr)
        XCTAssertTrue(r.stderr.contains("'\(root!)/prefix/bin/Readout_ReadoutEngine.resources/Data'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("'\(root!)/prefix/share/readout'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("READOUT_DATA"), r.stderr)
        XCTAssertEqual(r.stdout, "")
    }

    func testAnInstalledCopyReadsPrefixShareReadout() throws {
        let exe = try copyBinary()
        try FileManager.default.createDirectory(atPath: root + "/prefix/share", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try builtData(), toPath: root + "/prefix/share/readout")
        assertFindsEntities(try run(exe, ["load a.txt", "entities"]))
        // through a symbolic link elsewhere, as a link in ~/bin would be
        let link = root + "/readout-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: exe.path)
        assertFindsEntities(try run(URL(fileURLWithPath: link), ["load a.txt", "entities"]))
    }

    func testACopyWithItsResourceFolderBesideIt() throws {
        let exe = try copyBinary()
        try FileManager.default.createDirectory(atPath: root + "/prefix/bin/Readout_ReadoutEngine.resources", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try builtData(), toPath: root + "/prefix/bin/Readout_ReadoutEngine.resources/Data")
        assertFindsEntities(try run(exe, ["load a.txt", "entities"]))
    }

    func testTheEnvironmentNamesTheDataFolder() throws {
        let exe = try copyBinary()
        assertFindsEntities(try run(exe, ["load a.txt", "entities"], env: ["READOUT_DATA": try builtData()]))
        let wrong = try run(exe, ["entities"], env: ["READOUT_DATA": root + "/nowhere"])
        XCTAssertEqual(wrong.status, 1)
        XCTAssertTrue(wrong.stderr.contains("looked in '\(root!)/nowhere' - set READOUT_DATA"), wrong.stderr)
        XCTAssertEqual(wrong.stderr.split(separator: "\n").count, 1, wrong.stderr)
    }

    /// The installed copy run as `nobody`, who cannot read the build folder's owner's files
    /// beyond what is world-readable. Needs root and `setpriv`.
    func testAnInstalledCopyRunsAsAnotherUser() throws {
        guard getuid() == 0 else { throw XCTSkip("running as another user needs root (this run is uid \(getuid()))") }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else { throw XCTSkip("setpriv is not installed") }
        let exe = try copyBinary()
        try FileManager.default.createDirectory(atPath: root + "/prefix/share", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try builtData(), toPath: root + "/prefix/share/readout")
        // nobody must be able to reach the copy: every folder on the way must be searchable
        var dir = root!
        while dir != "/" && !dir.isEmpty {
            var st = stat()
            guard stat(dir, &st) == 0 else { break }
            if st.st_mode & 0o001 == 0 { throw XCTSkip("'\(dir)' is not searchable by other users") }
            dir = (dir as NSString).deletingLastPathComponent
        }
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", exe.path, "--no-rc", "-c", "load a.txt", "-c", "entities"]
        let r = try ReadoutBinary.run(asNobody, environment: home.environment(), directory: root, executable: URL(fileURLWithPath: setpriv))
        assertFindsEntities(r)
        // and without the data, the same one clear line
        try FileManager.default.removeItem(atPath: root + "/prefix/share/readout")
        let missing = try ReadoutBinary.run(asNobody, environment: home.environment(), directory: root, executable: URL(fileURLWithPath: setpriv))
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.hasPrefix("error: cannot find Readout's data files"), missing.stderr)
    }
}
