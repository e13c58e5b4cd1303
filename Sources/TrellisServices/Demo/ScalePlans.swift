import Foundation
import TrellisCore

/// Five school years of growth plans for one generated educator of the state-scale demo: this year's in the same mix
/// as the named demo district (active and shared, gone quiet, draft, not started), and the four years before it mostly
/// finished and archived, with every step done, check-ins through the year, evidence and a reflection; some years never got past
/// a draft, and newer staff have fewer years. Evidence is notes and links (records in the plan, no files on disk).
struct ScalePlans {
    let ids: ScaleIdentifiers
    let organization: Organization.ID
    let year: SchoolYear
    let today: CalendarDate
    let now: Date

    /// How many school years a generated district holds plans for, this one included.
    static let years = 5
    private static let epoch = CalendarDate(year: 1970, month: 1, day: 1)!

    /// The educator's plans, each with the moment it was last saved. `coach` is whom this year's plan is shared with.
    func plans(owner: Person.ID, number: Int, coach: Person.ID?) -> [(plan: GrowthPlan, updatedAt: Date)] {
        var plans: [(GrowthPlan, Date)] = []
        let current = DemoPlans(ids: ids, organization: organization, year: year, today: today)
        switch number % 4 {
        case 0: plans.append((current.thriving(owner: owner, coach: coach), now))
        // A quiet plan has not changed for weeks, so caseloads and the stall scan show who has gone quiet.
        case 1: plans.append((current.quiet(owner: owner), now.addingTimeInterval(-45 * 86_400)))
        case 2: plans.append((current.draft(owner: owner), now))
        default: break
        }
        // One in six joined the district in the last years, so their history is shorter.
        let pastYears = number % 6 == 5 ? 1 + number % 3 : Self.years - 1
        var past = year
        for back in 1...pastYears {
            past = past.previous
            plans.append(finished(owner: owner, year: past, unfinished: (number + back) % 7 == 0))
        }
        return plans
    }

    /// A past year's plan, archived after its review, or (`unfinished`) a draft that slipped to the wayside.
    private func finished(owner: Person.ID, year past: SchoolYear, unfinished: Bool) -> (GrowthPlan, Date) {
        // Written as if it were late May of that year, so its dates fall inside it.
        let late = past.endDate.adding(days: -35) ?? past.endDate
        let then = DemoPlans(ids: ids, organization: organization, year: past, today: late)
        let savedAt = Date(timeIntervalSince1970: TimeInterval(Self.epoch.days(until: late)) * 86_400 + 15 * 3_600)
        if unfinished { return (then.draft(owner: owner), savedAt) }
        // One goal, the way most PGPs are written, so five years of them stay a few kilobytes each.
        var plan = then.quiet(owner: owner)
        plan.status = .archived
        let goal = plan.goals[0].id
        for step in plan.goals[0].actionSteps.indices { plan.goals[0].actionSteps[step].status = .done }
        for (days, level) in [(120, GoalProgressLevel.gettingStarted), (60, .makingProgress), (-20, .metOrExceeded)] {
            plan.checkIns.append(CheckIn(id: ids.make(), date: days < 0 ? then.daysAhead(-days) : then.daysAgo(days),
                                         progress: [.init(goalID: goal, level: level)],
                                         whatHappened: level == .metOrExceeded ? "Met the goal; the last labs confirmed it." : "Scored lab reports with students.",
                                         whatsNext: level == .metOrExceeded ? "Write up the reflection." : "Keep scoring every second lab."))
        }
        plan.checkIns.sort { $0.date < $1.date }
        plan.evidence = [
            Evidence(id: ids.make(), content: .note("Lab reports: 72% scored 3 or better on the CER rubric."), caption: "Spring lab scores",
                     date: then.daysAhead(22), goalIDs: [goal], standardIdentifiers: ["wa-t-4"]),
            Evidence(id: ids.make(), content: .link(URL(string: "https://www.k12.wa.us/student-success/resources-subject-area/science")!),
                     caption: "The rubric I adapted", date: then.daysAgo(90), goalIDs: [goal]),
        ]
        plan.reflection = Reflection(goals: [GoalReflection(goalID: goal, studentChange: "Students back their claims with evidence without prompting.",
                                                            practiceChange: "I score labs with students every other week.",
                                                            evidenceThatShowsIt: "Spring lab scores.")],
                                     nextSteps: "Carry claim-evidence-reasoning into writing next year.")
        return (plan, savedAt)
    }
}
