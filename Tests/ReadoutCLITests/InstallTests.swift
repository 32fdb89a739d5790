import Foundation
import XCTest
@testable import ReadoutWorkbench

/// Installing like a command-line tool (issue 21, point 19): the manual page comes from the same
/// help text as `--help` and `help COMMAND`, the completion scripts from the flags, and
/// `make install` puts both where `man` and the shells look. `make test` runs `make
/// install-check`, which installs into a scratch prefix and uses the result.
final class InstallTests: XCTestCase {
    private var home: ScratchHome!

    override func setUpWithError() throws {
        home = try ScratchHome()
    }

    override func tearDown() {
        home = nil
    }

    private func run(_ arguments: [String]) throws -> ReadoutBinary.Result {
        try ReadoutBinary.run(arguments, environment: home.environment())
    }

    func testTheManualPageListsEveryFlagAndCommand() throws {
        let result = try run(["--generate-manual"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let page = result.stdout
        XCTAssertTrue(page.hasPrefix(".TH READOUT 1"), String(page.prefix(80)))
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "FILES", "ENVIRONMENT", "EXAMPLES"] {
            XCTAssertTrue(page.contains(".SH \(section)\n"), section)
        }
        for flag in ["command", "bail", "format", "no\\-color", "session", "load", "no\\-rc", "version"] {
            XCTAssertTrue(page.contains("\\fB\\-\\-\(flag)\\fR"), "--\(flag) in the page")
        }
        for spec in Registry.all {
            XCTAssertTrue(page.contains(".B \(Manual_escape(spec.name))\n"), "command \(spec.name) in the page")
        }
        // the help text itself, not a copy of it
        XCTAssertTrue(page.contains("jsonl (one object per row)"), "the --format help as --help gives it")
    }

    func testTheManualPageReadsWithMan() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else { throw XCTSkip("man is not installed here") }
        let page = home.url.appendingPathComponent("readout.1")
        try Data(try run(["--generate-manual"]).stdout.utf8).write(to: page)
        let man = Process()
        man.executableURL = URL(fileURLWithPath: "/usr/bin/man")
        man.arguments = ["-l", page.path]
        var env = home.environment()
        env["MANWIDTH"] = "80"
        env["MANPAGER"] = "cat"
        man.environment = env
        let pipe = Pipe(), errors = Pipe()
        man.standardOutput = pipe
        man.standardError = errors
        try man.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        man.waitUntilExit()
        XCTAssertEqual(man.terminationStatus, 0)
        XCTAssertTrue(text.contains("READOUT(1)") && text.contains("Usage: quotes"), text)
        let warnings = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertFalse(warnings.contains("warning"), warnings)
    }

    func testCompletionScriptsForTheThreeShells() throws {
        for shell in ["bash", "zsh", "fish"] {
            let result = try run(["--generate-completion-script", shell])
            XCTAssertEqual(result.status, 0, "\(shell): \(result.stderr)")
            XCTAssertTrue(result.stdout.contains("format") && result.stdout.contains("jsonl"), "\(shell) completes --format's values")
        }
    }

    func testMakeInstallPutsThemWhereManAndTheShellsLook() throws {
        let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let make = try String(contentsOf: root.appendingPathComponent("Makefile"), encoding: .utf8)
        for place in ["share/man/man1/readout.1", "share/bash-completion/completions/readout", "share/zsh/site-functions/_readout",
                      "share/fish/vendor_completions.d/readout.fish"] {
            XCTAssertTrue(make.contains("$(PREFIX)/" + place), place)
        }
        XCTAssertTrue(make.contains("\t@$(MAKE) --no-print-directory install-check"), "make test runs the install check")
    }
}

/// The page's escaping of a command name (hyphens).
private func Manual_escape(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "\\-") }
