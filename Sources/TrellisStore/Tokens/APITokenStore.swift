import Foundation
import SQLKit
import TrellisCore

/// One district's API tokens: made, listed and revoked by their owners (or, for service tokens, the district's admins).
/// Only the SHA-256 of a token's secret is stored.
public struct APITokenStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    struct Row: Decodable, Sendable {
        let id: String
        let organizationId: String
        let personId: String
        let kind: String
        let name: String
        let prefix: String
        let scopes: String
        let createdAt: Int64
        let lastUsedAt: Int64?
        let expiresAt: Int64?
        let revokedAt: Int64?

        var token: APIToken {
            APIToken(id: .init(id), organizationID: .init(organizationId), personID: .init(personId),
                     kind: APIGrant.Kind(rawValue: kind) ?? .personal, name: name, prefix: prefix,
                     // A scope no longer known is dropped rather than failing the whole list.
                     scopes: Set(scopes.split(separator: " ").compactMap { APIScope(rawValue: String($0)) }),
                     createdAt: Date(millisecondsSince1970: createdAt), lastUsedAt: lastUsedAt.map(Date.init(millisecondsSince1970:)),
                     expiresAt: expiresAt.map(Date.init(millisecondsSince1970:)), revokedAt: revokedAt.map(Date.init(millisecondsSince1970:)))
        }
    }

    static let columns: SQLQueryString = """
        api_tokens.id, api_tokens.organization_id, api_tokens.person_id, api_tokens.kind, api_tokens.name, api_tokens.prefix,
        api_tokens.scopes, api_tokens.created_at, api_tokens.last_used_at, api_tokens.expires_at, api_tokens.revoked_at
        """

    public func create(_ token: APIToken, secretHash: String) async throws {
        precondition(token.organizationID == organizationID, "a token is made in its own organization's scope")
        try await executor.execute("""
            INSERT INTO api_tokens (id, organization_id, person_id, kind, name, token_hash, prefix, scopes, created_at, expires_at)
            VALUES (\(bind: token.id.rawValue), \(bind: organizationID.rawValue), \(bind: token.personID.rawValue),
                    \(bind: token.kind.rawValue), \(bind: token.name), \(bind: secretHash), \(bind: token.prefix),
                    \(bind: token.sortedScopes.map(\.rawValue).joined(separator: " ")), \(bind: token.createdAt.millisecondsSince1970),
                    \(bind: token.expiresAt?.millisecondsSince1970))
            """)
    }

    /// A person's own tokens (`owner`), or the district's service tokens (nil), newest first, revoked ones included.
    public func tokens(ownedBy owner: Person.ID?) async throws -> [APIToken] {
        let who: SQLQueryString = owner.map { "AND kind = \(bind: APIGrant.Kind.personal.rawValue) AND person_id = \(bind: $0.rawValue)" }
            ?? "AND kind = \(bind: APIGrant.Kind.service.rawValue)"
        return try await executor.all("""
            SELECT \(Self.columns) FROM api_tokens
            WHERE organization_id = \(bind: organizationID.rawValue) \(who)
            ORDER BY created_at DESC, id
            """, as: Row.self).map(\.token)
    }

    public func find(_ id: APIToken.ID) async throws -> APIToken? {
        try await executor.first("""
            SELECT \(Self.columns) FROM api_tokens WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self)?.token
    }

    /// Revokes the token; revoking it again changes nothing (the first time stays the time it was revoked).
    public func revoke(_ id: APIToken.ID, at date: Date) async throws {
        try await executor.execute("""
            UPDATE api_tokens SET revoked_at = \(bind: date.millisecondsSince1970)
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue) AND revoked_at IS NULL
            """)
    }

    /// Notes that the token was used, unless that was already noted less than `interval` before: a busy integration
    /// makes a write a minute, not one per call (and several instances do not each write).
    public func noteUse(_ id: APIToken.ID, at date: Date, interval: TimeInterval = 60) async throws {
        let before = date.addingTimeInterval(-interval).millisecondsSince1970
        try await executor.execute("""
            UPDATE api_tokens SET last_used_at = \(bind: date.millisecondsSince1970)
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
              AND (last_used_at IS NULL OR last_used_at <= \(bind: before))
            """)
    }
}

/// A call's token, found by the hash of its secret before the district is known: the token and its owner's current
/// record (active or not, with their roles), read afresh every time, in one round trip, never from recent reads, so
/// a role change or deactivation applies to the very next call on every instance.
public struct APITokenLookup: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public func find(secretHash: String) async throws -> (token: APIToken, owner: Person)? {
        struct RowWithOwner: Decodable, Sendable {
            let token: APITokenStore.Row
            let email: String
            let displayName: String
            let schoolId: String?
            let isActive: Bool
            let role: String?
            enum Key: String, CodingKey { case email, displayName, schoolId, isActive, role }
            init(from decoder: any Decoder) throws {
                token = try APITokenStore.Row(from: decoder)
                let row = try decoder.container(keyedBy: Key.self)
                email = try row.decode(String.self, forKey: .email)
                displayName = try row.decode(String.self, forKey: .displayName)
                schoolId = try row.decodeIfPresent(String.self, forKey: .schoolId)
                isActive = try row.decode(Bool.self, forKey: .isActive)
                role = try row.decodeIfPresent(String.self, forKey: .role)
            }
        }
        let rows = try await executor.all("""
            SELECT \(APITokenStore.columns), people.email, people.display_name, people.school_id, people.is_active, person_roles.role
            FROM api_tokens
            JOIN people ON people.id = api_tokens.person_id AND people.organization_id = api_tokens.organization_id
            LEFT JOIN person_roles ON person_roles.person_id = people.id AND person_roles.organization_id = people.organization_id
            WHERE api_tokens.token_hash = \(bind: secretHash)
            """, as: RowWithOwner.self)
        guard let first = rows.first, let email = EmailAddress(first.email) else { return nil }
        let token = first.token.token
        let owner = Person(id: token.personID, organizationID: token.organizationID, email: email, displayName: first.displayName,
                           schoolID: first.schoolId.map(School.ID.init), roles: Set(rows.compactMap { $0.role.flatMap(Role.init(rawValue:)) }),
                           isActive: first.isActive)
        return (token, owner)
    }
}

extension OrganizationScope {
    public var apiTokens: APITokenStore { APITokenStore(executor: executor, organizationID: organizationID) }
}
