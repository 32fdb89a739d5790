import Glibc

/// How many cores the analysis spreads over.
public enum Cores {
    /// The online processors, capped by the cgroup's cpuset and CPU quota when they are set (a
    /// container given 1.5 CPUs counts as 2). Read once. Foundation's
    /// `ProcessInfo.activeProcessorCount` gives the same count, but making the `ProcessInfo` and
    /// reading these files through `URL` and `Data` cost about 0.4 ms, and every run of the
    /// workbench asks before its first command.
    public static let available: Int = {
        var count = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let cpuset = firstLine(of: "/sys/fs/cgroup/cpuset.cpus.effective") ?? firstLine(of: "/sys/fs/cgroup/cpuset/cpuset.cpus")
        if let listed = cpuset.flatMap(cpus(inList:)) { count = min(count, listed) }
        if let quota = quota() { count = min(count, quota) }
        return count
    }()

    /// How many processors a cpuset list names (`0-3,8,10-11` names 7), or nil when it names none.
    static func cpus(inList list: String) -> Int? {
        var total = 0
        for part in list.split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = bounds.first.flatMap({ Int($0) }), bounds.count <= 2 else { return nil }
            let last = bounds.count == 2 ? Int(bounds[1]) : first
            guard let last, last >= first else { return nil }
            total += last - first + 1
        }
        return total > 0 ? total : nil
    }

    /// The CPU quota in whole cores (rounded up), or nil when none is set: cgroup v2's
    /// `cpu.max`, else cgroup v1's `cpu.cfs_quota_us` and `cpu.cfs_period_us`.
    static func quota() -> Int? {
        if let cpuMax = firstLine(of: "/sys/fs/cgroup/cpu.max") { return quota(cpuMax: cpuMax) }
        guard let q = firstLine(of: "/sys/fs/cgroup/cpu/cpu.cfs_quota_us"),
              let p = firstLine(of: "/sys/fs/cgroup/cpu/cpu.cfs_period_us") else { return nil }
        return quota(microseconds: q, period: p)
    }

    /// Whole cores from cgroup v2's `cpu.max` line, `QUOTA PERIOD` (`max PERIOD` when unlimited).
    static func quota(cpuMax line: String) -> Int? {
        let fields = line.split(separator: " ")
        guard fields.count == 2 else { return nil }
        return quota(microseconds: fields[0], period: fields[1])
    }

    /// Whole cores from a quota and a period in microseconds (a quota of -1 or `max`: none).
    static func quota<S: StringProtocol>(microseconds q: S, period p: S) -> Int? {
        guard let quota = Int(q), let period = Int(p), quota > 0, period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }

    /// The first line of a small system file (at most a page, as the kernel gives them), or nil
    /// when it cannot be read.
    private static func firstLine(of path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return nil }
        let line = buffer[..<n].prefix { $0 != 0x0A }
        return String(decoding: line, as: UTF8.self)
    }
}
