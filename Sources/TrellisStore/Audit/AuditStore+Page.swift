import Foundation
import SQLKit
import TrellisCore

/// One page of the audit log, newest first, and whether there is more on either side.
public struct AuditSlice: Sendable {
    /// An event with the sequence number the log gave it, which later pages start from.
    public struct Entry: Sendable, Hashable {
        public let sequence: Int64
        public let event: AuditEvent
    }

    public let entries: [Entry]
    public let hasOlder: Bool
    public let hasNewer: Bool
}

extension AuditStore {
    /// The events `filter` asks for, newest first, `limit` at a time from `cursor` (nil: the newest).
    ///
    /// Events are ordered by when they happened, then by sequence, which is what the time index keeps; the page
    /// boundary is a row value `(occurred_at, seq)`, so every page is an index range however deep it is.
    /// `people` are the persons `filter.person` means (see `people(matching:limit:)`); nil when it names none.
    public func page(_ filter: AuditFilter, people: Set<Person.ID>? = nil, from cursor: AuditCursor? = nil,
                     limit: Int = 50) async throws -> AuditSlice {
        var boundary: Position?
        if let cursor { boundary = try await position(of: cursor) }
        // A cursor to an event that is not there (removed, or typed by hand) starts from the newest.
        var newer = false
        if case .newerThan = cursor { newer = boundary != nil }
        let rows = try await rows(filter, people: people, beyond: boundary, newer: newer, limit: limit + 1)
        if newer && rows.isEmpty { return try await page(filter, people: people, limit: limit) }
        let shown = Array(rows.prefix(limit))
        let entries = (newer ? shown.reversed() : shown).compactMap(entry)
        let more = rows.count > limit
        // The other side of the page holds the event the cursor came from, unless it was removed or filtered out:
        // one index probe says for certain.
        var other = false
        if let edge = newer ? shown.first : shown.last, boundary != nil {
            other = try await !self.rows(filter, people: people, beyond: Position(at: edge.occurredAt, seq: edge.seq),
                                          newer: !newer, limit: 1).isEmpty
        }
        return AuditSlice(entries: entries, hasOlder: newer ? other : more, hasNewer: newer ? more : other)
    }

    /// People of this district whose name or email contains `text`, by name: whom an admin means by what they typed
    /// into the audit log's person search. At most `limit`.
    public func people(matching text: String, limit: Int) async throws -> [Person.ID] {
        struct IDRow: Decodable, Sendable { let id: String }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        // SQLite's LOWER and LIKE fold only ASCII letters, so the text is also tried as typed and with each word
        // capitalized, as names are written: "ångström" and "ÅNGSTRÖM" both find "Zoë Ångström" on either database.
        let lowered = "%\(escaped.lowercased())%", typed = "%\(escaped)%", capitalized = "%\(escaped.capitalized)%"
        let rows = try await executor.all("""
            SELECT id FROM people WHERE organization_id = \(bind: organizationID.rawValue)
              AND (LOWER(display_name) LIKE \(bind: lowered) ESCAPE '\\' OR display_name LIKE \(bind: typed) ESCAPE '\\'
                   OR display_name LIKE \(bind: capitalized) ESCAPE '\\' OR LOWER(email) LIKE \(bind: lowered) ESCAPE '\\')
            ORDER BY display_name, id LIMIT \(literal: limit)
            """, as: IDRow.self)
        return rows.map { Person.ID($0.id) }
    }

    /// Where an event sits in the log's order.
    struct Position: Sendable {
        let at: Int64
        let seq: Int64
    }

    struct PageRow: Decodable, Sendable {
        let seq: Int64
        let id: String
        let kind: String
        let actorId: String?
        let subjectId: String?
        let detail: String
        let address: String?
        let occurredAt: Int64
    }

    private func position(of cursor: AuditCursor) async throws -> Position? {
        let seq: Int64
        switch cursor {
        case .olderThan(let value), .newerThan(let value): seq = value
        }
        struct Row: Decodable, Sendable { let occurredAt: Int64 }
        return try await executor.first("""
            SELECT occurred_at FROM audit_events WHERE organization_id = \(bind: organizationID.rawValue) AND seq = \(bind: seq)
            """, as: Row.self).map { Position(at: $0.occurredAt, seq: seq) }
    }

    private func rows(_ filter: AuditFilter, people: Set<Person.ID>?, beyond boundary: Position?, newer: Bool,
                      limit: Int) async throws -> [PageRow] {
        var conditions: [SQLQueryString] = ["organization_id = \(bind: organizationID.rawValue)"]
        switch filter.kinds {
        case .all: break
        case .only(let kind): conditions.append("kind = \(bind: kind.rawValue)")
        case .allButSignIns: conditions.append("kind NOT IN (\(binds: filter.kinds.excluded.map(\.rawValue)))")
        }
        if let people {
            // One index range per column, joined: an OR across two columns would make the planner walk the whole log.
            let ids = people.sorted().map(\.rawValue)
            conditions.append("""
                seq IN (SELECT seq FROM audit_events WHERE organization_id = \(bind: organizationID.rawValue) AND actor_id IN (\(binds: ids))
                        UNION SELECT seq FROM audit_events WHERE organization_id = \(bind: organizationID.rawValue) AND subject_id IN (\(binds: ids)))
                """)
        }
        let from = filter.from?.millisecondsSince1970, until = filter.until?.millisecondsSince1970
        if let boundary {
            conditions.append(newer ? "(occurred_at, seq) > (\(bind: boundary.at), \(bind: boundary.seq))"
                                    : "(occurred_at, seq) < (\(bind: boundary.at), \(bind: boundary.seq))")
        }
        // A date bound that the page boundary already implies is left out, so the planner ranges over the index
        // from the boundary rather than from the end of the date range.
        if let from, !(newer && boundary.map { $0.at >= from } == true) { conditions.append("occurred_at >= \(bind: from)") }
        if let until, !(!newer && boundary.map { $0.at < until } == true) { conditions.append("occurred_at < \(bind: until)") }
        let order: SQLQueryString = newer ? "occurred_at ASC, seq ASC" : "occurred_at DESC, seq DESC"
        return try await executor.all("""
            SELECT seq, id, kind, actor_id, subject_id, detail, address, occurred_at FROM audit_events
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT \(literal: limit)
            """, as: PageRow.self)
    }

    private func entry(_ row: PageRow) -> AuditSlice.Entry? {
        guard let kind = AuditEvent.Kind(rawValue: row.kind) else { return nil }
        return AuditSlice.Entry(sequence: row.seq, event: AuditEvent(
            id: .init(row.id), organizationID: organizationID, kind: kind, actorID: row.actorId.map(Person.ID.init),
            subjectID: row.subjectId.map(Person.ID.init), detail: row.detail, address: row.address,
            occurredAt: Date(millisecondsSince1970: row.occurredAt)))
    }
}
