import Foundation
import SQLKit
import TrellisCore

extension PersonStore {
    /// One page of the district's people in id order, after `position`; optionally only a school's or a role's.
    /// For the API's lists, which page with a cursor instead of an offset.
    public func page(after position: KeysetPosition?, school: School.ID? = nil, role: Role? = nil, limit: Int) async throws -> [Person] {
        let schoolFilter: SQLQueryString = school.map { "AND school_id = \(bind: $0.rawValue)" } ?? ""
        let roleFilter: SQLQueryString = role.map { """
            AND id IN (SELECT person_id FROM person_roles WHERE organization_id = \(bind: organizationID.rawValue) AND role = \(bind: $0.rawValue))
            """ } ?? ""
        let after: SQLQueryString = position.map { "AND id > \(bind: $0.id)" } ?? ""
        let ids = try await executor.all("""
            SELECT id FROM people
            WHERE organization_id = \(bind: organizationID.rawValue) \(schoolFilter) \(roleFilter) \(after)
            ORDER BY id LIMIT \(literal: max(0, limit))
            """, as: IDRow.self).map { Person.ID($0.id) }
        return try await find(ids: Set(ids)).sorted { $0.id.rawValue < $1.id.rawValue }
    }
}

private struct IDRow: Decodable, Sendable { let id: String }
