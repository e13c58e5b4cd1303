import Foundation

/// A token bucket: `burst` requests at once, refilled at `perMinute` a minute. Pure, with time passed in, so the rate
/// limiter's arithmetic is tested without waiting.
public struct TokenBucket: Sendable, Hashable {
    public let perMinute: Int
    public let burst: Int
    public private(set) var available: Double
    public private(set) var updatedAt: Date

    public init(perMinute: Int, burst: Int, now: Date) {
        self.perMinute = max(1, perMinute)
        self.burst = max(1, burst)
        self.available = Double(self.burst)
        self.updatedAt = now
    }

    /// What one request learned: allowed or not, what is left, and (when refused) how long until one more is allowed.
    public struct Decision: Sendable, Hashable {
        public let allowed: Bool
        public let remaining: Int
        /// Whole seconds, at least 1, until the next request would be allowed; 0 when allowed.
        public let retryAfterSeconds: Int
        /// Whole seconds until the bucket is full again.
        public let resetSeconds: Int
    }

    /// Takes one request from the bucket if there is one.
    public mutating func take(now: Date) -> Decision {
        refill(now: now)
        let perSecond = Double(perMinute) / 60
        let allowed = available >= 1
        if allowed { available -= 1 }
        let retry = allowed ? 0 : max(1, Int(((1 - available) / perSecond).rounded(.up)))
        let reset = Int(((Double(burst) - available) / perSecond).rounded(.up))
        return Decision(allowed: allowed, remaining: Int(available.rounded(.down)), retryAfterSeconds: retry, resetSeconds: max(0, reset))
    }

    /// How many requests the bucket would hold at `now`, without taking one.
    public func refilled(at now: Date) -> Double {
        min(Double(burst), available + max(0, now.timeIntervalSince(updatedAt)) * Double(perMinute) / 60)
    }

    private mutating func refill(now: Date) {
        let elapsed = max(0, now.timeIntervalSince(updatedAt))
        available = min(Double(burst), available + elapsed * Double(perMinute) / 60)
        updatedAt = now
    }
}
