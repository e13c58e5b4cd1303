import Foundation
import SQLKit
import TrellisCore

/// The audit log of one district: append-only.
public struct AuditStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable {
        let id: String
        let kind: String
        let actorId: String?
        let subjectId: String?
        let detail: String
        let address: String?
        let occurredAt: Int64
    }

    public func append(_ event: AuditEvent) async throws {
        precondition(event.organizationID == organizationID, "an event is recorded in its own organization's log")
        try await executor.execute("""
            INSERT INTO audit_events (id, organization_id, kind, actor_id, subject_id, detail, address, occurred_at)
            VALUES (\(bind: event.id.rawValue), \(bind: organizationID.rawValue), \(bind: event.kind.rawValue),
                    \(bind: event.actorID?.rawValue), \(bind: event.subjectID?.rawValue), \(bind: event.detail),
                    \(bind: event.address), \(bind: event.occurredAt.millisecondsSince1970))
            """)
    }

    /// The newest events first; optionally only those about or by one person.
    public func recent(limit: Int = 100, offset: Int = 0, person: Person.ID? = nil) async throws -> [AuditEvent] {
        let personFilter: SQLQueryString = person.map {
            "AND (actor_id = \(bind: $0.rawValue) OR subject_id = \(bind: $0.rawValue))"
        } ?? ""
        let rows = try await executor.all("""
            SELECT id, kind, actor_id, subject_id, detail, address, occurred_at FROM audit_events
            WHERE organization_id = \(bind: organizationID.rawValue) \(personFilter)
            ORDER BY occurred_at DESC, seq DESC LIMIT \(literal: limit) OFFSET \(literal: offset)
            """, as: Row.self)
        return rows.compactMap { row in
            guard let kind = AuditEvent.Kind(rawValue: row.kind) else { return nil }
            return AuditEvent(id: .init(row.id), organizationID: organizationID, kind: kind,
                              actorID: row.actorId.map(Person.ID.init), subjectID: row.subjectId.map(Person.ID.init),
                              detail: row.detail, address: row.address, occurredAt: Date(millisecondsSince1970: row.occurredAt))
        }
    }

    public func count() async throws -> Int {
        try await executor.scalar("SELECT COUNT(*) FROM audit_events WHERE organization_id = \(bind: organizationID.rawValue)")
    }
}
