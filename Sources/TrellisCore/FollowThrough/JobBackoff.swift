import Foundation

/// Where a background job stands. Queued jobs wait for their time; a running one is held by one runner until its lease
/// ends; done and failed are final.
public enum JobState: String, Sendable, Hashable, Codable, CaseIterable {
    case queued
    case running
    case done
    case failed

    public var label: String {
        switch self {
        case .queued: "Queued"
        case .running: "Running"
        case .done: "Done"
        case .failed: "Failed"
        }
    }
}

/// How long a failed job waits before its next try: doubling from `base`, capped at `maximum`, so a relay or a database
/// that is down for a while is not hammered, and a short hiccup costs a minute.
public struct JobBackoff: Sendable, Hashable {
    public static let standard = JobBackoff(base: 60, maximum: 6 * 3600, attempts: 5)

    /// Seconds before the second try.
    public let base: TimeInterval
    public let maximum: TimeInterval
    /// Tries in all; after the last the job is failed and shown to the admin.
    public let attempts: Int

    public init(base: TimeInterval, maximum: TimeInterval, attempts: Int) {
        self.base = base
        self.maximum = maximum
        self.attempts = max(1, attempts)
    }

    /// The wait after the `attempt`-th try failed (1 for the first): base, 2×base, 4×base …
    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        let exponent = max(0, min(attempt - 1, 30))
        return min(maximum, base * pow(2, Double(exponent)))
    }

    /// Whether a job that has been tried `attempt` times may try again.
    public func mayRetry(afterAttempt attempt: Int) -> Bool { attempt < attempts }
}
