import Foundation
import XCTest

/// Files and folders the user may not read (issue 18, "clearer errors"): these were reported as
/// "no such file or folder". The error says permission denied, names the path (and the folder that
/// cannot be entered, when that is the cause) and how to fix it. Permissions do not stop root, so
/// under root the binary runs as `nobody` (with `setpriv`).
final class PermissionErrorTests: XCTestCase {
    private var root: String!
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
        root = NSTemporaryDirectory() + "readout-permissions-\(UUID().uuidString)"
        let article = Data("Short headline\n\nThe minister said the talks would go on.\n".utf8)
        for folder in ["locked", "listonly", "outer/inner"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try article.write(to: URL(fileURLWithPath: root + "/" + folder + "/a.txt"))
        }
        try article.write(to: URL(fileURLWithPath: root + "/outer/b.txt"))
        try article.write(to: URL(fileURLWithPath: root + "/secret.txt"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/secret.json"))
        for (path, mode) in [("", 0o755), ("/outer", 0o755), ("/outer/b.txt", 0o644), ("/locked", 0o000), ("/listonly", 0o444),
                             ("/outer/inner", 0o000), ("/secret.txt", 0o000), ("/secret.json", 0o000)] {
            chmod(root + path, mode_t(mode))
        }
        chmod(home.url.path, 0o755)
    }

    override func tearDownWithError() throws {
        if let r = root {
            for folder in ["locked", "listonly", "outer/inner"] { chmod(r + "/" + folder, 0o755) }
            try? FileManager.default.removeItem(atPath: r)
        }
        home = nil
    }

    /// Runs `readout --no-rc -c COMMAND...` in the folder, as a user the modes apply to.
    private func run(_ commands: [String]) throws -> ReadoutBinary.Result {
        let exe = try ReadoutBinary.url()
        let args = ["--no-rc"] + commands.flatMap { ["-c", $0] }
        guard getuid() == 0 else {
            return try ReadoutBinary.run(args, environment: home.environment(), directory: root)
        }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else {
            throw XCTSkip("permissions do not stop root, and setpriv is not installed to run as another user")
        }
        // nobody must reach the binary and its word lists
        var dir = exe.deletingLastPathComponent().path
        while dir != "/" && !dir.isEmpty {
            var st = stat()
            if stat(dir, &st) == 0, st.st_mode & 0o001 == 0 {
                throw XCTSkip("'\(dir)' is not searchable by other users, so the binary cannot run as nobody")
            }
            dir = URL(fileURLWithPath: dir).deletingLastPathComponent().path
        }
        return try ReadoutBinary.run(["--reuid=65534", "--regid=65534", "--clear-groups", exe.path] + args,
                                     environment: home.environment(), directory: root, executable: URL(fileURLWithPath: setpriv))
    }

    private func assertOneError(_ command: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try run([command])
        XCTAssertEqual(r.status, 1, r.stderr, file: file, line: line)
        XCTAssertFalse(r.stderr.contains("no such file"), r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, expected + "\n", file: file, line: line)
    }

    func testAFileInAFolderThatCannotBeEntered() throws {
        try assertOneError("load locked/a.txt",
                           "error: cannot read 'locked/a.txt': permission denied, the folder 'locked' cannot be entered - make it searchable (chmod +x 'locked') or ask its owner")
    }

    func testAFileThatCannotBeRead() throws {
        try assertOneError("load secret.txt",
                           "error: cannot read 'secret.txt': permission denied - make it readable (chmod +r 'secret.txt') or ask its owner")
    }

    func testAFolderThatCannotBeRead() throws {
        try assertOneError("load locked",
                           "error: cannot read folder 'locked': permission denied - make it readable (chmod +rx 'locked') or ask its owner")
        try assertOneError("load listonly",
                           "error: cannot read folder 'listonly': permission denied, it can be listed but not entered - make it searchable (chmod +x 'listonly') or ask its owner")
    }

    func testAFolderInsideLoadsTheRestAndWarnsOnce() throws {
        let r = try run(["load outer"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "warning: cannot read folder 'outer/inner': permission denied - make it readable (chmod +rx 'outer/inner') or ask its owner\n")
        XCTAssertTrue(r.stdout.hasPrefix("loaded 1 document"), r.stdout)
    }

    func testSessionFilesThatCannotBeRead() throws {
        try assertOneError("open ./secret.json",
                           "error: cannot read session file './secret.json': permission denied - make it readable (chmod +r './secret.json') or ask its owner")
        try assertOneError("open locked/s.json",
                           "error: cannot read session file 'locked/s.json': permission denied, the folder 'locked' cannot be entered - make it searchable (chmod +x 'locked') or ask its owner")
    }
}
