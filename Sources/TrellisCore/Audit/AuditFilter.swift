import Foundation

/// Which audit events a district admin asks to see: by kind, by person and by time.
public struct AuditFilter: Sendable, Hashable {
    /// Which kinds of event.
    public enum Kinds: Sendable, Hashable {
        /// Every kind.
        case all
        /// Every kind but sign-ins and sign-outs, which outnumber everything else many times over in a school day.
        /// Failed and refused sign-ins stay: they are what an admin looks for after a break-in attempt.
        case allButSignIns
        /// One kind only.
        case only(AuditEvent.Kind)

        /// The kinds left out, for the store's `NOT IN`; empty when none are.
        public var excluded: [AuditEvent.Kind] {
            if case .allButSignIns = self { return Self.routine }
            return []
        }

        /// Sign-ins and sign-outs: routine, and most of the log.
        public static let routine: [AuditEvent.Kind] = [.signedIn, .signedOut]
    }

    public var kinds: Kinds
    /// Part of a name or email: events by or about the people who match.
    public var person: String?
    /// Events at or after this moment.
    public var from: Date?
    /// Events before this moment.
    public var until: Date?

    public init(kinds: Kinds = .allButSignIns, person: String? = nil, from: Date? = nil, until: Date? = nil) {
        self.kinds = kinds
        self.person = person.flatMap { $0.isEmpty ? nil : $0 }
        self.from = from
        self.until = until
    }

    /// Every event, newest first: what the admin's home page lists the latest of.
    public static let everything = AuditFilter(kinds: .all)
}

/// Where a page of the audit log starts, by the sequence number the log gives every event as it is written.
/// Paging by sequence rather than by offset keeps every page as fast as the first on a log of millions of events,
/// and a page does not shift when new events arrive while someone reads.
public enum AuditCursor: Sendable, Hashable {
    /// The events written before this one (the next page down, "Older").
    case olderThan(Int64)
    /// The events written after this one (the page above, "Newer").
    case newerThan(Int64)
}
