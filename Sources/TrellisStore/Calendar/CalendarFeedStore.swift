import Crypto
import Foundation
import SQLKit
import TrellisCore

/// Each person's private calendar address, kept only as the SHA-256 of its token: making a new one replaces the old,
/// which then opens nothing.
public struct CalendarFeedStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// Gives the person the address whose token hashes to `tokenHash`, ending any earlier one.
    public func replace(for person: Person.ID, tokenHash: String, at date: Date) async throws {
        try await executor.execute("""
            INSERT INTO calendar_feeds (person_id, organization_id, token_hash, created_at)
            VALUES (\(bind: person.rawValue), \(bind: organizationID.rawValue), \(bind: tokenHash), \(bind: date.millisecondsSince1970))
            ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
            """)
    }

    /// Ends the person's address; none until they make another.
    public func remove(for person: Person.ID) async throws {
        try await executor.execute("""
            DELETE FROM calendar_feeds WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            """)
    }

    /// When the person's current address was made; nil when they have none.
    public func createdAt(for person: Person.ID) async throws -> Date? {
        struct Row: Decodable, Sendable { let createdAt: Int64 }
        return try await executor.first("""
            SELECT created_at FROM calendar_feeds
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            """, as: Row.self).map { Date(millisecondsSince1970: $0.createdAt) }
    }
}

/// A calendar address's token, found before the district is known: whose feed it opens, and nothing else.
public struct CalendarFeedLookup: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public func find(tokenHash: String) async throws -> (organizationID: Organization.ID, personID: Person.ID)? {
        struct Row: Decodable, Sendable { let organizationId: String; let personId: String }
        return try await executor.first("""
            SELECT calendar_feeds.organization_id, calendar_feeds.person_id FROM calendar_feeds
            JOIN people ON people.id = calendar_feeds.person_id AND people.is_active = \(bind: true)
            WHERE calendar_feeds.token_hash = \(bind: tokenHash)
            """, as: Row.self).map { (Organization.ID($0.organizationId), Person.ID($0.personId)) }
    }
}

/// What a person's calendar shows of coaching: their sessions as coach or as educator, with the other person's name and
/// the place, and nothing of what was said.
public struct CalendarSessionQueries: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    public struct Session: Sendable, Hashable {
        public let id: String
        public let kind: String
        public let day: CalendarDate
        public let startMinute: Int?
        public let minutes: Int
        public let withName: String
        public let isCoach: Bool
        public let place: String
    }

    /// Sessions of `person` on days from `from` to `through`.
    public func sessions(of person: Person.ID, from: CalendarDate, through: CalendarDate) async throws -> [Session] {
        struct Row: Decodable, Sendable {
            let id: String; let kind: String; let heldOn: String; let startsMinute: Int?; let minutes: Int
            let coachId: String; let coachName: String; let educatorName: String; let document: String
        }
        struct Place: Decodable { let place: String? }
        return try await executor.all("""
            SELECT s.id, s.kind, s.held_on, s.starts_minute, s.minutes, s.coach_id, c.display_name AS coach_name,
                   e.display_name AS educator_name, s.document
            FROM coaching_sessions s
            JOIN people c ON c.id = s.coach_id
            JOIN people e ON e.id = s.educator_id
            WHERE s.organization_id = \(bind: organizationID.rawValue)
              AND (s.coach_id = \(bind: person.rawValue) OR s.educator_id = \(bind: person.rawValue))
              AND s.held_on >= \(bind: from.iso) AND s.held_on <= \(bind: through.iso)
            ORDER BY s.held_on, s.id
            """, as: Row.self).compactMap { row in
            guard let day = CalendarDate(iso: row.heldOn) else { return nil }
            let isCoach = row.coachId == person.rawValue
            let place = (try? JSONDecoder().decode(Place.self, from: Data(row.document.utf8)))?.place ?? ""
            return Session(id: row.id, kind: row.kind, day: day, startMinute: row.startsMinute, minutes: row.minutes,
                           withName: isCoach ? row.educatorName : row.coachName, isCoach: isCoach, place: place)
        }
    }
}

extension OrganizationScope {
    public var calendarFeeds: CalendarFeedStore { CalendarFeedStore(executor: executor, organizationID: organizationID) }
    public var calendarSessions: CalendarSessionQueries { CalendarSessionQueries(executor: executor, organizationID: organizationID) }
}
