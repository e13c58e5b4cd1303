import Foundation
import SQLKit
import TrellisCore

/// Districts. The only store that is not scoped to one organization, since it defines them.
public struct OrganizationStore: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    struct Row: Codable, Sendable {
        let id: String
        let slug: String
        let name: String
        var organization: Organization { Organization(id: .init(id), slug: slug, name: name) }
    }

    public func create(_ organization: Organization, at date: Date) async throws {
        do {
            try await executor.execute("""
                INSERT INTO organizations (id, slug, name, created_at)
                VALUES (\(bind: organization.id.rawValue), \(bind: organization.slug), \(bind: organization.name), \(bind: date.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("slug")
        }
    }

    public func find(slug: String) async throws -> Organization? {
        try await executor.first("SELECT id, slug, name FROM organizations WHERE slug = \(bind: slug)", as: Row.self)?.organization
    }

    public func find(id: Organization.ID) async throws -> Organization? {
        try await executor.first("SELECT id, slug, name FROM organizations WHERE id = \(bind: id.rawValue)", as: Row.self)?.organization
    }

    public func all() async throws -> [Organization] {
        try await executor.all("SELECT id, slug, name FROM organizations ORDER BY name", as: Row.self).map(\.organization)
    }

    public func count() async throws -> Int {
        try await executor.scalar("SELECT COUNT(*) FROM organizations")
    }
}

/// The stores of one district. Every query they run is limited to that district, so code holding a scope
/// cannot read another district's rows by any id.
public struct OrganizationScope: Sendable {
    public let organizationID: Organization.ID
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor, organizationID: Organization.ID) {
        self.executor = executor
        self.organizationID = organizationID
    }

    public var schools: SchoolStore { SchoolStore(executor: executor, organizationID: organizationID) }
    public var people: PersonStore { PersonStore(executor: executor, organizationID: organizationID) }
    public var audit: AuditStore { AuditStore(executor: executor, organizationID: organizationID) }
    public var passwordResets: PasswordResetStore { PasswordResetStore(executor: executor, organizationID: organizationID) }
}
