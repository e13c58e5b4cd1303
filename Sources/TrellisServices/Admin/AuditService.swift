import TrellisCore
import TrellisStore

/// Reading the audit log, filtered and a page at a time, with the names of the people it mentions.
public struct AuditService: Sendable {
    let env: ServiceEnvironment

    /// How many people a person search may name at once: beyond that the search is too broad to mean anyone.
    public static let personMatchLimit = 100

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// Whom the person search found.
    public enum PersonMatch: Sendable, Hashable {
        /// No search: everyone's events.
        case anyone
        /// This many people match; the page shows their events.
        case matched(Int)
        /// Nobody's name or email contains the text.
        case nobody
        /// More than `personMatchLimit` people match.
        case tooMany
    }

    public struct Page: Sendable {
        public let events: [AuditEvent]
        public let names: [Person.ID: String]
        /// Where the next page down starts, when there are older events.
        public let older: AuditCursor?
        /// Where the page above starts, when there are newer events.
        public let newer: AuditCursor?
        public let people: PersonMatch
    }

    /// The events `filter` asks for, newest first, `size` at a time from `cursor` (nil: the newest).
    public func page(_ actor: Actor, filter: AuditFilter = AuditFilter(), from cursor: AuditCursor? = nil,
                     size: Int = 50) async throws -> Page {
        guard Policy.can(actor, .read, .auditLog(actor.organizationID)) else { throw ServiceError.forbidden }
        let scope = env.scope(actor)
        var people: Set<Person.ID>?
        var match = PersonMatch.anyone
        if let text = filter.person {
            let found = try await scope.audit.people(matching: text, limit: Self.personMatchLimit + 1)
            match = found.isEmpty ? .nobody : found.count > Self.personMatchLimit ? .tooMany : .matched(found.count)
            guard case .matched = match else { return Page(events: [], names: [:], older: nil, newer: nil, people: match) }
            people = Set(found)
        }
        let slice = try await scope.audit.page(filter, people: people, from: cursor, limit: size)
        let events = slice.entries.map(\.event)
        return Page(events: events, names: try await scope.people.names(of: Self.people(in: events)),
                    older: slice.hasOlder ? slice.entries.last.map { .olderThan($0.sequence) } : nil,
                    newer: slice.hasNewer ? slice.entries.first.map { .newerThan($0.sequence) } : nil, people: match)
    }

    static func people(in events: [AuditEvent]) -> Set<Person.ID> {
        Set(events.flatMap { [$0.actorID, $0.subjectID].compactMap { $0 } })
    }
}
