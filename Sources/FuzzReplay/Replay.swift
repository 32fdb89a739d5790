import Foundation

/// Runs `body` on every file named in `arguments` (folders are read recursively, in name order):
/// how a fuzz target built without FUZZING replays crash reproducers and seed corpora.
/// Returns the number of inputs replayed.
public func replayInputs(_ arguments: [String], _ body: (UnsafeRawBufferPointer) -> Void) -> Int {
    var n = 0
    for path in arguments {
        var files = [path]
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue,
           let e = FileManager.default.enumerator(atPath: path) {
            files = e.compactMap { $0 as? String }.sorted().map { path + "/" + $0 }
        }
        for f in files {
            guard let d = FileManager.default.contents(atPath: f) else { continue }
            d.withUnsafeBytes { body($0) }
            n += 1
        }
    }
    return n
}
