import Foundation
import HTTPTypes
import Hummingbird
import TrellisCore

/// Each token's bucket of requests, in this instance's memory: `perMinute` a minute with bursts of half that. With
/// several instances a token may get up to that much from each; the limit is there to keep one runaway integration
/// from crowding out everyone else, not to meter use exactly, so no shared state is worth a database write per call.
final class APIRateLimiter: @unchecked Sendable {
    let perMinute: Int
    let burst: Int
    private let clock: any TimeSource
    private let lock = NSLock()
    private var buckets: [String: TokenBucket] = [:]
    /// More tokens than this and the full buckets (tokens idle long enough to have refilled) are dropped.
    private let capacity = 10_000

    init(perMinute: Int, clock: any TimeSource) {
        self.perMinute = max(1, perMinute)
        self.burst = max(1, perMinute / 2)
        self.clock = clock
    }

    func take(_ tokenID: String) -> TokenBucket.Decision {
        let now = clock.now()
        return lock.withLock {
            if buckets.count >= capacity { buckets = buckets.filter { $0.value.refilled(at: now) < Double(burst) } }
            var bucket = buckets[tokenID] ?? TokenBucket(perMinute: perMinute, burst: burst, now: now)
            let decision = bucket.take(now: now)
            buckets[tokenID] = bucket
            return decision
        }
    }
}

/// Counts each call against its token's bucket (after authentication, so it is per token) and answers 429 with
/// `Retry-After` once the bucket is empty. Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and
/// `RateLimit-Reset` (seconds), so a client can slow down before it is refused.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let limiter: APIRateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let grant = context.apiGrant else { return try await next(request, context) }
        let decision = limiter.take(grant.tokenID)
        var headers: HTTPFields = [
            .rateLimitLimit: "\(limiter.burst)", .rateLimitRemaining: "\(decision.remaining)", .rateLimitReset: "\(decision.resetSeconds)",
        ]
        guard decision.allowed else {
            headers[.retryAfter] = "\(decision.retryAfterSeconds)"
            throw APIProblem(.tooManyRequests, kind: "rate-limited", title: "Too many requests",
                             detail: "This token may make \(limiter.perMinute) requests a minute, in bursts of up to \(limiter.burst). Try again in \(decision.retryAfterSeconds) s.",
                             headers: headers)
        }
        do {
            var response = try await next(request, context)
            response.headers.append(contentsOf: headers)
            return response
        } catch var problem as APIProblem {
            problem.headers.append(contentsOf: headers)
            throw problem
        }
    }
}

extension HTTPField.Name {
    static let rateLimitLimit = Self("RateLimit-Limit")!
    static let rateLimitRemaining = Self("RateLimit-Remaining")!
    static let rateLimitReset = Self("RateLimit-Reset")!
}
