import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing, run on a thread pool so that its deliberate slowness never stalls request handling.
public struct PasswordHasher: Sendable {
    /// bcrypt's cost: 12 in production; tests use the minimum to stay fast.
    public let cost: UInt8

    /// A hash of nothing anyone knows, checked when an email is unknown so that the answer takes as long
    /// as for a real account and timing does not reveal which emails exist.
    let decoyHash: String

    public init(cost: UInt8 = 12) {
        self.cost = cost
        self.decoyHash = Bcrypt.hash(OneTimeToken.make(), cost: cost)
    }

    /// Takes as long as `verify` and always fails.
    public func verifyDecoy(_ password: String) async throws {
        _ = try await verify(password, against: decoyHash)
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
