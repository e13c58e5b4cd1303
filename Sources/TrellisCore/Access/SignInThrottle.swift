import Foundation

/// The record of recent failed sign-ins for one key (an account's email or a network address).
public struct ThrottleState: Sendable, Hashable, Codable {
    public var failures: Int
    public var lastFailureAt: Date?
    public var lockedUntil: Date?

    public init(failures: Int = 0, lastFailureAt: Date? = nil, lockedUntil: Date? = nil) {
        self.failures = failures
        self.lastFailureAt = lastFailureAt
        self.lockedUntil = lockedUntil
    }
}

/// Slows down and then stops password guessing: after a few failures each new attempt must wait
/// longer (1, 2, 4 … seconds), and after many the key is locked for a while. Success clears the record.
///
/// Under parallel attempts the store reserves each attempt before its password is checked (counting it at
/// once), and `decide(reserved:now:)` judges the attempt from that count: attempts still being checked count
/// as failures, so thirty attempts sent together get no more password checks than thirty sent one by one.
public struct SignInThrottle: Sendable, Hashable {
    /// Failures allowed before attempts are slowed.
    public var freeFailures: Int
    /// Failures after which the key is locked.
    public var lockAfter: Int
    /// How long a lock lasts.
    public var lockDuration: TimeInterval
    /// The longest wait between slowed attempts.
    public var maxDelay: TimeInterval
    /// Failures older than this are forgotten.
    public var window: TimeInterval

    public init(freeFailures: Int = 3, lockAfter: Int = 10, lockDuration: TimeInterval = 15 * 60,
                maxDelay: TimeInterval = 30, window: TimeInterval = 15 * 60) {
        self.freeFailures = freeFailures
        self.lockAfter = lockAfter
        self.lockDuration = lockDuration
        self.maxDelay = maxDelay
        self.window = window
    }

    /// Per account: a person who forgot their password gets a fair number of tries.
    public static let perAccount = SignInThrottle()
    /// Per address: a whole school may sit behind one address, so allow more.
    public static let perAddress = SignInThrottle(freeFailures: 10, lockAfter: 50)

    public enum Decision: Sendable, Hashable {
        case allow
        /// Too soon after the last failure: try again after this many seconds.
        case wait(seconds: Int)
        /// Locked until this time.
        case locked(until: Date)
    }

    public func decide(_ state: ThrottleState, now: Date) -> Decision {
        if let lockedUntil = state.lockedUntil, lockedUntil > now { return .locked(until: lockedUntil) }
        let state = current(state, now: now)
        guard state.failures >= freeFailures, let last = state.lastFailureAt else { return .allow }
        let delay = min(maxDelay, pow(2, Double(state.failures - freeFailures)))
        let remaining = last.addingTimeInterval(delay).timeIntervalSince(now)
        return remaining > 0 ? .wait(seconds: Int(remaining.rounded(.up))) : .allow
    }

    /// Whether a reserved attempt may go on to a password check. `reserved` is the state the store returned
    /// after counting this attempt: its failures include this attempt and any others not yet finished.
    public func decide(reserved: ThrottleState, now: Date) -> Decision {
        var before = reserved
        before.failures = max(0, reserved.failures - 1)
        return decide(before, now: now)
    }

    /// Failures before this time are forgotten when the next attempt is reserved.
    public func forgetsFailures(before now: Date) -> Date {
        now.addingTimeInterval(-window)
    }

    /// When a reserved attempt whose password was wrong locks the key: the time the lock ends, or nil when it
    /// does not lock. `reserved` is the state returned when the attempt was reserved.
    public func lock(afterFailing reserved: ThrottleState, now: Date) -> Date? {
        reserved.failures >= lockAfter ? now.addingTimeInterval(lockDuration) : nil
    }

    /// The state after one more failure at `now`.
    public func recordingFailure(_ state: ThrottleState, now: Date) -> ThrottleState {
        var next = current(state, now: now)
        next.failures += 1
        next.lastFailureAt = now
        if next.failures >= lockAfter {
            next.lockedUntil = now.addingTimeInterval(lockDuration)
            next.failures = 0
        }
        return next
    }

    /// Forgets failures that fell out of the window and locks that ended.
    private func current(_ state: ThrottleState, now: Date) -> ThrottleState {
        var state = state
        if let lockedUntil = state.lockedUntil, lockedUntil <= now { state.lockedUntil = nil }
        if let last = state.lastFailureAt, now.timeIntervalSince(last) > window {
            state.failures = 0
            state.lastFailureAt = nil
        }
        return state
    }
}
