import Foundation
import SQLKit
import TrellisCore

/// Coaching cycles, each whole as JSON (focus, goal, look-fors, dates) beside its relationship and start date.
public struct CoachingCycleStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A cycle as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let cycle: CoachingCycle
        public let version: Int
    }

    /// Every coaching store reports a change made in between the same way.
    public typealias Conflict = CoachingRelationshipStore.Conflict

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    public func create(_ cycle: CoachingCycle) async throws {
        precondition(cycle.organizationID == organizationID, "a cycle is kept in its own district")
        try await executor.execute("""
            INSERT INTO coaching_cycles (id, organization_id, relationship_id, starts_on, document, version)
            VALUES (\(bind: cycle.id.rawValue), \(bind: organizationID.rawValue), \(bind: cycle.relationshipID.rawValue),
                    \(bind: cycle.startsOn.iso), \(bind: try DocumentJSON.encode(cycle)), 1)
            """)
    }

    public func find(_ id: CoachingCycle.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM coaching_cycles
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the cycle since `version` was read; returns the new version, otherwise `Conflict`.
    @discardableResult
    public func update(_ cycle: CoachingCycle, expecting version: Int) async throws -> Int {
        let changed = try await executor.scalar("""
            UPDATE coaching_cycles SET starts_on = \(bind: cycle.startsOn.iso), document = \(bind: try DocumentJSON.encode(cycle)),
                version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: cycle.id.rawValue) AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else {
            guard try await find(cycle.id) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
        return changed
    }

    /// The relationship's cycles, the earliest start first.
    public func cycles(relationship: CoachingRelationship.ID) async throws -> [Stored] {
        try await executor.all("""
            SELECT document, version FROM coaching_cycles
            WHERE organization_id = \(bind: organizationID.rawValue) AND relationship_id = \(bind: relationship.rawValue)
            ORDER BY starts_on, id
            """, as: Row.self).map(decode)
    }

    private func decode(_ row: Row) throws -> Stored {
        let cycle = try JSONDecoder().decode(CoachingCycle.self, from: Data(row.document.utf8))
        guard cycle.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(cycle: cycle, version: row.version)
    }
}

extension OrganizationScope {
    public var coachingCycles: CoachingCycleStore { CoachingCycleStore(executor: executor, organizationID: organizationID) }
}
