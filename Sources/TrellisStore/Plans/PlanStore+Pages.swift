import Foundation
import SQLKit
import TrellisCore

extension PlanStore {
    /// Whose plans a reader could be shown: their own, those shared with them as a coach, and, for a school's leader,
    /// those shared with the leaders of that school. The query narrows to these; the policy still decides each plan.
    public struct Readers: Sendable, Hashable {
        public let personID: Person.ID
        public let asCoach: Bool
        public let leaderOf: School.ID?

        public init(personID: Person.ID, asCoach: Bool, leaderOf: School.ID?) {
            self.personID = personID
            self.asCoach = asCoach
            self.leaderOf = leaderOf
        }
    }

    /// What a list of plans filters by; nil means any.
    public struct PageFilter: Sendable, Hashable {
        public var ownerSchool: School.ID?
        public var schoolYear: Int?
        public var status: PlanStatus?
        public var updatedSince: Date?

        public init(ownerSchool: School.ID? = nil, schoolYear: Int? = nil, status: PlanStatus? = nil, updatedSince: Date? = nil) {
            self.ownerSchool = ownerSchool
            self.schoolYear = schoolYear
            self.status = status
            self.updatedSince = updatedSince
        }
    }

    /// One page of plans `readers` could see, oldest change first (updated_at, then id), after `position`.
    public func page(readableBy readers: Readers, _ filter: PageFilter, after position: KeysetPosition?, limit: Int) async throws -> [Stored] {
        let org = organizationID.rawValue
        var reach: [SQLQueryString] = ["owner_id = \(bind: readers.personID.rawValue)"]
        if readers.asCoach {
            reach.append("id IN (SELECT plan_id FROM growth_plan_coaches WHERE organization_id = \(bind: org) AND coach_id = \(bind: readers.personID.rawValue))")
        }
        if let school = readers.leaderOf {
            reach.append("""
                (shared_with_leaders = \(bind: true) AND owner_id IN (
                    SELECT id FROM people WHERE organization_id = \(bind: org) AND school_id = \(bind: school.rawValue)))
                """)
        }
        var conditions: [SQLQueryString] = ["organization_id = \(bind: org)", "(\(reach.joined(separator: " OR ")))"]
        if let school = filter.ownerSchool {
            conditions.append("owner_id IN (SELECT id FROM people WHERE organization_id = \(bind: org) AND school_id = \(bind: school.rawValue))")
        }
        if let year = filter.schoolYear { conditions.append("school_year = \(bind: year)") }
        if let status = filter.status { conditions.append("status = \(bind: status.rawValue)") }
        if let since = filter.updatedSince { conditions.append("updated_at >= \(bind: since.millisecondsSince1970)") }
        if let position {
            conditions.append("(updated_at > \(bind: position.value) OR (updated_at = \(bind: position.value) AND id > \(bind: position.id)))")
        }
        struct PageRow: Decodable, Sendable { let document: String; let version: Int; let updatedAt: Int64 }
        let rows = try await executor.all("""
            SELECT document, version, updated_at FROM growth_plans
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY updated_at, id LIMIT \(literal: max(0, limit))
            """, as: PageRow.self)
        return try rows.compactMap { row in
            let plan = try JSONDecoder().decode(GrowthPlan.self, from: Data(row.document.utf8))
            // The document cannot move a plan to another district, whatever it says.
            guard plan.organizationID == organizationID else { return nil }
            return Stored(plan: plan, version: row.version, updatedAt: Date(millisecondsSince1970: row.updatedAt))
        }
    }
}
