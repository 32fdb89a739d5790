import Foundation

/// A temporary folder for one test, removed afterwards; `write` creates files (and their folders).
final class TempFolder {
    let path: String

    init(_ label: String) throws {
        path = NSTemporaryDirectory() + "readout-\(label)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` inside the folder.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
