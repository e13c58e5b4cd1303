import Foundation
import SQLKit

/// Forms that arrived after their sign-in had expired, kept until the person signs in again. Reached by the SHA-256
/// of a token only the browser holds; taken once. Not district-scoped: nobody is known to be signed in when one is
/// kept, and applying it later goes through the policy as the person who signed in.
public struct HeldSubmissionStore: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public struct Held: Sendable, Hashable {
        public let path: String
        public let body: String
    }

    private struct Row: Decodable, Sendable {
        let path: String
        let body: String
        let createdAt: Int64
    }

    /// Keeps a form posted to `path`, to apply on `page`, and forgets forms kept before `forgetBefore` that nobody came
    /// back for.
    public func hold(tokenHash: String, path: String, page: String, body: String, at date: Date, forgetBefore: Date) async throws {
        try await executor.execute("DELETE FROM held_submissions WHERE created_at < \(bind: forgetBefore.millisecondsSince1970)")
        try await executor.execute("""
            INSERT INTO held_submissions (token_hash, path, page, body, created_at)
            VALUES (\(bind: tokenHash), \(bind: path), \(bind: page), \(bind: body), \(bind: date.millisecondsSince1970))
            """)
    }

    /// Removes and returns the form kept under `tokenHash` to apply on `page`, unless it was kept before `notBefore`. Two
    /// tabs signing in at once cannot both take it: the delete decides.
    public func take(tokenHash: String, page: String, notBefore: Date) async throws -> Held? {
        guard let row = try await executor.first("""
            DELETE FROM held_submissions WHERE token_hash = \(bind: tokenHash) AND page = \(bind: page) RETURNING path, body, created_at
            """, as: Row.self), row.createdAt >= notBefore.millisecondsSince1970 else { return nil }
        return Held(path: row.path, body: row.body)
    }
}
