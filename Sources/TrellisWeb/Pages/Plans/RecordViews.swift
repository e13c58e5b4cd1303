import TrellisCore
import TrellisServices

/// The check-in form: a date, progress on each goal on the four-step scale, and three short questions.
/// Someone the plan is shared with reads when its owner last checked in, said about the owner, and no form.
struct CheckInView: TemplateEncodable {
    struct GoalScale: Encodable {
        let number: Int
        let statement: String
        let name: String
        let legendID: String
        let levels: [Level]
        let error: String?
    }

    struct Level: Encodable {
        let id: String
        let value: String
        let label: String
        let summary: String
        let checked: Bool
    }

    let header: PlanHeader
    let errorSummary: ErrorSummary?
    let canEdit: Bool
    let action: String
    let version: Int
    let date: FieldView
    let goals: [GoalScale]
    let hasGoals: Bool
    let whatHappened: FieldView
    let whatsNext: FieldView
    let obstacles: FieldView
    let lastCheckIn: String
    let overviewPath: String

    init(_ loaded: PlanService.Loaded, form: CheckInForm, errors: FieldErrors, notice: String? = nil, today: CalendarDate) {
        let plan = loaded.plan
        header = PlanHeader(loaded, current: .checkIns)
        canEdit = loaded.canEdit
        action = SiteRoute.planSection(plan.id, "check-ins").path
        version = loaded.version
        date = FieldView(name: "date", label: "Date", type: "date", value: form.date, errors: errors)
        goals = plan.goals.enumerated().map { index, goal in
            let chosen = form.progress[goal.id.rawValue] ?? ""
            return GoalScale(number: index + 1, statement: goal.statement, name: "progress_\(goal.id)", legendID: "goal-\(index + 1)-legend",
                             levels: GoalProgressLevel.allCases.map {
                                 Level(id: "goal-\(index + 1)-\($0.rawValue)", value: $0.rawValue, label: "\($0.step). \($0.label)",
                                       summary: $0.summary, checked: $0.rawValue == chosen)
                             },
                             error: errors["progress_\(goal.id)"])
        }
        hasGoals = !goals.isEmpty
        whatHappened = FieldView(name: "what_happened", label: "What happened since last time?", type: "textarea", value: form.whatHappened,
                                 errors: errors, required: false)
        whatsNext = FieldView(name: "whats_next", label: "What is next?", type: "textarea", value: form.whatsNext, errors: errors, required: false)
        obstacles = FieldView(name: "obstacles", label: "What gets in the way?", type: "textarea", value: form.obstacles, errors: errors,
                              hint: "Your coach can help with this.", required: false)
        lastCheckIn = Self.lastCheckIn(plan.daysSinceLastCheckIn(today: today), who: loaded.isOwner ? nil : loaded.owner.displayName)
        overviewPath = SiteRoute.plan(plan.id).path
        errorSummary = ErrorSummary(notice: notice, noticeHref: "#field-date",
                                    [ErrorSummary.field(date)]
                                        + goals.map { ErrorSummary.field(id: $0.levels[0].id, $0.error) }
                                        + [ErrorSummary.field(whatHappened), ErrorSummary.field(whatsNext), ErrorSummary.field(obstacles)])
    }

    /// When the last check-in was, said to the owner ("You last checked in…") or about them to a reader.
    static func lastCheckIn(_ days: Int?, who owner: String?) -> String {
        let subject = owner ?? "You"
        guard let days else { return owner.map { "\($0) has not checked in yet." } ?? "This is your first check-in." }
        return days == 0 ? "\(subject) last checked in today." : "\(subject) last checked in \(days) day\(days == 1 ? "" : "s") ago."
    }
}

/// The reflection: per goal, what changed for students and in practice and the evidence that shows it; then next steps.
/// Readers see what is written, under questions asked about the owner rather than to them.
struct ReflectionView {
    struct GoalPart {
        let number: Int
        let statement: String
        let studentChange: FieldView
        let practiceChange: FieldView
        let evidence: FieldView
        let written: [Answer]
        let hasWritten: Bool
    }

    struct Answer {
        let question: String
        let text: String
    }

    let header: PlanHeader
    let errorSummary: ErrorSummary?
    let canEdit: Bool
    let ownerName: String
    let action: String
    let version: Int
    let goals: [GoalPart]
    let hasGoals: Bool
    let nextSteps: FieldView
    let writtenNextSteps: String?
    let overviewPath: String

    init(_ loaded: PlanService.Loaded, form: ReflectionForm, errors: FieldErrors, notice: String? = nil) {
        let plan = loaded.plan
        header = PlanHeader(loaded, current: .reflection)
        canEdit = loaded.canEdit
        ownerName = loaded.owner.displayName
        action = SiteRoute.planSection(plan.id, "reflection").path
        version = loaded.version
        goals = plan.goals.enumerated().map { index, goal in
            let part = form.goals[goal.id.rawValue] ?? ReflectionForm.GoalPart()
            let id = goal.id.rawValue
            let prefix = "goal-\(index + 1)"
            let saved = plan.reflection.reflection(on: goal.id)
            let written = [("What changed for students", saved?.studentChange ?? ""), ("What changed in practice", saved?.practiceChange ?? ""),
                           ("Evidence that shows it", saved?.evidenceThatShowsIt ?? "")]
                .filter { !$0.1.isEmpty }.map { Answer(question: $0.0, text: $0.1) }
            return GoalPart(
                number: index + 1, statement: goal.statement,
                studentChange: FieldView(name: "student_change_\(id)", label: "What changed for your students?", type: "textarea",
                                         value: part.studentChange, errors: errors, required: false, idPrefix: prefix),
                practiceChange: FieldView(name: "practice_change_\(id)", label: "What changed in your practice?", type: "textarea",
                                          value: part.practiceChange, errors: errors, required: false, idPrefix: prefix),
                evidence: FieldView(name: "evidence_\(id)", label: "Which evidence shows it?", type: "textarea",
                                    value: part.evidenceThatShowsIt, errors: errors, required: false, idPrefix: prefix),
                written: written, hasWritten: !written.isEmpty)
        }
        hasGoals = !goals.isEmpty
        nextSteps = FieldView(name: "next_steps", label: "Your next steps", type: "textarea", value: form.nextSteps, errors: errors,
                              hint: "What you will carry into next year.", required: false)
        writtenNextSteps = plan.reflection.nextSteps.nonEmpty
        overviewPath = SiteRoute.plan(plan.id).path
        let fields = goals.flatMap { [$0.studentChange, $0.practiceChange, $0.evidence] } + [nextSteps]
        errorSummary = ErrorSummary(notice: notice, noticeHref: fields.first.map { "#\($0.id)" }, fields.map(ErrorSummary.field))
    }
}
