import CLibEdit
import Glibc
import ReadoutWorkbench

/// Interactive line input through libedit's readline-compatible API: editing,
/// in-memory history and Tab completion. Used only when stdin is a terminal and
/// only from the main thread (libedit's state is process-global).
@MainActor
final class LineEditor {
    /// What one call to `read(prompt:)` produced.
    enum Input: Equatable {
        /// A line was entered (without its newline; may be empty).
        case line(String)
        /// Ctrl-C (or another handled signal) cancelled the line being typed.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
    }

    /// Completion candidates for the word at `cursor` (a character offset) in `line`.
    typealias Completer = (_ line: String, _ cursor: Int) -> [String]

    /// Words end at spaces, tabs, `;` and `=`: the workbench completes `type=PERSON` as one
    /// word and the bridge hands libedit the part after `=`, so a list of values shows the
    /// values (`Jen Psaki  Joseph Biden`), not `who=` before each.
    static let wordBreakCharacters = " \t\n;="

    /// Sets up libedit. `completer` answers Tab.
    init(completer: @escaping Completer) {
        LineEditor.enableMultibyteEditing()
        // libedit keeps these pointers: give it copies that live as long as the process.
        readout_rl_set_name(strdup("readout"))
        readout_rl_set_word_breaks(strdup(LineEditor.wordBreakCharacters))
        // libedit restores the terminal and re-raises fatal signals while reading.
        readout_rl_set_catch_signals(1)
        CompletionBridge.completer = completer
        readout_rl_set_completion_hook(completionHook)
        _ = rl_initialize()
        Signals.preparePromptGuard()
    }

    /// Reads one line, showing `prompt`. The terminal is back in normal mode when this returns.
    func read(prompt: String) -> Input {
        _ = Signals.takeInterrupt()
        let raw = Signals.readingLine { readline(prompt) }
        defer { free(raw) }
        // A signal handler cuts the read short (see `Signals`): whatever libedit
        // returned then, the line was cancelled.
        if Signals.takeInterrupt() || Signals.pendingTermination != nil { return .interrupted }
        guard let raw else { return .endOfInput }
        return .line(PathBytes.decode(cString: raw))
    }

    /// Libedit edits multi-byte characters only under a multi-byte locale. Use the
    /// user's; if that is plain C/POSIX, use C.UTF-8 (Swift strings are UTF-8 anyway).
    static func enableMultibyteEditing() {
        setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
            if current == "C" || current == "POSIX" {
                setlocale(LC_CTYPE, "C.UTF-8")
            }
        }
    }
}

/// Carries completion state between libedit's C callbacks, which cannot capture
/// context. They are only ever called on the main thread, inside `readline`.
@MainActor
enum CompletionBridge {
    /// The workbench's completion function.
    static var completer: LineEditor.Completer?
    /// Candidates of the completion in progress, handed out by the generator.
    static var pending: [String] = []
    /// The next candidate the generator hands out.
    static var nextIndex = 0

    /// Candidates for libedit's word `text` (the part of the word before the cursor),
    /// given the whole line and the cursor as a byte offset into it.
    static func candidates(word text: String, line: [UInt8], cursorByte: Int) -> [String] {
        guard let completer else { return [] }
        let before = String(decoding: line.prefix(max(0, min(cursorByte, line.count))), as: UTF8.self)
        let lineText = String(decoding: line, as: UTF8.self)
        var result = completer(lineText, before.count)
        // libedit leaves a leading quote out of its word; the workbench keeps it.
        // Drop what the workbench has in front of libedit's word from each candidate.
        let workbenchWord = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
            .split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        if workbenchWord != text, workbenchWord.hasSuffix(text) {
            let extra = String(workbenchWord.dropLast(text.count))
            result = result.map { $0.hasPrefix(extra) ? String($0.dropFirst(extra.count)) : $0 }
        }
        return result
    }

    /// Whether a unique completion should be followed by a space: not after a
    /// folder (`seeds/`) or a key waiting for its value (`type=`).
    static func appendsSpace(after candidate: String) -> Bool {
        !(candidate.hasSuffix("/") || candidate.hasSuffix("="))
    }
}

/// libedit's `rl_attempted_completion_function`: asks the workbench, then lets
/// `rl_completion_matches` build the list (it also computes the common prefix).
private let completionHook: @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, _, _ in
    readout_rl_completion_over()
    guard let text else { return nil }
    let word = String(cString: text)
    let line: [UInt8]
    if let buffer = readout_rl_line_buffer() {
        line = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                                         count: strlen(buffer)))
    } else {
        line = []
    }
    let cursor = Int(readout_rl_point())
    let found = MainActor.assumeIsolated { () -> Int in
        let candidates = CompletionBridge.candidates(word: word, line: line, cursorByte: cursor)
        CompletionBridge.pending = candidates
        let space = candidates.count != 1 || CompletionBridge.appendsSpace(after: candidates[0])
        readout_rl_set_append_character(space ? 0x20 : 0)
        return candidates.count
    }
    guard found > 0 else { return nil }
    return readout_rl_completion_matches(text, completionGenerator)
}

/// The generator for `rl_completion_matches`: state 0 starts over; each call
/// returns the next candidate in memory libedit frees, then NULL.
private let completionGenerator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
    let next = MainActor.assumeIsolated { () -> String? in
        if state == 0 { CompletionBridge.nextIndex = 0 }
        let index = CompletionBridge.nextIndex
        guard index < CompletionBridge.pending.count else { return nil }
        CompletionBridge.nextIndex += 1
        return CompletionBridge.pending[index]
    }
    guard let next else { return nil }
    return strdup(next)
}
