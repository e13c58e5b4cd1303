import Testing
import TrellisCore

/// The roll-up of members' own goals under a PLC's group goal.
@Suite struct GroupGoalRollUpTests {
    static let org = Organization.ID("north")
    static let today = CalendarDate(year: 2025, month: 2, day: 1)!
    static let plcID = PLC.ID("plc")
    static let ana = Person.ID("ana"), ben = Person.ID("ben"), cy = Person.ID("cy")

    static func plan(_ owner: Person.ID, sharedWithPLC: Bool) -> GrowthPlan {
        let goal = Goal(id: .init("g-\(owner)"), statement: "Students in my class publish one digital project a month")
        let other = Goal(id: .init("other-\(owner)"), statement: "Another goal")
        let checkIns = [
            CheckIn(id: .init("c1"), date: CalendarDate(year: 2024, month: 10, day: 1)!, progress: [GoalProgress(goalID: goal.id, level: .gettingStarted)]),
            CheckIn(id: .init("c2"), date: CalendarDate(year: 2024, month: 12, day: 10)!, progress: [GoalProgress(goalID: goal.id, level: .makingProgress)]),
            // After today: not counted yet.
            CheckIn(id: .init("c3"), date: CalendarDate(year: 2025, month: 3, day: 1)!, progress: [GoalProgress(goalID: goal.id, level: .metOrExceeded)]),
            // Reports only on the other goal: not this goal's activity.
            CheckIn(id: .init("c4"), date: CalendarDate(year: 2025, month: 1, day: 20)!, progress: [GoalProgress(goalID: other.id, level: .gettingStarted)]),
        ]
        let evidence = [
            Evidence(id: .init("e1"), content: .note("Slides"), caption: "Projects", date: CalendarDate(year: 2025, month: 1, day: 5)!, goalIDs: [goal.id]),
            Evidence(id: .init("e2"), content: .note("Other"), caption: "Other", date: CalendarDate(year: 2025, month: 1, day: 25)!, goalIDs: [other.id]),
        ]
        return GrowthPlan(id: .init("plan-\(owner)"), organizationID: org, ownerID: owner, schoolYear: SchoolYear(startingIn: 2024),
                          goals: [other, goal], evidence: evidence, checkIns: checkIns,
                          sharing: PlanSharing(isSharedWithPLC: sharedWithPLC))
    }

    static func link(_ plan: GrowthPlan, goal: String? = nil, person: Person.ID? = nil) -> (link: GoalLink, plan: GrowthPlan) {
        (GoalLink(plcID: plcID, personID: person ?? plan.ownerID, planID: plan.id, goalID: .init(goal ?? "g-\(plan.ownerID)"),
                  linkedOn: today), plan)
    }

    static let plc = PLC(id: plcID, cohortID: .init("cohort"), name: "Team", memberIDs: [ana, ben, cy],
                         goal: GroupGoal(statement: "Every student creates"),
                         steps: [GroupActionStep(id: .init("s1"), what: "Plan a showcase", assigneeID: ana, status: .done),
                                 GroupActionStep(id: .init("s2"), what: "Book the library", assigneeID: ben)])

    @Test func eachMemberShowsTheirLinkedGoalsProgressAndTheUnlinkedAreListed() {
        // setup
        let links = [Self.link(Self.plan(Self.ana, sharedWithPLC: true)), Self.link(Self.plan(Self.ben, sharedWithPLC: false))]
        // run
        let rollUp = GroupGoalRollUp.make(plc: Self.plc, links: links, viewer: Self.cy, viewerBelongs: true, today: Self.today)
        // check
        #expect(rollUp.members.map(\.personID) == [Self.ana, Self.ben, Self.cy])
        let ana = rollUp.members[0]
        #expect(ana.goalNumber == 2)
        #expect(ana.level == .makingProgress)
        #expect(ana.percent == 75)
        #expect(ana.evidenceCount == 1)
        #expect(ana.lastActivity == CalendarDate(year: 2025, month: 1, day: 5))
        #expect(ana.goal?.statement == "Students in my class publish one digital project a month")
        #expect(rollUp.members[1].isLinked)
        #expect(rollUp.members[1].goal == nil, "not shared with the PLC: progress only")
        #expect(rollUp.members[1].level == .makingProgress)
        #expect(!rollUp.members[2].isLinked)
        #expect(rollUp.members[2].percent == 0)
        #expect(rollUp.percent == 75)
        #expect(rollUp.linkedCount == 2)
        #expect(rollUp.stepsDone == 1)
        #expect(rollUp.goal?.statement == "Every student creates")
    }

    @Test func sharedContentReachesOnlyThoseInThePLCButAMemberAlwaysSeesTheirOwn() {
        // setup
        let links = [Self.link(Self.plan(Self.ana, sharedWithPLC: true)), Self.link(Self.plan(Self.ben, sharedWithPLC: false))]
        // run
        let outsider = GroupGoalRollUp.make(plc: Self.plc, links: links, viewer: .init("someone"), viewerBelongs: false, today: Self.today)
        let ben = GroupGoalRollUp.make(plc: Self.plc, links: links, viewer: Self.ben, viewerBelongs: true, today: Self.today)
        // check
        #expect(outsider.members.allSatisfy { $0.goal == nil })
        #expect(outsider.members[0].level == .makingProgress, "progress still shows")
        #expect(ben.members[1].goal != nil)
    }

    @Test func aLinkIntoSomeoneElsesPlanOrToARemovedGoalCountsAsNoLink() {
        // setup
        let anaPlan = Self.plan(Self.ana, sharedWithPLC: true)
        let links = [Self.link(anaPlan, person: Self.ben), Self.link(Self.plan(Self.cy, sharedWithPLC: true), goal: "gone")]
        // run
        let rollUp = GroupGoalRollUp.make(plc: Self.plc, links: links, viewer: Self.ana, viewerBelongs: true, today: Self.today)
        // check
        #expect(rollUp.members.allSatisfy { !$0.isLinked })
        #expect(rollUp.percent == 0)
    }

    @Test func sharingWithThePLCIsLeftOutOfTheJSONWhenOffSoOldPlansReadTheSame() throws {
        // setup
        let old = #"{"coachIDs":[],"isSharedWithSchoolLeaders":true}"#
        // run
        let decoded = try JSONDecoder().decode(PlanSharing.self, from: Data(old.utf8))
        var shared = decoded
        shared.isSharedWithPLC = true
        // check
        #expect(!decoded.isSharedWithPLC)
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self).contains("PLC") == false)
        #expect(try JSONDecoder().decode(PlanSharing.self, from: JSONEncoder().encode(shared)).isSharedWithPLC)
    }
}

import Foundation
