import Hummingbird
import TrellisCore
import TrellisServices

/// The first page after sign-in: what this person can do now, by role.
struct HomeController {
    let renderer: PageRenderer
    let home: HomeService

    struct HomeView {
        let displayName: String
        let districtName: String
        let schoolName: String?
        let roles: String
        let admin: AdminPanel?
        let leader: LeaderPanel?
        let plan: PlanPanel?
        let startPlan: StartPanel?
        let shared: String?
        /// "2 plans wait for your review", linking to them.
        let waiting: [Waiting]
        let hasWaiting: Bool
        let plansPath = SiteRoute.plans.path
        let passwordPath = SiteRoute.changePassword.path
    }

    /// The person's current plan at a glance: progress per goal, what is next, how long since the last check-in.
    struct PlanPanel {
        struct GoalLine {
            let number: Int
            let statement: String
            let progress: String
            let step: Int
        }
        let title: String
        let status: String
        let statusClass: String
        let path: String
        let goals: [GoalLine]
        let hasGoals: Bool
        let nextStep: String?
        let lastCheckIn: String?
        let isQuiet: Bool
        /// The one thing to do next, as the panel's button: the first unfinished step of a draft, or a check-in.
        let mainAction: MainAction?
    }

    struct MainAction {
        let label: String
        let href: String
    }

    struct StartPanel {
        let year: String
        let action = SiteRoute.plans.path
    }

    struct AdminPanel {
        let people: Int
        let schools: [SchoolLine]
        let recent: [AuditLine]
        let peoplePath = SiteRoute.people.path
        let schoolsPath = SiteRoute.schools.path
        let auditPath = SiteRoute.auditLog.path
        let newPersonPath = SiteRoute.newPerson.path
        let dashboardPath = SiteRoute.districtDashboard.path
    }

    struct LeaderPanel {
        let schoolName: String
        let people: Int
        let dashboardPath: String?
    }

    struct SchoolLine {
        let name: String
        let people: Int
    }

    struct Waiting {
        let text: String
        let path: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/", use: page)
    }

    /// What waits for this person to act on, besides their own plan.
    static func waiting(_ summary: HomeService.Summary) -> [Waiting] {
        var lines: [Waiting] = []
        if summary.reviewsWaiting > 0 {
            lines.append(Waiting(text: summary.reviewsWaiting == 1 ? "1 growth plan waits for your review"
                                     : "\(summary.reviewsWaiting) growth plans wait for your review", path: SiteRoute.reviews.path))
        }
        if let count = summary.verificationsWaiting, count > 0 {
            lines.append(Waiting(text: count == 1 ? "1 signed plan waits for verification" : "\(count) signed plans wait for verification",
                                 path: SiteRoute.verification.path))
        }
        return lines
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let summary = try await home.summary(for: actor)
        let today = home.today
        let admin = summary.admin.map { admin in
            AdminPanel(people: admin.peopleCount,
                       schools: admin.schools.map { SchoolLine(name: $0.school.name, people: $0.people) },
                       recent: admin.recentEvents.map { AuditLine($0, names: admin.names) })
        }
        let waiting = Self.waiting(summary)
        let view = HomeView(
            displayName: summary.person.displayName, districtName: summary.organization.name, schoolName: summary.school?.name,
            roles: summary.person.sortedRoles.map(\.label).joined(separator: ", "),
            admin: admin, leader: summary.leader.map { leader in
                LeaderPanel(schoolName: leader.school.name, people: leader.people,
                            dashboardPath: DashboardService.maySee(actor, school: leader.school.id) ? SiteRoute.schoolDashboard(leader.school.id).path : nil)
            },
            plan: summary.plan.map { Self.panel($0, today: today) },
            startPlan: summary.plan == nil && !actor.has(.districtAdmin) ? StartPanel(year: summary.schoolYear.label) : nil,
            shared: summary.sharedPlans == 0 ? nil : summary.sharedPlans == 1 ? "1 plan is shared with you." : "\(summary.sharedPlans) plans are shared with you.",
            waiting: waiting, hasWaiting: !waiting.isEmpty)
        return renderer.render("home", title: "Home", content: view, context: context, section: .home)
    }

    static func panel(_ plan: GrowthPlan, today: CalendarDate) -> PlanPanel {
        let progress = plan.progressByGoal(asOf: today)
        let days = plan.daysSinceLastCheckIn(today: today)
        let next = plan.nextDueActionStep.map { upcoming in
            "Goal \(upcoming.goalNumber): \(upcoming.step.what)"
                + (upcoming.step.dueDate.map { $0 < today ? " (was due \($0.longForm))" : " (by \($0.longForm))" } ?? "")
        }
        return PlanPanel(
            title: "Your \(plan.schoolYear.label) growth plan", status: plan.status.label, statusClass: "status--\(plan.status.rawValue)",
            path: SiteRoute.plan(plan.id).path,
            goals: plan.goals.enumerated().map { index, goal in
                let level = progress.first { $0.goalID == goal.id }?.level
                return PlanPanel.GoalLine(number: index + 1, statement: goal.statement, progress: level?.label ?? "No check-in yet", step: level?.step ?? 0)
            },
            hasGoals: !plan.goals.isEmpty, nextStep: next,
            // A draft is not checked in on yet: its next step says what to do instead.
            lastCheckIn: plan.status == .draft ? nil : days.map { $0 == 0 ? "You checked in today." : "Your last check-in was \($0) day\($0 == 1 ? "" : "s") ago." }
                ?? "You have not checked in yet.",
            isQuiet: (days ?? 0) >= 28 || (days == nil && plan.status == .active), mainAction: mainAction(plan))
    }

    /// A draft is finished step by step (goals, then alignment, then the action plan) and then made active;
    /// only an active plan is checked in on. A plan in review or signed has nothing to do here.
    static func mainAction(_ plan: GrowthPlan) -> MainAction? {
        guard plan.canEdit else { return nil }
        guard plan.status == .draft else {
            return MainAction(label: "Check in", href: SiteRoute.planSection(plan.id, "check-ins").path)
        }
        let steps: [(section: PlanHeader.Section, label: String)] = [(.goals, "Next: write your first goal"),
                                                                     (.alignment, "Next: align your goals to standards"),
                                                                     (.actions, "Next: plan your action steps")]
        if let next = steps.first(where: { !$0.section.isDone(plan) }) {
            return MainAction(label: next.label, href: SiteRoute.planSection(plan.id, next.section.pathSuffix).path)
        }
        return MainAction(label: "Next: make your plan active", href: SiteRoute.plan(plan.id).path)
    }
}
