import ArgumentParser
import Foundation
import ReadoutWorkbench

/// The manual page (`readout --generate-manual`, installed as `man 1 readout` by `make install`),
/// made from the same help text as `readout --help` and `help COMMAND`: the flags from
/// ArgumentParser's help, the commands from the workbench's registry, so the page never says
/// something the program does not.
enum Manual {
    /// The page in roff (`man -l` reads it).
    static func page() -> String {
        var out = """
            .TH READOUT 1 "" "readout \(ReadoutVersion.current)" "User Commands"
            .\\" left-aligned, unhyphenated: usages and values are to be copied as they are
            .ad l
            .nh
            .SH NAME
            readout \\- \(escape(Readout.configuration.abstract))
            .SH SYNOPSIS
            .B readout
            [\\fB\\-c\\fR \\fIcommand\\fR ...] [\\fB\\-\\-bail\\fR] [\\fB\\-\\-format\\fR \\fIformat\\fR] [\\fB\\-\\-no\\-color\\fR] \
            [\\fB\\-\\-session\\fR \\fIfile\\fR] [\\fB\\-\\-load\\fR \\fIpath\\fR ...] [\\fB\\-\\-no\\-rc\\fR] [\\fIfile\\fR]
            .SH DESCRIPTION

            """
        let discussion = Readout.configuration.discussion.split(separator: "\n").prefix { !$0.hasPrefix("Commands:") }
        out += escape(discussion.joined(separator: " ").trimmingCharacters(in: .whitespaces)) + "\n"
        for (title, entries) in sections(Readout.helpMessage(columns: 10_000)) where title == "ARGUMENTS" || title == "OPTIONS" {
            out += ".SH \(title)\n"
            for (term, text) in entries {
                out += ".TP\n" + bold(term) + "\n" + escape(text) + "\n"
            }
        }
        out += ".SH COMMANDS\nAt the prompt, with \\fB\\-c\\fR, in a FILE or piped on standard input; \\fBhelp\\fR \\fIcommand\\fR shows the same.\n"
        for spec in Registry.all {
            out += ".TP\n.B \(escape(spec.name))\n\(escape(spec.summary)).\n.br\nUsage: \(escape(spec.usage))\n"
            for k in spec.keys { out += ".br\n\\fI\(escape(k.name))=\\fR \(escape(k.help))\n" }
            if !spec.example.isEmpty { out += ".br\nExample: \(escape(spec.example))\n" }
        }
        out += """
            .SH FILES
            .TP
            .I ~/.readoutrc
            Commands run at start, unless \\fB\\-\\-no\\-rc\\fR.
            .TP
            .I $XDG_STATE_HOME/readout/history
            The prompt's history (never written by scripts).
            .TP
            .I Sessions/
            Where \\fBsave\\fR \\fINAME\\fR writes \\fINAME\\fR.json (\\fBset sessions=\\fR changes it).
            .SH ENVIRONMENT
            .TP
            .B NO_COLOR
            No colour in tables.
            .TP
            .B READOUT_DATA
            The folder of word lists, when not beside the binary or in ../share/readout.
            .SH EXAMPLES
            .nf
            readout \\-\\-load seeds/
            readout \\-c 'load seeds/' \\-c 'quotes who=Psaki' \\-\\-format json
            readout \\-\\-format jsonl \\-c 'load articles/' \\-c entities | jq .name
            .fi

            """
        return out
    }

    /// The `TITLE:` sections of ArgumentParser's help, each a list of (flag or argument, text);
    /// `columns` is wide enough that every entry is on one line.
    static func sections(_ help: String) -> [(String, [(String, String)])] {
        var out: [(String, [(String, String)])] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if let last = line.last, last == ":", !line.hasPrefix(" "), line == line.uppercased() {
                out.append((String(line.dropLast()), []))
            } else if line.hasPrefix("  "), !out.isEmpty {
                let body = line.drop { $0 == " " }
                guard let gap = body.range(of: "  ") else {
                    // an entry whose text is on the next line
                    out[out.count - 1].1.append((String(body), ""))
                    continue
                }
                let term = String(body[..<gap.lowerBound])
                let text = body[gap.upperBound...].trimmingCharacters(in: .whitespaces)
                out[out.count - 1].1.append((term, text))
            }
        }
        return out
    }

    /// `-c, --command <command>` in roff: flags bold, `<value>` italic.
    static func bold(_ term: String) -> String {
        term.split(separator: " ").map { w -> String in
            let word = String(w)
            if word.hasPrefix("<") {
                let name = word.trimmingCharacters(in: CharacterSet(charactersIn: "<>.,"))
                return "\\fI\(escape(name))\\fR" + (word.hasSuffix("...") ? " ..." : "")
            }
            let comma = word.hasSuffix(",")
            let flag = comma ? String(word.dropLast()) : word
            return "\\fB\(escape(flag))\\fR" + (comma ? "," : "")
        }.joined(separator: " ")
    }

    /// Text made safe for roff: backslashes and hyphens escaped, no line starting with `.` or `'`.
    static func escape(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
        return t
    }
}
