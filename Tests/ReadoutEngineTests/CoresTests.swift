import XCTest
@testable import ReadoutEngine

/// The core count the analysis spreads over: online processors, capped by a cgroup CPU quota.
final class CoresTests: XCTestCase {
    func testCgroupV2LinesGiveWholeCores() {
        XCTAssertEqual(Cores.quota(cpuMax: "200000 100000"), 2)
        XCTAssertEqual(Cores.quota(cpuMax: "150000 100000"), 2) // 1.5 CPUs round up
        XCTAssertEqual(Cores.quota(cpuMax: "50000 100000"), 1)
        XCTAssertNil(Cores.quota(cpuMax: "max 100000"))
        XCTAssertNil(Cores.quota(cpuMax: ""))
        XCTAssertNil(Cores.quota(cpuMax: "100000"))
    }

    func testCgroupV1QuotaOfMinusOneIsNone() {
        XCTAssertNil(Cores.quota(microseconds: "-1", period: "100000"))
        XCTAssertEqual(Cores.quota(microseconds: "300000", period: "100000"), 3)
        XCTAssertNil(Cores.quota(microseconds: "300000", period: "0"))
    }

    func testCpusetListsAreCounted() {
        XCTAssertEqual(Cores.cpus(inList: "0-1"), 2)
        XCTAssertEqual(Cores.cpus(inList: "0-3,8,10-11"), 7)
        XCTAssertEqual(Cores.cpus(inList: "5"), 1)
        XCTAssertNil(Cores.cpus(inList: ""))
        XCTAssertNil(Cores.cpus(inList: "3-1"))
        XCTAssertNil(Cores.cpus(inList: "a-b"))
    }

    func testTheCountIsFoundationsWithoutFoundation() {
        XCTAssertGreaterThanOrEqual(Cores.available, 1)
        XCTAssertLessThanOrEqual(Cores.available, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        // Foundation reads the same limits, at a higher price
        XCTAssertEqual(Cores.available, ProcessInfo.processInfo.activeProcessorCount)
    }
}
