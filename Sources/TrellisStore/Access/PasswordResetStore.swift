import Foundation
import SQLKit
import TrellisCore

/// One-time links to set a password. Only the token's hash is stored.
public struct PasswordResetStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    public func issue(token: String, for person: Person.ID, by issuer: Person.ID?, at date: Date, expiresAt: Date) async throws {
        // A new link replaces any earlier one that was not used.
        try await executor.execute("""
            UPDATE password_resets SET used_at = \(bind: date.millisecondsSince1970)
            WHERE person_id = \(bind: person.rawValue) AND organization_id = \(bind: organizationID.rawValue) AND used_at IS NULL
            """)
        try await executor.execute("""
            INSERT INTO password_resets (token_hash, organization_id, person_id, issued_by, created_at, expires_at)
            VALUES (\(bind: SessionStore.hash(token)), \(bind: organizationID.rawValue), \(bind: person.rawValue),
                    \(bind: issuer?.rawValue), \(bind: date.millisecondsSince1970), \(bind: expiresAt.millisecondsSince1970))
            """)
    }

    /// Marks the link used and returns its person, if it is unused and unexpired.
    public func redeem(token: String, at date: Date) async throws -> Person.ID? {
        struct Row: Decodable, Sendable { let personId: String }
        return try await executor.first("""
            UPDATE password_resets SET used_at = \(bind: date.millisecondsSince1970)
            WHERE token_hash = \(bind: SessionStore.hash(token)) AND organization_id = \(bind: organizationID.rawValue)
              AND used_at IS NULL AND expires_at > \(bind: date.millisecondsSince1970)
            RETURNING person_id
            """, as: Row.self).map { Person.ID($0.personId) }
    }
}

/// Finds which district a reset link belongs to, before anyone is signed in.
public struct PasswordResetLookup: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    /// The organization and person of a usable link, or nil when it is unknown, used or expired.
    public func find(token: String, at date: Date) async throws -> (organizationID: Organization.ID, personID: Person.ID)? {
        struct Row: Decodable, Sendable { let organizationId: String; let personId: String }
        guard let row = try await executor.first("""
            SELECT organization_id, person_id FROM password_resets
            WHERE token_hash = \(bind: SessionStore.hash(token)) AND used_at IS NULL AND expires_at > \(bind: date.millisecondsSince1970)
            """, as: Row.self) else { return nil }
        return (.init(row.organizationId), .init(row.personId))
    }
}
