import TrellisCore
import TrellisServices

/// The evidence page: what has been collected, and the form to add a file, a link or a note.
struct EvidenceView {
    struct Item {
        let caption: String
        let date: String
        let kind: String
        let fileName: String?
        let downloadPath: String?
        let size: String?
        let link: String?
        let note: String?
        let tags: String?
        let deletePath: String
    }

    struct Choice {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    let header: PlanHeader
    let items: [Item]
    let hasItems: Bool
    let canEdit: Bool
    let action: String
    let kinds: [Choice]
    let caption: FieldView
    let date: FieldView
    let link: FieldView
    let note: FieldView
    let fileError: String?
    let kindError: String?
    let goals: [Choice]
    let standards: [Choice]
    let hasStandards: Bool
    let maximum: String
    let nextPath: String

    init(_ loaded: PlanService.Loaded, form: EvidenceForm, errors: FieldErrors, standards index: [String: Standard], today: CalendarDate, maximumBytes: Int) {
        let plan = loaded.plan
        header = PlanHeader(loaded, current: .evidence)
        items = plan.evidence.sorted { $0.date > $1.date }.map { evidence in
            let goals = evidence.goalIDs.compactMap { plan.number(of: $0).map { "Goal \($0)" } }
            let codes = evidence.standardIdentifiers.compactMap { index[$0]?.code }
            var file: EvidenceFile?, link: String?, note: String?
            switch evidence.content {
            case .file(let f): file = f
            case .link(let url): link = url.absoluteString
            case .note(let text): note = text
            }
            return Item(caption: evidence.caption, date: evidence.date.longForm, kind: evidence.kind.label, fileName: file?.originalFilename,
                        downloadPath: file.map { _ in SiteRoute.evidenceFile(plan.id, evidence.id).path },
                        size: file.map { EvidenceView.size($0.byteCount) }, link: link, note: note,
                        tags: (goals + codes).joined(separator: " · ").nonEmpty,
                        deletePath: SiteRoute.planSection(plan.id, "evidence").path + "/\(evidence.id)/delete")
        }
        hasItems = !items.isEmpty
        canEdit = loaded.canEdit
        action = SiteRoute.planSection(plan.id, "evidence").path
        kinds = Evidence.Kind.allCases.map { Choice(id: "kind-\($0.rawValue)", value: $0.rawValue, label: $0.label, checked: $0.rawValue == form.kind) }
        caption = FieldView(name: "caption", label: "Caption", value: form.caption, errors: errors, hint: "What this shows, in a few words.")
        date = FieldView(name: "date", label: "Date (optional)", type: "date", value: form.date.isEmpty ? today.iso : form.date, errors: errors, required: false)
        link = FieldView(name: "link", label: "Link (for a link)", type: "url", value: form.link, errors: errors, required: false)
        note = FieldView(name: "note", label: "Note (for a note)", type: "textarea", value: form.note, errors: errors, required: false)
        fileError = errors["file"]
        kindError = errors["kind"]
        goals = plan.goals.enumerated().map { Choice(id: "evidence-goal-\($0)", value: $1.id.rawValue, label: "Goal \($0 + 1): \($1.statement)",
                                                      checked: form.goalIDs.contains($1.id.rawValue)) }
        let aligned = plan.goals.flatMap(\.alignedStandardIdentifiers)
        var seen: Set<String> = []
        standards = aligned.filter { seen.insert($0).inserted }.enumerated().compactMap { number, id in
            index[id].map { Choice(id: "evidence-standard-\(number)", value: id, label: "\($0.code) \($0.title)", checked: form.standardIdentifiers.contains(id)) }
        }
        hasStandards = !standards.isEmpty
        maximum = EvidenceView.size(maximumBytes)
        nextPath = SiteRoute.planSection(plan.id, "check-ins").path
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(Int((Double(bytes) / 1_048_576).rounded())) MB" : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) bytes"
    }
}

/// The check-in form: a date, progress on each goal on the four-step scale, and three short questions.
struct CheckInView {
    struct GoalScale {
        let number: Int
        let statement: String
        let name: String
        let legendID: String
        let levels: [Level]
        let error: String?
    }

    struct Level {
        let id: String
        let value: String
        let label: String
        let summary: String
        let checked: Bool
    }

    let header: PlanHeader
    let canEdit: Bool
    let action: String
    let date: FieldView
    let goals: [GoalScale]
    let hasGoals: Bool
    let whatHappened: FieldView
    let whatsNext: FieldView
    let obstacles: FieldView
    let lastCheckIn: String

    init(_ loaded: PlanService.Loaded, form: CheckInForm, errors: FieldErrors, today: CalendarDate) {
        let plan = loaded.plan
        header = PlanHeader(loaded, current: .checkIns)
        canEdit = loaded.canEdit
        action = SiteRoute.planSection(plan.id, "check-ins").path
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
        if let days = plan.daysSinceLastCheckIn(today: today) {
            lastCheckIn = days == 0 ? "You last checked in today." : "You last checked in \(days) day\(days == 1 ? "" : "s") ago."
        } else {
            lastCheckIn = "This is your first check-in."
        }
    }
}

/// The reflection: per goal, what changed for students and in practice and the evidence that shows it; then next steps.
struct ReflectionView {
    struct GoalPart {
        let number: Int
        let statement: String
        let studentChange: FieldView
        let practiceChange: FieldView
        let evidence: FieldView
    }

    let header: PlanHeader
    let canEdit: Bool
    let action: String
    let goals: [GoalPart]
    let hasGoals: Bool
    let nextSteps: FieldView
    let overviewPath: String

    init(_ loaded: PlanService.Loaded, form: ReflectionForm, errors: FieldErrors) {
        let plan = loaded.plan
        header = PlanHeader(loaded, current: .reflection)
        canEdit = loaded.canEdit
        action = SiteRoute.planSection(plan.id, "reflection").path
        goals = plan.goals.enumerated().map { index, goal in
            let part = form.goals[goal.id.rawValue] ?? ReflectionForm.GoalPart()
            let id = goal.id.rawValue
            let prefix = "goal-\(index + 1)"
            return GoalPart(
                number: index + 1, statement: goal.statement,
                studentChange: FieldView(name: "student_change_\(id)", label: "What changed for your students?", type: "textarea",
                                         value: part.studentChange, errors: errors, required: false, idPrefix: prefix),
                practiceChange: FieldView(name: "practice_change_\(id)", label: "What changed in your practice?", type: "textarea",
                                          value: part.practiceChange, errors: errors, required: false, idPrefix: prefix),
                evidence: FieldView(name: "evidence_\(id)", label: "Which evidence shows it?", type: "textarea",
                                    value: part.evidenceThatShowsIt, errors: errors, required: false, idPrefix: prefix))
        }
        hasGoals = !goals.isEmpty
        nextSteps = FieldView(name: "next_steps", label: "Your next steps", type: "textarea", value: form.nextSteps, errors: errors,
                              hint: "What you will carry into next year.", required: false)
        overviewPath = SiteRoute.plan(plan.id).path
    }
}
