import Foundation
import SQLKit
import TrellisCore

/// The educator's alliance answers, one set per feedback session. Only the coach and that educator ever read them.
public struct AllianceStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable {
        let sessionId: String
        let answeredOn: String
        let answers: String
    }

    /// Keeps one set of answers; a second for the same session is a `duplicate("alliance")`, also when two race.
    public func add(_ answers: AllianceAnswers, relationship: CoachingRelationship.ID) async throws {
        do {
            try await executor.execute("""
                INSERT INTO alliance_answers (session_id, organization_id, relationship_id, answered_on, answers)
                VALUES (\(bind: answers.sessionID.rawValue), \(bind: organizationID.rawValue), \(bind: relationship.rawValue),
                        \(bind: answers.answeredOn.iso), \(bind: try DocumentJSON.encode(answers.answers)))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("alliance")
        }
    }

    /// The answers given after one session, if any.
    public func answers(session: CoachingSession.ID) async throws -> AllianceAnswers? {
        try await executor.first("""
            SELECT session_id, answered_on, answers FROM alliance_answers
            WHERE organization_id = \(bind: organizationID.rawValue) AND session_id = \(bind: session.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Every set of answers in the relationship, the earliest first.
    public func answers(relationship: CoachingRelationship.ID) async throws -> [AllianceAnswers] {
        try await executor.all("""
            SELECT session_id, answered_on, answers FROM alliance_answers
            WHERE organization_id = \(bind: organizationID.rawValue) AND relationship_id = \(bind: relationship.rawValue)
            ORDER BY answered_on, session_id
            """, as: Row.self).map(decode)
    }

    private func decode(_ row: Row) throws -> AllianceAnswers {
        guard let day = CalendarDate(iso: row.answeredOn) else { throw StoreError.notFound }
        let values = try JSONDecoder().decode([Int].self, from: Data(row.answers.utf8))
        return AllianceAnswers(sessionID: .init(row.sessionId), answeredOn: day, answers: values)
    }
}

extension OrganizationScope {
    public var alliance: AllianceStore { AllianceStore(executor: executor, organizationID: organizationID) }
}
