import TrellisCore
import TrellisStore

/// Reading the audit log, with the names of the people it mentions.
public struct AuditService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public struct Page: Sendable {
        public let events: [AuditEvent]
        public let names: [Person.ID: String]
        public let hasMore: Bool
    }

    /// The newest events first, `size` at a time.
    public func page(_ actor: Actor, number: Int, size: Int = 100) async throws -> Page {
        guard Policy.can(actor, .read, .auditLog(actor.organizationID)) else { throw ServiceError.forbidden }
        let scope = env.scope(actor)
        let events = try await scope.audit.recent(limit: size + 1, offset: max(0, number - 1) * size)
        let shown = Array(events.prefix(size))
        return Page(events: shown, names: try await scope.people.names(of: Self.people(in: shown)), hasMore: events.count > size)
    }

    static func people(in events: [AuditEvent]) -> Set<Person.ID> {
        Set(events.flatMap { [$0.actorID, $0.subjectID].compactMap { $0 } })
    }
}
