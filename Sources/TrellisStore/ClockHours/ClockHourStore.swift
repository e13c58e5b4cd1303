import Foundation
import SQLKit
import TrellisCore

/// The clock-hour ledgers of one district's people: verified PGPs and the learning admins record.
/// Entries are written once; a plan is credited at most once (a second entry for it is a `duplicate("source_plan")`).
public struct ClockHourStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable { let document: String }

    /// Adds an entry to its person's ledger.
    public func add(_ entry: ClockHourEntry, recordedBy: Person.ID, at date: Date) async throws {
        let document = String(decoding: try JSONEncoder.sorted.encode(entry), as: UTF8.self)
        do {
            try await executor.execute("""
                INSERT INTO clock_hour_entries (id, organization_id, person_id, date, hours_hundredths, source_plan_id, document,
                                                recorded_by, created_at)
                VALUES (\(bind: entry.id.rawValue), \(bind: organizationID.rawValue), \(bind: entry.personID.rawValue),
                        \(bind: entry.date.iso), \(bind: entry.hours.hundredths), \(bind: entry.growthPlan?.planID.rawValue),
                        \(bind: document), \(bind: recordedBy.rawValue), \(bind: date.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("source_plan")
        }
    }

    /// A person's ledger, newest first.
    public func entries(of person: Person.ID) async throws -> [ClockHourEntry] {
        try await decode(executor.all("""
            SELECT document FROM clock_hour_entries
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            ORDER BY date DESC, created_at DESC, id
            """, as: Row.self))
    }

    /// An entry with the admin who recorded it (for a PGP, who verified it).
    public struct Recorded: Sendable, Hashable {
        public let entry: ClockHourEntry
        public let recordedBy: Person.ID
    }

    /// Every entry of the district dated from `from` to `to`, both included, oldest first: the rows HR exports read.
    public func entries(from: CalendarDate, to: CalendarDate) async throws -> [Recorded] {
        struct RecordedRow: Decodable, Sendable { let document: String; let recordedBy: String }
        // ISO dates sort as text, so the range is a plain comparison on both databases.
        return try await executor.all("""
            SELECT document, recorded_by FROM clock_hour_entries
            WHERE organization_id = \(bind: organizationID.rawValue) AND date >= \(bind: from.iso) AND date <= \(bind: to.iso)
            ORDER BY date, person_id, created_at, id
            """, as: RecordedRow.self).map {
            Recorded(entry: try JSONDecoder().decode(ClockHourEntry.self, from: Data($0.document.utf8)), recordedBy: .init($0.recordedBy))
        }
    }

    /// The entry that credits `plan`, if it was verified.
    public func entry(crediting plan: GrowthPlan.ID) async throws -> ClockHourEntry? {
        try await decode(executor.all("""
            SELECT document FROM clock_hour_entries
            WHERE organization_id = \(bind: organizationID.rawValue) AND source_plan_id = \(bind: plan.rawValue)
            """, as: Row.self)).first
    }

    private func decode(_ rows: [Row]) throws -> [ClockHourEntry] {
        try rows.map { try JSONDecoder().decode(ClockHourEntry.self, from: Data($0.document.utf8)) }
    }
}

extension OrganizationScope {
    public var clockHours: ClockHourStore { ClockHourStore(executor: executor, organizationID: organizationID) }

    /// The clock hours a verified PGP earns in this district (Washington's 25 unless it chose otherwise).
    public func growthPlanClockHours() async throws -> ClockHours {
        struct Row: Decodable, Sendable { let pgpClockHours: Int }
        let row = try await executor.first("""
            SELECT pgp_clock_hours FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: Row.self)
        return ClockHours(hundredths: row?.pgpClockHours ?? 2500)
    }

    public func setGrowthPlanClockHours(_ hours: ClockHours) async throws {
        try await executor.execute("""
            UPDATE organizations SET pgp_clock_hours = \(bind: hours.hundredths) WHERE id = \(bind: organizationID.rawValue)
            """)
    }
}
