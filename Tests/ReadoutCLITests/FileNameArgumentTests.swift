import Foundation
import XCTest

/// File names that are not UTF-8 given to the binary (issue 18, "clearer errors"): the shell
/// passes their bytes, which `CommandLine.arguments` turned into U+FFFD, so `--load` and `-c load`
/// could not name the file, and a folder holding it reported a "broken or looping symbolic link".
final class FileNameArgumentTests: XCTestCase {
    private var home: ScratchHome!
    private var work: String!

    override func setUpWithError() throws {
        home = try ScratchHome()
        work = try home.folder("work")
        let path = Array((work + "/latin1/caf").utf8) + [0xE9] + Array(".txt".utf8)
        try FileManager.default.createDirectory(atPath: work + "/latin1", withIntermediateDirectories: true)
        let fd = (path.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw XCTSkip("this file system refuses names that are not UTF-8 (errno \(errno))") }
        let text = Array("Latin name\n\nThe minister said the talks would go on.\n".utf8)
        XCTAssertEqual(text.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }, text.count)
        close(fd)
    }

    override func tearDown() {
        home = nil
    }

    /// Runs `script` with `sh -c`, `$R` being the readout binary, in the working folder: the
    /// shell's `printf '\351'` makes the byte 0xE9 that a Swift String cannot carry.
    private func sh(_ script: String) throws -> ReadoutBinary.Result {
        try ReadoutBinary.run(["-c", "R=\"$1\"; " + script, "sh", try ReadoutBinary.url().path],
                              environment: home.environment(), directory: work, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    private func assertLoadedTheFile(_ r: ReadoutBinary.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertEqual(r.stderr, "", file: file, line: line)
        XCTAssertTrue(r.stdout.contains("Latin name"), r.stdout, file: file, line: line)
        XCTAssertTrue(r.stdout.contains("latin1/caf\\xE9.txt"), "the byte shows escaped: \(r.stdout)", file: file, line: line)
    }

    func testLoadFlagWithTheNameAsTheShellGivesIt() throws {
        assertLoadedTheFile(try sh(#""$R" --no-rc --load "latin1/$(printf 'caf\351.txt')" -c docs"#))
    }

    func testLoadCommandWithTheNameAsTheShellGivesIt() throws {
        assertLoadedTheFile(try sh(#""$R" --no-rc -c "load latin1/$(printf 'caf\351.txt')" -c docs"#))
    }

    func testPipedCommandsWithTheName() throws {
        assertLoadedTheFile(try sh(#"printf 'load latin1/caf\351.txt\ndocs\n' | "$R" --no-rc"#))
    }

    func testTheFolderLoadsIt() throws {
        assertLoadedTheFile(try sh(#""$R" --no-rc -c "load latin1" -c docs"#))
    }

    func testAMissingNameIsShownWithItsByteEscaped() throws {
        let r = try sh(#""$R" --no-rc -c "load latin1/$(printf 'caf\350.txt')""#)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stderr, "error: no such file or folder 'latin1/caf\\xE8.txt' - did you mean 'latin1/caf\\xE9.txt'?\n")
    }
}
