import Foundation
import SQLKit
import TrellisCore

/// Finds an account by email across the installation: sign-in happens before anyone's district is known.
/// It returns only what checking a password needs; everything after goes through an `OrganizationScope`.
public struct SignInLookup: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public struct Credentials: Sendable {
        public let personID: Person.ID
        public let organizationID: Organization.ID
        public let passwordHash: String?
        public let isActive: Bool
        public let credentialVersion: Int
    }

    private struct Row: Decodable, Sendable {
        let id: String
        let organizationId: String
        let passwordHash: String?
        let isActive: Bool
        let credentialVersion: Int
    }

    public func credentials(for email: EmailAddress) async throws -> Credentials? {
        guard let row = try await executor.first("""
            SELECT id, organization_id, password_hash, is_active, credential_version FROM people WHERE email = \(bind: email.value)
            """, as: Row.self) else { return nil }
        return Credentials(personID: .init(row.id), organizationID: .init(row.organizationId), passwordHash: row.passwordHash,
                           isActive: row.isActive, credentialVersion: row.credentialVersion)
    }
}
