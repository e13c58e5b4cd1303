import TrellisCore
import TrellisServices

/// A PLC's page: its group goal with SMART feedback, the group action plan, the roll-up of members' goals, and
/// for its members the choice of which of their own goals feeds the group goal.
struct PLCPageView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }
    struct Step {
        let what: String
        let assignee: String
        let due: String?
        let status: String
        let statusOptions: [Option]
        let path: String
        let domID: String
    }
    struct Note {
        let part: String
        let message: String
        let questions: [String]
    }

    let errorSummary: ErrorSummary?
    let cohortName: String
    let cohortPath: String
    let name: String
    let members: String
    let theme: String?
    let goal: String?
    let canEdit: Bool
    let version: String
    let goalPath: String
    let goalFields: [FieldView]
    let themes: [Option]
    let themeError: String?
    let notes: [Note]
    let hasNotes: Bool
    let steps: [Step]
    let hasSteps: Bool
    let stepsPath: String
    let stepFields: [FieldView]
    let assignees: [Option]
    let assigneeError: String?
    let rollUp: RollUpView
    let isMember: Bool
    let goalChoices: [Option]
    let hasGoalChoices: Bool
    let linkError: String?
    let linkPath: String
    let unlinkPath: String
    let isLinked: Bool
    let sharingPath: String?
    let notesPath: String?

    struct Source {
        let page: PLCService.RollUp
        let names: [Person.ID: String]
        let themes: [Theme]
        let feedback: [SMARTNote]
        let goalChoices: [PLCService.GoalChoice]
        let isMember: Bool
        let mayReadNotes: Bool
    }

    init(_ source: Source, goalForm: GroupGoalForm, stepForm: GroupStepForm, linkValue: String, errors: FieldErrors, notice: String?) {
        let loaded = source.page.plc, plc = loaded.plc, cohort = loaded.cohort.cohort
        let names = source.names
        cohortName = cohort.name
        cohortPath = SiteRoute.cohort(cohort.id).path
        name = plc.name
        members = plc.memberIDs.map { person in
            [names[person], cohort.member(person)?.role].compactMap { $0 }.joined(separator: ", ")
        }.joined(separator: " · ")
        theme = plc.themeID.flatMap { id in source.themes.first { $0.id == id }?.title }
        goal = plc.goal?.statement
        canEdit = loaded.canEdit
        version = String(loaded.version)
        goalPath = SiteRoute.plcSection(cohort.id, plc.id, "goal").path
        goalFields = [
            FieldView(name: "statement", label: "Group goal", type: "textarea", value: goalForm.statement, errors: errors,
                      hint: "What will change for students, and what you will do together, by when.", rows: 3),
            FieldView(name: "student_outcome", label: "Student outcome", type: "textarea", value: goalForm.studentOutcome, errors: errors, required: false, rows: 2),
            FieldView(name: "teacher_action", label: "What we will do", type: "textarea", value: goalForm.teacherAction, errors: errors, required: false, rows: 2),
            FieldView(name: "measure", label: "How we will know", value: goalForm.measure, errors: errors, required: false),
            FieldView(name: "baseline", label: "Where we start", value: goalForm.baseline, errors: errors, required: false),
            FieldView(name: "target", label: "Where we aim to be", value: goalForm.target, errors: errors, required: false),
            FieldView(name: "target_date", label: "Target date", type: "date", value: goalForm.targetDate, errors: errors, required: false),
        ]
        themes = [Option(value: "", label: "Not chosen yet", selected: goalForm.themeID.isEmpty)]
            + source.themes.map { Option(value: $0.id.rawValue, label: $0.title, selected: $0.id.rawValue == goalForm.themeID) }
        themeError = errors["theme"]
        notes = source.feedback.map { Note(part: $0.part.label, message: $0.message, questions: $0.questions) }
        hasNotes = !notes.isEmpty
        steps = plc.steps.enumerated().map { index, step in
            Step(what: step.what, assignee: step.assigneeID.flatMap { names[$0] } ?? "The whole group", due: step.dueDate?.longForm,
                 status: step.status.label,
                 statusOptions: ActionStep.Status.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == step.status) },
                 path: SiteRoute.plcSection(cohort.id, plc.id, "steps/\(step.id)").path, domID: "step-status-\(index)")
        }
        hasSteps = !steps.isEmpty
        stepsPath = SiteRoute.plcSection(cohort.id, plc.id, "steps").path
        stepFields = [
            FieldView(name: "what", label: "What will be done", value: stepForm.what, errors: errors),
            FieldView(name: "due_date", label: "Due", type: "date", value: stepForm.dueDate, errors: errors, required: false),
        ]
        assignees = [Option(value: "", label: "The whole group", selected: stepForm.assigneeID.isEmpty)]
            + plc.memberIDs.map { Option(value: $0.rawValue, label: names[$0] ?? "", selected: $0.rawValue == stepForm.assigneeID) }
        assigneeError = errors["assignee"]
        let roles = Dictionary(cohort.members.map { ($0.personID, $0.role) }, uniquingKeysWith: { first, _ in first })
        rollUp = RollUpView(source.page.rollUp, names: names, roles: roles)
        isMember = source.isMember
        let current = linkValue.isEmpty ? source.page.myLink.map { "\($0.planID)/\($0.goalID)" } ?? "" : linkValue
        goalChoices = source.goalChoices.map { Option(value: $0.value, label: $0.label, selected: $0.value == current) }
        hasGoalChoices = !goalChoices.isEmpty
        linkError = errors["goal"]
        linkPath = SiteRoute.plcSection(cohort.id, plc.id, "link").path
        unlinkPath = SiteRoute.plcSection(cohort.id, plc.id, "unlink").path
        isLinked = source.page.myLink != nil
        sharingPath = source.page.myLink.map { SiteRoute.planSection($0.planID, "sharing").path }
        notesPath = source.mayReadNotes ? SiteRoute.plcSection(cohort.id, plc.id, "notes").path : nil
        errorSummary = ErrorSummary(notice: notice, goalFields.map(ErrorSummary.field) + [
            ErrorSummary.field(id: "field-theme", errors["theme"]),
        ] + stepFields.map(ErrorSummary.field) + [
            ErrorSummary.field(id: "field-assignee", errors["assignee"]), ErrorSummary.field(id: "field-goal", errors["goal"]),
        ])
    }
}
