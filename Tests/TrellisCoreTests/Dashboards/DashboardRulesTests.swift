import Testing
@testable import TrellisCore

/// Check-in recency groups, and who may open which dashboard.
@Suite struct DashboardRulesTests {
    @Test func checkInsAreGroupedByHowLongAgoAgainstTheRhythm() {
        // setup
        let today = CalendarDate(iso: "2026-11-18")!, rhythm = CheckInRhythm.fourWeeks
        func group(_ iso: String?) -> CheckInRecency { CheckInRecency.of(lastCheckIn: iso.flatMap(CalendarDate.init(iso:)), today: today, rhythm: rhythm) }
        // run + check: the boundaries (6 days is this week, 28 is within, 29 is overdue; a later date is this week)
        #expect(group(nil) == .never)
        #expect(group("2026-11-18") == .thisWeek && group("2026-11-12") == .thisWeek && group("2026-11-20") == .thisWeek)
        #expect(group("2026-11-11") == .withinRhythm && group("2026-10-21") == .withinRhythm)
        #expect(group("2026-10-20") == .overdue)
        #expect(CheckInRecency.applies(to: .active) && CheckInRecency.applies(to: .returned) && !CheckInRecency.applies(to: .draft))
    }

    @Test func aSchoolsDashboardIsForItsLeadersAndTheDistrictsAdmins() {
        // setup
        let org = Organization.ID("org"), school = School.ID("s1"), other = School.ID("s2")
        func actor(_ roles: Set<Role>, _ school: School.ID?, org: Organization.ID = org, active: Bool = true) -> Actor {
            Actor(personID: .init("p"), organizationID: org, roles: roles, schoolID: school, isActive: active)
        }
        func may(_ actor: Actor, _ school: School.ID?, _ action: Action = .read) -> Bool {
            Policy.can(actor, action, .dashboard(organizationID: org, schoolID: school))
        }
        // run + check
        #expect(may(actor([.leader], school), school) && !may(actor([.leader], school), other) && !may(actor([.leader], school), nil))
        #expect(!may(actor([.leader], nil), nil) && !may(actor([.leader], nil), school))
        #expect(may(actor([.districtAdmin], nil), school) && may(actor([.districtAdmin], nil), nil))
        #expect(!may(actor([.educator], school), school) && !may(actor([.coach, .educator], school), school))
        #expect(!may(actor([.districtAdmin], nil, org: .init("elsewhere")), school) && !may(actor([.leader], school, active: false), school))
        #expect(!may(actor([.districtAdmin], nil), school, .update))
    }
}
