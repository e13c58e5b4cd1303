import Foundation
import SQLKit
import TrellisCore

/// The cohorts of one district, each whole as JSON, with their member rows written in the same transaction.
public struct CohortStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A cohort as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let cohort: Cohort
        public let version: Int
    }

    /// Someone else changed the cohort in between.
    public struct Conflict: Error, Hashable {}

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    public func create(_ cohort: Cohort, at date: Date) async throws {
        precondition(cohort.organizationID == organizationID, "a cohort is kept in its own district")
        try await executor.atomically { tx in
            try await tx.execute("""
                INSERT INTO cohorts (id, organization_id, facilitator_id, name, document, version, created_at)
                VALUES (\(bind: cohort.id.rawValue), \(bind: organizationID.rawValue), \(bind: cohort.facilitatorID.rawValue),
                        \(bind: cohort.name), \(bind: try DocumentJSON.encode(cohort)), 1, \(bind: date.millisecondsSince1970))
                """)
            try await CohortStore(executor: tx, organizationID: organizationID).saveMembers(cohort)
        }
    }

    /// The cohort; `recent` may answer with one read in the last two seconds (`CohortReads`), for pages only.
    public func find(_ id: Cohort.ID, recent: Bool = false) async throws -> Stored? {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, id) + "cohort") { try await read(id) }
    }

    private func read(_ id: Cohort.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM cohorts WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the cohort since `version` was read; otherwise `Conflict`.
    public func update(_ cohort: Cohort, expecting version: Int) async throws {
        try await executor.atomically { tx in
            let changed = try await tx.scalar("""
                UPDATE cohorts SET name = \(bind: cohort.name), facilitator_id = \(bind: cohort.facilitatorID.rawValue),
                    document = \(bind: try DocumentJSON.encode(cohort)), version = version + 1
                WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: cohort.id.rawValue) AND version = \(bind: version)
                RETURNING version
                """)
            let store = CohortStore(executor: tx, organizationID: organizationID)
            guard changed > 0 else {
                guard try await store.find(cohort.id) != nil else { throw StoreError.notFound }
                throw Conflict()
            }
            try await store.saveMembers(cohort)
        }
    }

    /// The cohorts a person facilitates or belongs to, by name.
    public func cohorts(of person: Person.ID) async throws -> [Stored] {
        try await executor.all("""
            SELECT document, version FROM cohorts
            WHERE organization_id = \(bind: organizationID.rawValue) AND (facilitator_id = \(bind: person.rawValue) OR id IN (
                SELECT cohort_id FROM cohort_members WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)))
            ORDER BY name, id
            """, as: Row.self).map(decode)
    }

    /// Whether the person facilitates or belongs to any cohort: what decides the "Cohorts" link in the navigation, so
    /// every page asks; the answer is kept while the district's cohorts mark stays (`DistrictChanges.cohorts`), and
    /// forgotten whenever a cohort's people change here.
    public func isInAnyCohort(_ person: Person.ID) async throws -> Bool {
        try await executor.reusing(memberKey(person), unchangedIn: DistrictChanges.cohorts(organizationID.rawValue)) {
            try await executor.scalar("""
                SELECT (SELECT COUNT(*) FROM cohorts WHERE organization_id = \(bind: organizationID.rawValue) AND facilitator_id = \(bind: person.rawValue))
                     + (SELECT COUNT(*) FROM cohort_members WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue))
                """) > 0
        }
    }

    private var memberKeyPrefix: String { "cohort-member:\(organizationID)/" }
    private func memberKey(_ person: Person.ID) -> String { memberKeyPrefix + person.rawValue }

    private func saveMembers(_ cohort: Cohort) async throws {
        defer {
            executor.forgetRecent(startingWith: memberKeyPrefix)
            executor.noteDistrictChange(DistrictChanges.cohorts(organizationID.rawValue))
            executor.forgetCohortAndDashboards(in: organizationID, cohort.id)
        }
        try await executor.execute("""
            DELETE FROM cohort_members WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.id.rawValue)
            """)
        for member in Set(cohort.members.map(\.personID)).sorted() {
            try await executor.execute("""
                INSERT INTO cohort_members (cohort_id, person_id, organization_id)
                VALUES (\(bind: cohort.id.rawValue), \(bind: member.rawValue), \(bind: organizationID.rawValue))
                """)
        }
    }

    private func decode(_ row: Row) throws -> Stored {
        let cohort = try JSONDecoder().decode(Cohort.self, from: Data(row.document.utf8))
        // The document cannot move a cohort to another district, whatever it says.
        guard cohort.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(cohort: cohort, version: row.version)
    }

    /// Display names of the cohort page's people; with `recent`, kept with the cohort's other reads (a rename shows
    /// within two seconds).
    public func names(of ids: Set<Person.ID>, shownIn cohort: Cohort.ID, recent: Bool = false) async throws -> [Person.ID: String] {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, cohort) + "names:" + ids.sorted().map(\.rawValue).joined(separator: ",")) {
            try await PersonStore(executor: executor, organizationID: organizationID).names(of: ids)
        }
    }

    /// The district's stakeholder roles, or Trellis's defaults when it has not written its own.
    public func stakeholderRoles() async throws -> [String] {
        struct RolesRow: Decodable, Sendable { let cohortRoles: String? }
        guard let text = try await executor.first("""
            SELECT cohort_roles FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: RolesRow.self)?.cohortRoles, let roles = try? JSONDecoder().decode([String].self, from: Data(text.utf8)), !roles.isEmpty
        else { return StakeholderRoles.defaults }
        return roles
    }

    /// Keeps the district's own list; nil goes back to the defaults.
    public func setStakeholderRoles(_ roles: [String]?) async throws {
        let text = try roles.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await executor.execute("UPDATE organizations SET cohort_roles = \(bind: text) WHERE id = \(bind: organizationID.rawValue)")
    }
}

extension OrganizationScope {
    public var cohorts: CohortStore { CohortStore(executor: executor, organizationID: organizationID) }
    public var visioning: VisioningStore { VisioningStore(executor: executor, organizationID: organizationID) }
    public var plcs: PLCStore { PLCStore(executor: executor, organizationID: organizationID) }
}
