import Foundation
import SQLKit
import TrellisCore

/// The schools of one district.
public struct SchoolStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    struct Row: Codable, Sendable {
        let id: String
        let organizationId: String
        let name: String
        var school: School { School(id: .init(id), organizationID: .init(organizationId), name: name) }
    }

    public func create(_ school: School, at date: Date) async throws {
        precondition(school.organizationID == organizationID, "a school is created in its own organization's scope")
        // The district's dashboard has a line per school.
        defer { executor.forgetCaseloads(in: organizationID) }
        do {
            try await executor.execute("""
                INSERT INTO schools (id, organization_id, name, created_at)
                VALUES (\(bind: school.id.rawValue), \(bind: organizationID.rawValue), \(bind: school.name), \(bind: date.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("name")
        }
    }

    public func rename(_ id: School.ID, to name: String) async throws {
        // Caseloads and dashboards show school names.
        defer { executor.forgetCaseloads(in: organizationID) }
        do {
            let changed = try await executor.scalar("""
                UPDATE schools SET name = \(bind: name)
                WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
                RETURNING 1
                """)
            if changed == 0 { throw StoreError.notFound }
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("name")
        }
    }

    public func find(_ id: School.ID) async throws -> School? {
        try await executor.first("""
            SELECT id, organization_id, name FROM schools
            WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
            """, as: Row.self)?.school
    }

    public func all() async throws -> [School] {
        try await executor.all("""
            SELECT id, organization_id, name FROM schools
            WHERE organization_id = \(bind: organizationID.rawValue) ORDER BY name
            """, as: Row.self).map(\.school)
    }

    /// How many active people each school has, for the schools page.
    public func headcounts() async throws -> [School.ID: Int] {
        struct Count: Decodable, Sendable { let schoolId: String; let people: Int }
        let rows = try await executor.all("""
            SELECT school_id, COUNT(*) AS people FROM people
            WHERE organization_id = \(bind: organizationID.rawValue) AND school_id IS NOT NULL AND is_active = \(bind: true)
            GROUP BY school_id
            """, as: Count.self)
        return Dictionary(uniqueKeysWithValues: rows.map { (School.ID($0.schoolId), $0.people) })
    }
}
