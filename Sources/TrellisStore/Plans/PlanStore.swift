import Foundation
import SQLKit
import TrellisCore

/// The growth plans of one district, each stored whole.
public struct PlanStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A plan as stored, with the version a save must name.
    public struct Stored: Sendable {
        public let plan: GrowthPlan
        public let version: Int
        public let updatedAt: Date
    }

    /// What lists of plans show, without reading documents.
    public struct Summary: Sendable, Hashable {
        public let id: GrowthPlan.ID
        public let ownerID: Person.ID
        public let schoolYear: Int
        public let status: PlanStatus
        public let lastCheckInOn: CalendarDate?
        public let updatedAt: Date
    }

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
        let updatedAt: Int64
    }

    private struct SummaryRow: Decodable, Sendable {
        let id: String
        let ownerId: String
        let schoolYear: Int
        let status: String
        let lastCheckInOn: String?
        let updatedAt: Int64
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Creates a plan; a second plan for the same person and school year is a `duplicate("school_year")`.
    /// The plan's document and its coach rows are written in one transaction, so lists and the plan always agree.
    public func create(_ plan: GrowthPlan, at date: Date) async throws {
        precondition(plan.organizationID == organizationID, "a plan is created in its own organization's scope")
        try await executor.atomically { tx in try await PlanStore(executor: tx, organizationID: organizationID).insert(plan, at: date) }
    }

    private func insert(_ plan: GrowthPlan, at date: Date) async throws {
        do {
            try await executor.execute("""
                INSERT INTO growth_plans (id, organization_id, owner_id, school_year, status, document, version, last_check_in_on,
                                          shared_with_leaders, created_at, updated_at)
                VALUES (\(bind: plan.id.rawValue), \(bind: organizationID.rawValue), \(bind: plan.ownerID.rawValue),
                        \(bind: plan.schoolYear.startYear), \(bind: plan.status.rawValue), \(bind: try Self.encode(plan)), \(bind: 1),
                        \(bind: Self.lastCheckIn(plan)), \(bind: plan.sharing.isSharedWithSchoolLeaders),
                        \(bind: date.millisecondsSince1970), \(bind: date.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("school_year")
        }
        executor.forgetCaseloads(in: organizationID)
        executor.forgetCohortPages(in: organizationID)
        try await saveCoaches(plan)
    }

    /// The plan as stored. Its version may be one read in the last moments (`RecentReads`) unless `latest`:
    /// what a change is made to is always read afresh, so a save never starts from an old version.
    public func find(_ id: GrowthPlan.ID, latest: Bool = false) async throws -> Stored? {
        let key = cacheKey(id)
        let recent = latest ? nil : executor.readsToReuse
        let current: Int
        if let known = recent?.value(Self.recentKey(key), as: Int.self) {
            current = known
        } else {
            let ticket = recent?.ticket()
            // Versions start at 1, so 0 (no row) means there is no such plan in this district.
            current = try await executor.scalar("""
                SELECT version FROM growth_plans WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
                """)
            guard current > 0 else { return nil }
            if let ticket { recent?.keep(current, Self.recentKey(key), readSince: ticket) }
        }
        if let cached = PlanCache.shared.get(key, version: current) { return cached }
        guard let row = try await executor.first("""
            SELECT document, version, updated_at FROM growth_plans
            WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
            """, as: Row.self) else { return nil }
        let plan = try JSONDecoder().decode(GrowthPlan.self, from: Data(row.document.utf8))
        // The document cannot move a plan to another district, whatever it says.
        guard plan.organizationID == organizationID, plan.id == id else { return nil }
        let stored = Stored(plan: plan, version: row.version, updatedAt: Date(millisecondsSince1970: row.updatedAt))
        PlanCache.shared.put(key, stored)
        return stored
    }

    /// Saves the plan if nobody saved it since `version` was read; returns the new version.
    /// Otherwise throws `PlanStore.Conflict`, and nothing is written.
    /// The document and the coach rows it shares the plan with are written in one transaction.
    /// `coachesBefore`: whom the plan was shared with at `version`, when the caller read it; when they are the plan's
    /// coaches still, their rows stand as they are (most saves change no sharing, and each row written is a statement
    /// more while every other writer waits).
    public func save(_ plan: GrowthPlan, expecting version: Int, at date: Date, coachesBefore: [Person.ID]? = nil) async throws -> Int {
        let sharingStands = coachesBefore.map(Set.init) == Set(plan.sharing.coachIDs)
        // Most saves: the document alone, in one statement that moves the district's mark too (no BEGIN, no COMMIT).
        if sharingStands, let oneStatement = MarkMovedInStatement(executor) {
            return try await PlanStore(executor: oneStatement, organizationID: organizationID)
                .update(plan, expecting: version, at: date, coachesBefore: coachesBefore)
        }
        return try await executor.atomically { tx in
            try await PlanStore(executor: tx, organizationID: organizationID)
                .update(plan, expecting: version, at: date, coachesBefore: coachesBefore)
        }
    }

    private func update(_ plan: GrowthPlan, expecting version: Int, at date: Date, coachesBefore: [Person.ID]?) async throws -> Int {
        defer {
            executor.forgetRecent(Self.recentKey(cacheKey(plan.id)))
            executor.forgetCaseloads(in: organizationID)
            executor.forgetCohortPages(in: organizationID)
        }
        let write: SQLQueryString = """
            UPDATE growth_plans SET status = \(bind: plan.status.rawValue), document = \(bind: try Self.encode(plan)),
                version = version + 1, last_check_in_on = \(bind: Self.lastCheckIn(plan)),
                shared_with_leaders = \(bind: plan.sharing.isSharedWithSchoolLeaders), updated_at = \(bind: date.millisecondsSince1970)
            WHERE id = \(bind: plan.id.rawValue) AND organization_id = \(bind: organizationID.rawValue) AND version = \(bind: version)
            RETURNING version
            """
        let changed = try await executor.scalar(executor is MarkMovedInStatement ? DistrictChanges.movingMark(write, of: organizationID.rawValue) : write)
        guard changed > 0 else {
            guard try await find(plan.id, latest: true) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
        // The version matched, so the rows are those of the version `coachesBefore` was read from.
        if coachesBefore.map(Set.init) != Set(plan.sharing.coachIDs) { try await saveCoaches(plan) }
        return changed
    }

    /// How a plan is named in `PlanCache` and, prefixed, in `RecentReads`.
    private func cacheKey(_ id: GrowthPlan.ID) -> String { Self.cacheKey(organizationID, id) }
    static func cacheKey(_ organization: Organization.ID, _ id: GrowthPlan.ID) -> String { "\(organization)/\(id)" }
    private static func recentKey(_ key: String) -> String { "plan-version:" + key }

    /// Someone else saved the plan in between.
    public struct Conflict: Error, Hashable {}

    /// A person's plans, newest school year first.
    public func plans(ownedBy owner: Person.ID) async throws -> [Summary] {
        try await summaries("AND owner_id = \(bind: owner.rawValue)")
    }

    /// Plans whose owner shared them with this coach.
    public func plans(sharedWithCoach coach: Person.ID) async throws -> [Summary] {
        try await summaries("AND \(sharedWith(coach: coach))")
    }

    /// Plans their owners shared with the leaders of this school.
    public func plans(sharedWithLeadersOf school: School.ID) async throws -> [Summary] {
        try await summaries("AND \(sharedWith(leadersOf: school))")
    }

    /// How many plans, not `reader`'s own and not archived, were shared with them as this coach or as a leader of this
    /// school: the length of the list those two make together, counted where the rows are. A principal's home page
    /// showed it by reading every plan ever shared with the school's leaders.
    public func sharedCount(with reader: Person.ID, asCoach coach: Person.ID?, asLeaderOf school: School.ID?) async throws -> Int {
        let ways = [coach.map(sharedWith(coach:)), school.map(sharedWith(leadersOf:))].compactMap { $0 }
        guard !ways.isEmpty else { return 0 }
        return try await executor.scalar("""
            SELECT COUNT(*) FROM growth_plans WHERE organization_id = \(bind: organizationID.rawValue)
            AND owner_id <> \(bind: reader.rawValue) AND status <> \(bind: PlanStatus.archived.rawValue)
            AND (\(ways.joined(separator: " OR ")))
            """)
    }

    private func sharedWith(coach: Person.ID) -> SQLQueryString {
        "id IN (SELECT plan_id FROM growth_plan_coaches WHERE coach_id = \(bind: coach.rawValue) AND organization_id = \(bind: organizationID.rawValue))"
    }

    private func sharedWith(leadersOf school: School.ID) -> SQLQueryString {
        """
        (shared_with_leaders = \(bind: true) AND owner_id IN (
            SELECT id FROM people WHERE school_id = \(bind: school.rawValue) AND organization_id = \(bind: organizationID.rawValue)))
        """
    }

    public func count() async throws -> Int {
        try await executor.scalar("SELECT COUNT(*) FROM growth_plans WHERE organization_id = \(bind: organizationID.rawValue)")
    }

    private func summaries(_ filter: SQLQueryString) async throws -> [Summary] {
        try await executor.all("""
            SELECT id, owner_id, school_year, status, last_check_in_on, updated_at FROM growth_plans
            WHERE organization_id = \(bind: organizationID.rawValue) \(filter)
            ORDER BY school_year DESC, updated_at DESC
            """, as: SummaryRow.self).compactMap { row in
            guard let status = PlanStatus(rawValue: row.status) else { return nil }
            return Summary(id: .init(row.id), ownerID: .init(row.ownerId), schoolYear: row.schoolYear, status: status,
                           lastCheckInOn: row.lastCheckInOn.flatMap(CalendarDate.init(iso:)), updatedAt: Date(millisecondsSince1970: row.updatedAt))
        }
    }

    private func saveCoaches(_ plan: GrowthPlan) async throws {
        try await executor.execute("""
            DELETE FROM growth_plan_coaches WHERE plan_id = \(bind: plan.id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
            """)
        for coach in Set(plan.sharing.coachIDs).sorted() {
            try await executor.execute("""
                INSERT INTO growth_plan_coaches (organization_id, plan_id, coach_id)
                VALUES (\(bind: organizationID.rawValue), \(bind: plan.id.rawValue), \(bind: coach.rawValue))
                """)
        }
    }

    static func encode(_ plan: GrowthPlan) throws -> String {
        String(decoding: try encoder.encode(plan), as: UTF8.self)
    }

    static func lastCheckIn(_ plan: GrowthPlan) -> String? {
        plan.checkIns.map(\.date).max()?.iso
    }
}

extension OrganizationScope {
    public var plans: PlanStore { PlanStore(executor: executor, organizationID: organizationID) }
}
