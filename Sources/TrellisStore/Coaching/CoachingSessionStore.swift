import Foundation
import SQLKit
import TrellisCore

/// Coaching sessions, each whole as JSON (notes, observation, feedback) beside what lists and counts read: who, the
/// educator's school when it was held, the kind, the day, the start and the minutes.
public struct CoachingSessionStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A session as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let session: CoachingSession
        public let version: Int
    }

    public typealias Conflict = CoachingRelationshipStore.Conflict

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    /// Records a session of `relationship`. `schoolID` is the educator's school today, kept with the session so counts
    /// per school stay true after the educator moves.
    public func create(_ session: CoachingSession, in relationship: CoachingRelationship, schoolID: School.ID?, at now: Date) async throws {
        precondition(session.organizationID == organizationID && relationship.id == session.relationshipID,
                     "a session is kept in its own district and relationship")
        defer { executor.forgetCaseloadsAndTimelines(in: organizationID, coach: relationship.coachID) }
        try await executor.execute("""
            INSERT INTO coaching_sessions (id, organization_id, relationship_id, cycle_id, coach_id, educator_id, school_id, kind,
                                           held_on, starts_minute, minutes, document, version, created_at)
            VALUES (\(bind: session.id.rawValue), \(bind: organizationID.rawValue), \(bind: relationship.id.rawValue),
                    \(bind: session.cycleID?.rawValue), \(bind: relationship.coachID.rawValue), \(bind: relationship.educatorID.rawValue),
                    \(bind: schoolID?.rawValue), \(bind: session.kind.rawValue), \(bind: session.timing.date.iso),
                    \(bind: session.timing.startsAt?.minuteOfDay), \(bind: session.timing.minutes),
                    \(bind: try DocumentJSON.encode(session)), 1, \(bind: now.millisecondsSince1970))
            """)
    }

    public func find(_ id: CoachingSession.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM coaching_sessions
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the session since `version` was read; returns the new version, otherwise `Conflict`.
    @discardableResult
    public func update(_ session: CoachingSession, expecting version: Int) async throws -> Int {
        // A session does not name its coach: forget every caseload of the district that may show it.
        defer { executor.forgetCaseloadsAndTimelines(in: organizationID) }
        let changed = try await executor.scalar("""
            UPDATE coaching_sessions SET cycle_id = \(bind: session.cycleID?.rawValue), kind = \(bind: session.kind.rawValue),
                held_on = \(bind: session.timing.date.iso), starts_minute = \(bind: session.timing.startsAt?.minuteOfDay),
                minutes = \(bind: session.timing.minutes), document = \(bind: try DocumentJSON.encode(session)), version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: session.id.rawValue) AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else {
            guard try await find(session.id) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
        return changed
    }

    /// The relationship's sessions in the order they happened.
    public func sessions(relationship: CoachingRelationship.ID) async throws -> [Stored] {
        try await list("relationship_id = \(bind: relationship.rawValue)")
    }

    /// A cycle's sessions in the order they happened.
    public func sessions(cycle: CoachingCycle.ID) async throws -> [Stored] {
        try await list("cycle_id = \(bind: cycle.rawValue)")
    }

    private func list(_ condition: SQLQueryString) async throws -> [Stored] {
        // Untimed contacts first on their day; COALESCE because the two databases put NULL at opposite ends.
        try await executor.all("""
            SELECT document, version FROM coaching_sessions
            WHERE organization_id = \(bind: organizationID.rawValue) AND \(condition)
            ORDER BY held_on, COALESCE(starts_minute, -1), created_at, id
            """, as: Row.self).map(decode)
    }

    private func decode(_ row: Row) throws -> Stored {
        let session = try JSONDecoder().decode(CoachingSession.self, from: Data(row.document.utf8))
        guard session.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(session: session, version: row.version)
    }
}

extension OrganizationScope {
    public var coachingSessions: CoachingSessionStore { CoachingSessionStore(executor: executor, organizationID: organizationID) }
}
