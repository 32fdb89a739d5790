import ReadoutEngine
import XCTest

/// Where the data folder is looked for: beside the executable, then PREFIX/share/readout.
final class DataFilesLookupTests: XCTestCase {
    func testCandidatesFollowTheExecutable() {
        XCTAssertEqual(DataFiles.candidates(executable: "/usr/local/bin/readout", override: nil),
                       ["/usr/local/bin/Readout_ReadoutEngine.resources/Data", "/usr/local/share/readout"])
        XCTAssertEqual(DataFiles.candidates(executable: "/bin/readout", override: nil),
                       ["/bin/Readout_ReadoutEngine.resources/Data", "/share/readout"])
        XCTAssertEqual(DataFiles.candidates(executable: "/readout", override: nil),
                       ["/Readout_ReadoutEngine.resources/Data", "/share/readout"])
        XCTAssertEqual(DataFiles.candidates(executable: nil, override: nil), [])
    }

    func testTheOverrideIsTheOnlyPlaceWhenSet() {
        XCTAssertEqual(DataFiles.candidates(executable: "/usr/bin/readout", override: "/data"), ["/data"])
        XCTAssertEqual(DataFiles.candidates(executable: "/usr/bin/readout", override: ""),
                       ["/usr/bin/Readout_ReadoutEngine.resources/Data", "/usr/share/readout"])
    }

    func testTheTestsFindTheirData() {
        XCTAssertNotNil(DataFiles.search.folder, "looked in \(DataFiles.search.looked)")
        XCTAssertNil(DataFiles.missingFolderProblem)
    }
}
