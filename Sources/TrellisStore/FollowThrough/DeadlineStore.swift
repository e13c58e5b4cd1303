import Foundation
import SQLKit
import TrellisCore

/// A district's school-year calendar: its own deadlines and its schools'.
public struct DeadlineStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable {
        let id: String
        let schoolId: String?
        let schoolYear: Int
        let kind: String
        let dueOn: String
    }

    /// Every deadline of a school year (the district's and every school's).
    public func calendar(schoolYear: Int) async throws -> DeadlineCalendar {
        DeadlineCalendar(try await executor.all("""
            SELECT id, school_id, school_year, kind, due_on FROM deadlines
            WHERE organization_id = \(bind: organizationID.rawValue) AND school_year = \(bind: schoolYear)
            ORDER BY due_on, kind
            """, as: Row.self).compactMap { row in
            guard let kind = DeadlineKind(rawValue: row.kind), let due = CalendarDate(iso: row.dueOn) else { return nil }
            return Deadline(id: .init(row.id), organizationID: organizationID, schoolID: row.schoolId.map(School.ID.init),
                            schoolYear: row.schoolYear, kind: kind, dueOn: due)
        })
    }

    /// Sets the date of `kind` for the district (nil school) or a school, keeping the deadline's id when it had one, so
    /// reminders already sent for its old date stay recorded. `id` is used for a new one.
    public func set(_ kind: DeadlineKind, school: School.ID?, schoolYear: Int, dueOn: CalendarDate, id: Deadline.ID) async throws {
        try await executor.atomically { tx in
            let changed = try await tx.scalar("""
                UPDATE deadlines SET due_on = \(bind: dueOn.iso)
                WHERE organization_id = \(bind: organizationID.rawValue) AND school_year = \(bind: schoolYear) AND kind = \(bind: kind.rawValue)
                  AND \(Self.place(school))
                RETURNING 1
                """)
            guard changed == 0 else { return }
            try await tx.execute("""
                INSERT INTO deadlines (id, organization_id, school_id, school_year, kind, due_on)
                VALUES (\(bind: id.rawValue), \(bind: organizationID.rawValue), \(bind: school?.rawValue), \(bind: schoolYear),
                        \(bind: kind.rawValue), \(bind: dueOn.iso))
                """)
        }
    }

    /// Removes the date of `kind` for the district or a school (a school then follows the district's again). Reminders
    /// sent for it are removed with it.
    public func remove(_ kind: DeadlineKind, school: School.ID?, schoolYear: Int) async throws {
        try await executor.atomically { tx in
            let place = Self.place(school)
            try await tx.execute("""
                DELETE FROM deadline_reminders WHERE deadline_id IN (
                    SELECT id FROM deadlines WHERE organization_id = \(bind: organizationID.rawValue) AND school_year = \(bind: schoolYear)
                      AND kind = \(bind: kind.rawValue) AND \(place))
                """)
            try await tx.execute("""
                DELETE FROM deadlines WHERE organization_id = \(bind: organizationID.rawValue) AND school_year = \(bind: schoolYear)
                  AND kind = \(bind: kind.rawValue) AND \(place)
                """)
        }
    }

    private static func place(_ school: School.ID?) -> SQLQueryString {
        school.map { "school_id = \(bind: $0.rawValue)" } ?? "school_id IS NULL"
    }
}

extension OrganizationScope {
    public var deadlines: DeadlineStore { DeadlineStore(executor: executor, organizationID: organizationID) }

    /// The district's reminder offsets and stall grace (NULL columns: `FollowThroughSettings.standard`).
    public func followThroughSettings() async throws -> FollowThroughSettings {
        struct Row: Decodable, Sendable { let reminderOffsets: String?; let stallGraceDays: Int? }
        let row = try await executor.first("""
            SELECT reminder_offsets, stall_grace_days FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: Row.self)
        let standard = FollowThroughSettings.standard
        let offsets = row?.reminderOffsets.flatMap(FollowThroughSettings.offsets(from:)) ?? standard.reminderOffsets
        return FollowThroughSettings(reminderOffsets: offsets, graceDays: row?.stallGraceDays ?? standard.graceDays) ?? standard
    }

    public func setFollowThroughSettings(_ settings: FollowThroughSettings) async throws {
        try await executor.execute("""
            UPDATE organizations SET reminder_offsets = \(bind: settings.reminderOffsets.map(String.init).joined(separator: ",")),
                stall_grace_days = \(bind: settings.graceDays)
            WHERE id = \(bind: organizationID.rawValue)
            """)
    }
}
