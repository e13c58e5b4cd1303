import Crypto
import Foundation
import TrellisStore

/// Keeps a form whose sign-in expired before it was sent (a long observation typed during a lesson), so it can be
/// saved once the person signs in again. What is kept is applied as whoever signs in, through the usual services
/// and `Policy`; someone who may not write it gets the usual refusal, and nothing is written.
public struct HeldFormService: Sendable {
    let env: ServiceEnvironment
    /// How long a kept form waits for its person.
    public let lifetime: TimeInterval

    public init(_ env: ServiceEnvironment, lifetime: TimeInterval = 24 * 3600) {
        self.env = env
        self.lifetime = lifetime
    }

    /// A form as it was sent, and where.
    public struct Held: Sendable, Hashable {
        public let path: String
        public let body: String
    }

    /// Keeps a form posted to `path`, to apply on `page`; returns the token the browser holds to claim it (only its
    /// hash is stored).
    public func hold(path: String, page: String, body: String) async throws -> String {
        let token = OneTimeToken.make()
        let now = env.clock.now()
        try await HeldSubmissionStore(env.database).hold(tokenHash: SHA256.hex(of: Data(token.utf8)), path: path, page: page, body: body,
                                                         at: now, forgetBefore: now.addingTimeInterval(-lifetime))
        return token
    }

    /// The form kept for `token` to apply on `page`, taken so it is applied once; nil when there is none or it waited
    /// too long.
    public func take(token: String, page: String) async throws -> Held? {
        guard let held = try await HeldSubmissionStore(env.database).take(
            tokenHash: SHA256.hex(of: Data(token.utf8)), page: page, notBefore: env.clock.now().addingTimeInterval(-lifetime)) else { return nil }
        return Held(path: held.path, body: held.body)
    }
}
