import TrellisCore
import TrellisServices

/// A school's dashboard page: one section per question a leader asks of the year (where plans stand, which stalled,
/// who checks in, which standards, cohorts, reviews, coaching), each with its table and its CSV download.
struct SchoolDashboardView {
    /// Everything the page is made from, to render it once per distinct source (`PageRenderer`).
    struct Source: Hashable {
        let page: SchoolDashboard.Page
        let viewer: Actor
    }

    /// A person named in a group, linked to their plan where the viewer may open it.
    struct Person {
        let name: String
        let path: String?
        let goal: String?
    }

    struct Group {
        let label: String
        let statusClass: String
        let count: String
        let people: [Person]
        let hasPeople: Bool
        /// "and 40 more in the CSV"; nil when everyone is named.
        let more: String?
    }

    struct Stall {
        let person: Person
        let status: String
        let since: String
        let lastActivity: String
    }

    struct Heat {
        let code: String
        let title: String
        let goals: String
        let heatClass: String
    }

    struct PLCLine {
        let name: String
        let members: String
        let linked: String
        let percent: String
        let steps: String
    }

    struct Cohort {
        let name: String
        let members: String
        let plcs: [PLCLine]
        let hasPLCs: Bool
    }

    let heading: String
    let intro: String
    let peopleLine: String
    let statuses: [Group]
    let stalledLine: String
    let stalled: [Stall]
    let hasStalled: Bool
    let moreStalled: String?
    let rhythmLine: String
    let recency: [Group]
    let standards: [Heat]
    let hasStandards: Bool
    let cohorts: [Cohort]
    let hasCohorts: Bool
    let reviews: [Group]
    let coachingSessions: String
    let coachingHours: String
    let coachingPeople: String
    let countsPath: String?
    let districtPath: String?
    let frameworksPath = SiteRoute.frameworks.path
    /// Each section's CSV download.
    let plansCSV: String
    let stalledCSV: String
    let checkInsCSV: String
    let standardsCSV: String
    let cohortsCSV: String
    let reviewsCSV: String
    let coachingCSV: String

    init(_ source: Source) {
        let page = source.page
        heading = page.school.name
        intro = "The \(page.year.label) school year as of \(page.today.longForm). Everyone's plan status and dates show here; "
            + (page.showsContent ? "a plan's goal shows only where its owner shares the plan with the school's leaders. "
                                 : "what plans say does not show on this page. ")
            + "Coaching shows as counts only: what is said in coaching stays between coach and educator."
        peopleLine = Self.count(page.peopleCount, "person", "people") + " counted: the school's educators and anyone else with a plan this year."
        func person(_ person: DashboardPerson) -> Person {
            Person(name: person.name, path: person.mayOpenPlan(source.viewer) ? person.planID.map { SiteRoute.plan($0).path } : nil,
                   goal: person.firstGoal)
        }
        func group(_ group: DashboardGroup, statusClass: String = "") -> Group {
            let shown = group.shown.map(person)
            return Group(label: group.label, statusClass: statusClass, count: String(group.count), people: shown, hasPeople: !shown.isEmpty,
                         more: group.count > shown.count ? "and \(group.count - shown.count) more in the CSV" : nil)
        }
        statuses = page.statuses.map { group($0, statusClass: $0.key == "no_plan" ? "" : "status--\($0.key)") }
        stalledLine = page.stalledCount == 0
            ? "No plan has stalled: every plan under way has had a check-in, a change or coaching lately."
            : Self.count(page.stalledCount, "plan has", "plans have") + " stalled: no check-in, change or coaching contact for longer than the rhythm and its grace."
        stalled = page.stalled.map { stall in
            Stall(person: person(stall.person), status: stall.person.status?.label ?? "", since: stall.since.longForm,
                  lastActivity: stall.lastActivity?.longForm ?? "None")
        }
        hasStalled = !stalled.isEmpty
        moreStalled = page.stalledCount > stalled.count ? "and \(page.stalledCount - stalled.count) more in the CSV" : nil
        rhythmLine = "Plans under way (active, or returned for changes), by their last check-in. The district's rhythm is a check-in every \(page.rhythm.label)."
        recency = page.recency.map { group($0, statusClass: $0.key == CheckInRecency.overdue.rawValue || $0.key == CheckInRecency.never.rawValue ? "quiet" : "") }
        standards = page.standards.map { Heat(code: $0.code, title: $0.title, goals: String($0.goals), heatClass: "heat--\($0.level)") }
        hasStandards = !standards.isEmpty
        cohorts = page.cohorts.map { cohort in
            let plcs = cohort.plcs.map { plc in
                PLCLine(name: plc.name, members: String(plc.members), linked: "\(plc.linkedGoals) of \(plc.members)", percent: "\(plc.percent)%",
                        steps: "\(plc.stepsDone) of \(plc.steps)")
            }
            return Cohort(name: cohort.name, members: "\(cohort.schoolMembers) of \(cohort.members) members from this school", plcs: plcs,
                          hasPLCs: !plcs.isEmpty)
        }
        hasCohorts = !cohorts.isEmpty
        reviews = [group(page.inReview, statusClass: "status--in_review"),
                   group(page.awaitingVerification, statusClass: "status--signed")]
        coachingSessions = String(page.coaching.sessions)
        coachingHours = CountsView.hours(page.coaching.minutes)
        coachingPeople = String(page.coaching.people)
        countsPath = CoachingCountsService.maySee(source.viewer) ? SiteRoute.coachingCounts.path : nil
        districtPath = DashboardService.maySee(source.viewer, school: nil) ? SiteRoute.districtDashboard.path : nil
        func csv(_ section: SchoolDashboardSection) -> String { SiteRoute.schoolDashboardCSV(page.school.id, section.rawValue).path }
        plansCSV = csv(.plans)
        stalledCSV = csv(.stalled)
        checkInsCSV = csv(.checkIns)
        standardsCSV = csv(.standards)
        cohortsCSV = csv(.cohorts)
        reviewsCSV = csv(.reviews)
        coachingCSV = csv(.coaching)
    }

    static func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
}

