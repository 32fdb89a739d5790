import Foundation
import XCTest

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

/// A test case with a fresh `TempFolder` for each test (`folder`, its path `dir`), removed after it.
class TempFolderTestCase: XCTestCase {
    var folder: TempFolder!
    var dir: String! { folder.path }

    override func setUpWithError() throws {
        try super.setUpWithError()
        folder = try TempFolder(String(describing: Self.self))
    }

    override func tearDownWithError() throws {
        folder = nil
        try super.tearDownWithError()
    }
}
