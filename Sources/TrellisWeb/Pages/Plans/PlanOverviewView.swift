import TrellisCore
import TrellisServices

/// The plan's overview page: where it stands, what is missing, progress per goal and the timeline of check-ins and coaching.
struct PlanOverviewView: TemplateEncodable {
    struct GoalLine: Encodable {
        let number: Int
        let statement: String
        let path: String
        let progress: String
        let progressStep: Int
        let standards: [StandardLabel]
        let hasStandards: Bool
        let steps: String
    }

    struct StandardLabel: Encodable {
        let code: String
        let title: String
        let isRetired: Bool
    }

    struct CheckInLine: Encodable {
        let date: String
        let iso: String
        let progress: [String]
        let whatHappened: String?
        let whatsNext: String?
        let obstacles: String?
    }

    let header: PlanHeader
    let goals: [GoalLine]
    let hasGoals: Bool
    let missing: [String]
    let canActivate: Bool
    let showActivation: Bool
    let statusPath: String
    let nextStep: String?
    let nextStepDue: String?
    let lastCheckIn: String
    let isQuiet: Bool
    let timeline: [PlanTimelineItem]
    let hasTimeline: Bool
    let evidenceCount: String
    let sharedWith: String
    let sharingPath: String
    let checkInPath: String
    let goalsPath: String
    let isOwner: Bool
    /// Where the plan stands on its way to a signature, and the page for it; nil while a draft.
    let reviewSummary: String?
    let reviewPath: String
    /// The printable plan, for everyone who sees the plan; the verification form, for its owner once verified.
    let planPDFPath: String
    let verificationFormPath: String?

    /// Everything the overview is made from, to render it once per distinct source (`PageRenderer`).
    /// A plan's content is named by its id and version (every save makes a new version), so equality compares
    /// those rather than the whole plan.
    /// The plan as the step pages see it (`PlanPageSource`), with what only the overview shows.
    struct Source: Hashable, IdentifiedPageSource {
        let page: PlanPageSource
        let standards: [String: Standard]
        let coachNames: [Person.ID: String]
        /// The coaching the reader may see on the plan's timeline.
        let coaching: [PlanCoachingTimeline.Entry]

        var loaded: PlanService.Loaded { page.loaded }
        var today: CalendarDate { page.today }

        init(loaded: PlanService.Loaded, today: CalendarDate, standards: [String: Standard], coachNames: [Person.ID: String],
             coaching: [PlanCoachingTimeline.Entry]) {
            page = PlanPageSource(loaded: loaded, today: today)
            self.standards = standards
            self.coachNames = coachNames
            self.coaching = coaching
        }

        /// What names the overview: the step pages' identity and what only the overview shows (small values).
        struct Identity: Hashable {
            let page: PlanPageSource.Identity
            let standards: [String: Standard]
            let coachNames: [Person.ID: String]
            let coaching: [PlanCoachingTimeline.Entry]

            /// The page's fields first, which usually differ; equal identities hash as their pages do.
            static func == (lhs: Identity, rhs: Identity) -> Bool {
                lhs.page == rhs.page && lhs.standards == rhs.standards && lhs.coachNames == rhs.coachNames && lhs.coaching == rhs.coaching
            }

            func hash(into hasher: inout Hasher) { page.hash(into: &hasher) }
        }

        var identity: Identity { Identity(page: page.identity, standards: standards, coachNames: coachNames, coaching: coaching) }

        static func == (lhs: Source, rhs: Source) -> Bool { lhs.identity == rhs.identity }

        func hash(into hasher: inout Hasher) { identity.hash(into: &hasher) }
    }

    init(_ source: Source) {
        let (loaded, today, standards, coachNames) = (source.loaded, source.today, source.standards, source.coachNames)
        // Coaching contact is a sign of life too: a plan with a session last week has not gone quiet.
        let lastContact = source.coaching.map(\.timing.date).filter { $0 <= today }.max()
        let plan = loaded.plan
        header = PlanHeader(loaded, current: nil)
        let progress = plan.progressByGoal(asOf: today)
        goals = plan.goals.enumerated().map { index, goal in
            let level = progress.first { $0.goalID == goal.id }?.level
            let labels = goal.alignedStandardIdentifiers.map { id in
                standards[id].map { StandardLabel(code: $0.code, title: $0.title, isRetired: $0.isRetired) }
                    ?? StandardLabel(code: "?", title: "A standard no longer offered", isRetired: true)
            }
            return GoalLine(number: index + 1, statement: goal.statement, path: SiteRoute.goal(plan.id, goal.id).path,
                            progress: level?.label ?? "No check-in yet", progressStep: level?.step ?? 0, standards: labels,
                            hasStandards: !labels.isEmpty, steps: Self.count(goal.writtenActionSteps.count, "action step", "action steps"))
        }
        hasGoals = !plan.goals.isEmpty
        let decision = PlanLifecycle.check(plan, movingTo: .active)
        missing = plan.status == .draft ? decision.reasons : []
        canActivate = plan.status == .draft && decision.isAllowed && loaded.isOwner
        showActivation = plan.status == .draft && loaded.isOwner
        statusPath = SiteRoute.planSection(plan.id, "status").path
        let upcoming = plan.nextDueActionStep
        nextStep = upcoming.map { "Goal \($0.goalNumber): \($0.step.what)" }
        nextStepDue = upcoming?.step.dueDate.map { date in
            let days = today.days(until: date)
            return days < 0 ? "was due \(date.longForm) (\(-days) days ago)" : days == 0 ? "due today" : "due \(date.longForm) (in \(days) days)"
        }
        let daysSinceContact = lastContact.map { $0.days(until: today) }
        if let days = plan.daysSinceLastCheckIn(today: today) {
            lastCheckIn = days == 0 ? "Last check-in today" : days == 1 ? "Last check-in yesterday" : "Last check-in \(days) days ago"
            isQuiet = min(days, daysSinceContact ?? days) >= 28
        } else {
            lastCheckIn = "No check-ins yet"
            isQuiet = plan.status == .active && (daysSinceContact ?? 28) >= 28
        }
        timeline = PlanTimelineItem.items(plan, coaching: source.coaching)
        hasTimeline = !timeline.isEmpty
        evidenceCount = Self.count(plan.evidence.count, "piece of evidence", "pieces of evidence")
        var audience = plan.sharing.coachIDs.compactMap { coachNames[$0].map { "\($0) (coach)" } }
        if plan.sharing.isSharedWithSchoolLeaders { audience.append("school leaders") }
        // Said to the owner, or about them to a coach or leader reading it.
        let owner = loaded.isOwner ? "You" : loaded.owner.displayName
        sharedWith = audience.isEmpty ? (loaded.isOwner ? "Only you" : owner) : "\(owner) and " + audience.joined(separator: ", ")
        sharingPath = SiteRoute.planSection(plan.id, "sharing").path
        checkInPath = SiteRoute.planSection(plan.id, "check-ins").path
        goalsPath = SiteRoute.planSection(plan.id, "goals").path
        isOwner = loaded.isOwner
        reviewSummary = Self.reviewSummary(plan.status)
        reviewPath = SiteRoute.planReview(plan.id).path
        planPDFPath = SiteRoute.planPDF(plan.id).path
        verificationFormPath = loaded.isOwner && [.verified, .archived].contains(plan.status) ? SiteRoute.verificationFormPDF(plan.id).path : nil
    }

    private static func reviewSummary(_ status: PlanStatus) -> String? {
        switch status {
        case .draft: nil
        case .active: "When every goal has evidence and a reflection, a certificated colleague reviews and signs the plan."
        case .inReview: "In review: waiting for the reviewer."
        case .returned: "Returned with the reviewer's comments: revise the plan, then ask for review again."
        case .signed: "Signed. The district verifies the clock hours next."
        case .verified, .archived: "Signed and verified."
        }
    }

    static func count(_ number: Int, _ one: String, _ many: String) -> String {
        number == 1 ? "1 \(one)" : "\(number == 0 ? "No" : String(number)) \(many)"
    }
}

extension String {
    /// nil for an empty string: templates show a section for any string, even an empty one.
    var nonEmpty: String? { isEmpty ? nil : self }
}
