import Foundation
import TrellisCore
import TrellisStore

/// A school year under way in the north test district, for the dashboards: three plans of 2026–27, written straight to
/// the store.
/// - the educator's: active, shared with the school's leaders, checked in two days ago, one goal aligned to wa-t-6;
/// - the coach's (an educator too, same school): active, *not* shared, never checked in, a goal typed like a formula
///   aligned to wa-t-6 and wa-t-3;
/// - the colleague's (the other school): a draft aligned to wa-t-1.
public enum DashboardFixtures {
    /// The goal of the plan shared with leaders: the dashboards may show it to the school's leader.
    public static let sharedGoal = "I will use exit tickets every week to adjust small-group instruction"
    /// The goal of the plan not shared: no dashboard may ever show it.
    public static let privateGoal = "=HYPERLINK(\"http://evil.example\",\"My private goal, with a comma\")"
    public static let year = SchoolYear(startingIn: 2026)

    public struct Plans: Sendable {
        public let shared: GrowthPlan
        public let unshared: GrowthPlan
        public let draft: GrowthPlan
    }

    @discardableResult
    public static func make(_ database: Database, _ district: TestDistricts.District, at date: Date) async throws -> Plans {
        let org = district.organization.id
        let shared = GrowthPlan(
            id: .init("plan-shared"), organizationID: org, ownerID: district.educator.id, schoolYear: year, status: .active,
            goals: [Goal(id: .init("g1"), statement: sharedGoal, alignedStandardIdentifiers: ["wa-t-6"])],
            checkIns: [CheckIn(id: .init("c1"), date: CalendarDate(iso: "2026-11-16")!)],
            sharing: PlanSharing(isSharedWithSchoolLeaders: true))
        let unshared = GrowthPlan(
            id: .init("plan-unshared"), organizationID: org, ownerID: district.coach.id, schoolYear: year, status: .active,
            goals: [Goal(id: .init("g2"), statement: privateGoal, alignedStandardIdentifiers: ["wa-t-6", "wa-t-3"])])
        let draft = GrowthPlan(
            id: .init("plan-draft"), organizationID: org, ownerID: district.colleague.id, schoolYear: year, status: .draft,
            goals: [Goal(id: .init("g3"), statement: "Draft goal", alignedStandardIdentifiers: ["wa-t-1"])])
        let plans = OrganizationScope(database, organizationID: org).plans
        for plan in [shared, unshared, draft] { try await plans.create(plan, at: date) }
        return Plans(shared: shared, unshared: unshared, draft: draft)
    }
}
