import Foundation
import SQLKit
import TrellisCore

/// A district's PLCs, each whole as JSON, with the goals members linked to them and the facilitator's meeting notes.
public struct PLCStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A PLC as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let plc: PLC
        public let version: Int
    }

    /// Someone else changed the PLC in between.
    public struct Conflict: Error, Hashable {}

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    private struct LinkRow: Decodable, Sendable {
        let plcId: String
        let personId: String
        let planId: String
        let goalId: String
        let linkedOn: String
    }

    private struct NoteRow: Decodable, Sendable { let document: String }

    public func create(_ plc: PLC, at date: Date) async throws {
        defer { executor.forgetCohortAndDashboards(in: organizationID, plc.cohortID) }
        try await executor.execute("""
            INSERT INTO plcs (id, organization_id, cohort_id, name, document, version, created_at)
            VALUES (\(bind: plc.id.rawValue), \(bind: organizationID.rawValue), \(bind: plc.cohortID.rawValue), \(bind: plc.name),
                    \(bind: try DocumentJSON.encode(plc)), 1, \(bind: date.millisecondsSince1970))
            """)
    }

    public func find(_ id: PLC.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM plcs WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the PLC since `version` was read; otherwise `Conflict`.
    public func update(_ plc: PLC, expecting version: Int) async throws {
        defer { executor.forgetCohortAndDashboards(in: organizationID, plc.cohortID) }
        let changed = try await executor.scalar("""
            UPDATE plcs SET name = \(bind: plc.name), document = \(bind: try DocumentJSON.encode(plc)), version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: plc.id.rawValue) AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else {
            guard try await find(plc.id) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
    }

    /// The cohort's PLCs in the order they were made.
    public func plcs(of cohort: Cohort.ID, recent: Bool = false) async throws -> [Stored] {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, cohort) + "plcs") { try await readPLCs(cohort) }
    }

    private func readPLCs(_ cohort: Cohort.ID) async throws -> [Stored] {
        try await executor.all("""
            SELECT document, version FROM plcs WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue)
            ORDER BY created_at, id
            """, as: Row.self).map(decode).filter { $0.plc.cohortID == cohort }
    }

    private func decode(_ row: Row) throws -> Stored {
        Stored(plc: try DocumentJSON.decode(PLC.self, row.document), version: row.version)
    }

    // MARK: Goal links

    /// Links (or re-links) the person's goal to the PLC's group goal: one link per person per PLC.
    public func link(_ link: GoalLink, in cohort: Cohort.ID) async throws {
        defer { executor.forgetCohortAndDashboards(in: organizationID, cohort) }
        try await executor.atomically { tx in
            try await PLCStore(executor: tx, organizationID: organizationID).unlink(link.personID, from: link.plcID)
            try await tx.execute("""
                INSERT INTO plc_goal_links (plc_id, person_id, organization_id, cohort_id, plan_id, goal_id, linked_on)
                VALUES (\(bind: link.plcID.rawValue), \(bind: link.personID.rawValue), \(bind: organizationID.rawValue),
                        \(bind: cohort.rawValue), \(bind: link.planID.rawValue), \(bind: link.goalID.rawValue), \(bind: link.linkedOn.iso))
                """)
        }
    }

    public func unlink(_ person: Person.ID, from plc: PLC.ID) async throws {
        defer { executor.forgetCohortAndDashboards(in: organizationID) }
        try await executor.execute("""
            DELETE FROM plc_goal_links
            WHERE organization_id = \(bind: organizationID.rawValue) AND plc_id = \(bind: plc.rawValue) AND person_id = \(bind: person.rawValue)
            """)
    }

    /// Every link into the cohort's PLCs: one read for the whole cohort page.
    public func links(in cohort: Cohort.ID, recent: Bool = false) async throws -> [GoalLink] {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, cohort) + "links") { try await readLinks(cohort) }
    }

    private func readLinks(_ cohort: Cohort.ID) async throws -> [GoalLink] {
        try await executor.all("""
            SELECT plc_id, person_id, plan_id, goal_id, linked_on FROM plc_goal_links
            WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue)
            ORDER BY plc_id, person_id
            """, as: LinkRow.self).compactMap { row in
            guard let day = CalendarDate(iso: row.linkedOn) else { return nil }
            return GoalLink(plcID: .init(row.plcId), personID: .init(row.personId), planID: .init(row.planId),
                            goalID: .init(row.goalId), linkedOn: day)
        }
    }

    // MARK: Meeting notes

    public func save(_ note: PLCMeetingNote) async throws {
        let document = try DocumentJSON.encode(note)
        try await executor.atomically { tx in
            try await tx.execute("""
                DELETE FROM plc_meeting_notes WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: note.id.rawValue)
                """)
            try await tx.execute("""
                INSERT INTO plc_meeting_notes (id, organization_id, plc_id, meeting_on, visibility, document)
                VALUES (\(bind: note.id.rawValue), \(bind: organizationID.rawValue), \(bind: note.plcID.rawValue),
                        \(bind: note.meetingOn.iso), \(bind: note.visibility.rawValue), \(bind: document))
                """)
        }
    }

    /// The PLC's meeting notes, newest meeting first; only shared ones unless `includingPrivate`.
    public func notes(of plc: PLC.ID, includingPrivate: Bool) async throws -> [PLCMeetingNote] {
        let filter: SQLQueryString = includingPrivate ? "" : "AND visibility = \(bind: CoachingVisibility.sharedWithEducator.rawValue)"
        return try await executor.all("""
            SELECT document FROM plc_meeting_notes
            WHERE organization_id = \(bind: organizationID.rawValue) AND plc_id = \(bind: plc.rawValue) \(filter)
            ORDER BY meeting_on DESC, id
            """, as: NoteRow.self).map { try DocumentJSON.decode(PLCMeetingNote.self, $0.document) }.filter { $0.plcID == plc }
    }
}
