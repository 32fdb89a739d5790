import Glibc

/// The process environment, read a variable at a time (`getenv`). Building Foundation's
/// `ProcessInfo.processInfo.environment` dictionary took about 0.3 ms of every start, for the
/// four variables the executable reads.
struct Environment: Sendable {
    private let lookup: @Sendable (String) -> String?

    /// This process's environment.
    static let process = Environment { name in getenv(name).map { String(cString: $0) } }

    /// An environment of these variables (for tests).
    init(_ variables: [String: String]) {
        lookup = { variables[$0] }
    }

    private init(lookup: @escaping @Sendable (String) -> String?) {
        self.lookup = lookup
    }

    /// The value of variable `name`, or nil when it is not set.
    subscript(_ name: String) -> String? { lookup(name) }
}
