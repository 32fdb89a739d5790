import Foundation
import FuzzReplay
import ReadoutEngine

/// Analyses arbitrary bytes as an article and checks the engine's invariants:
/// every span lies within the document, on scalar boundaries, in order.
func fuzzEngine(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let doc = Document(id: "fuzz", text: text)
    let n = doc.bytes.count
    func check(_ r: TextRange, _ what: String) {
        precondition(r.start >= 0 && r.end <= n && r.start <= r.end, "\(what) \(r) outside 0..<\(n)")
        precondition(r.start == n || doc.bytes[r.start] & 0xC0 != 0x80, "\(what) starts mid-scalar")
        precondition(r.end == n || doc.bytes[r.end] & 0xC0 != 0x80, "\(what) ends mid-scalar")
    }
    var prev = 0
    for t in doc.tokens {
        check(t.range, "token")
        precondition(t.range.start >= prev, "tokens out of order")
        prev = t.range.end
    }
    for s in doc.sentences { check(s.range, "sentence") }
    for p in doc.paragraphs { check(p.range, "paragraph") }
    let a = Analyzer().analyze([doc])
    for m in a.documents[0].mentions { check(m.range, "mention") }
    for q in a.quotes {
        check(q.content, "quote content")
        check(q.span, "quote span")
        if let r = q.speakerRange { check(r, "speaker") }
        if let r = q.cueRange { check(r, "cue") }
    }
    for e in a.entities { precondition(!e.mentions.isEmpty, "entity without mentions") }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzEngine(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
#else
/// Without FUZZING: replays the files named on the command line (crash reproducers, seed corpora).
@main
struct Replay {
    static func main() {
        let n = replayInputs(Array(CommandLine.arguments.dropFirst())) { fuzzEngine($0) }
        print("replayed \(n) inputs, no invariant broken")
    }
}
#endif
