import Foundation
import SQLKit
import TrellisCore

/// Coaching relationships, each whole as JSON beside the columns lists read (coach, educator, state).
public struct CoachingRelationshipStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A relationship as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let relationship: CoachingRelationship
        public let version: Int
    }

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    /// Someone else changed the relationship in between (both sides answered at once, or a double click).
    public struct Conflict: Error, Hashable {}

    /// Records a new proposal. The pair already having a current relationship is a `duplicate("relationship")`,
    /// also when two proposals race.
    public func create(_ relationship: CoachingRelationship) async throws {
        precondition(relationship.organizationID == organizationID, "a relationship is kept in its own district")
        defer { executor.forgetCaseloadsAndTimelines(in: organizationID, coach: relationship.coachID) }
        do {
            try await executor.execute("""
                INSERT INTO coaching_relationships (id, organization_id, coach_id, educator_id, state, document, version, proposed_at)
                VALUES (\(bind: relationship.id.rawValue), \(bind: organizationID.rawValue), \(bind: relationship.coachID.rawValue),
                        \(bind: relationship.educatorID.rawValue), \(bind: relationship.state.rawValue),
                        \(bind: try Self.encode(relationship)), 1, \(bind: relationship.proposedAt.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("relationship")
        }
    }

    public func find(_ id: CoachingRelationship.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM coaching_relationships
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the relationship since `version` was read; otherwise `Conflict`.
    public func update(_ relationship: CoachingRelationship, expecting version: Int) async throws {
        defer { executor.forgetCaseloadsAndTimelines(in: organizationID, coach: relationship.coachID) }
        let changed = try await executor.scalar("""
            UPDATE coaching_relationships SET state = \(bind: relationship.state.rawValue),
                document = \(bind: try Self.encode(relationship)), version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: relationship.id.rawValue)
                AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else {
            guard try await find(relationship.id) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
    }

    /// The pair's proposed or active relationship, if any.
    public func current(coach: Person.ID, educator: Person.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM coaching_relationships
            WHERE organization_id = \(bind: organizationID.rawValue) AND coach_id = \(bind: coach.rawValue)
                AND educator_id = \(bind: educator.rawValue) AND state IN ('proposed', 'active')
            """, as: Row.self).map(decode)
    }

    /// A coach's relationships in the given states, oldest proposal first.
    public func relationships(coach: Person.ID, in states: [CoachingRelationship.State]) async throws -> [Stored] {
        try await list(column: "coach_id", person: coach, states: states)
    }

    /// An educator's relationships in the given states, oldest proposal first.
    public func relationships(educator: Person.ID, in states: [CoachingRelationship.State]) async throws -> [Stored] {
        try await list(column: "educator_id", person: educator, states: states)
    }

    private func list(column: String, person: Person.ID, states: [CoachingRelationship.State]) async throws -> [Stored] {
        guard !states.isEmpty else { return [] }
        let stateList = SQLList(states.map { SQLBind($0.rawValue) })
        return try await executor.all("""
            SELECT document, version FROM coaching_relationships
            WHERE organization_id = \(bind: organizationID.rawValue) AND \(ident: column) = \(bind: person.rawValue)
                AND state IN (\(stateList))
            ORDER BY proposed_at, id
            """, as: Row.self).map(decode)
    }

    private func decode(_ row: Row) throws -> Stored {
        let relationship = try JSONDecoder().decode(CoachingRelationship.self, from: Data(row.document.utf8))
        guard relationship.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(relationship: relationship, version: row.version)
    }

    static func encode(_ relationship: CoachingRelationship) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(relationship), as: UTF8.self)
    }
}

extension OrganizationScope {
    public var coachingRelationships: CoachingRelationshipStore {
        CoachingRelationshipStore(executor: executor, organizationID: organizationID)
    }
}
