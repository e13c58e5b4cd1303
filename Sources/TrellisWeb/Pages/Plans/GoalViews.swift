import TrellisCore
import TrellisServices

/// The goal form's fields with their messages and hints, written to the plan's owner.
struct GoalFormView {
    let action: String
    let submit: String
    let version: Int
    let fields: [FieldView]

    init(_ form: GoalForm, errors: FieldErrors, action: String, submit: String, year: SchoolYear, version: Int) {
        self.action = action
        self.submit = submit
        self.version = version
        fields = [
            FieldView(name: "statement", label: "Your goal", type: "textarea", value: form.statement, errors: errors,
                      hint: "In a sentence or two: what will change for your students, and what you will do."),
            FieldView(name: "student_outcome", label: "Student outcome (optional)", type: "textarea", value: form.studentOutcome, errors: errors,
                      hint: "What students will know or be able to do.", required: false),
            FieldView(name: "teacher_action", label: "Your action (optional)", type: "textarea", value: form.teacherAction, errors: errors,
                      hint: "What you will do differently in your practice.", required: false),
            FieldView(name: "measure", label: "How you will measure it (optional)", value: form.measure, errors: errors,
                      hint: "An assessment, a rubric, a count.", required: false),
            FieldView(name: "baseline", label: "Where students are now (optional)", value: form.baseline, errors: errors, required: false),
            FieldView(name: "target", label: "Target (optional)", value: form.target, errors: errors, hint: "E.g. 80% proficient.", required: false),
            FieldView(name: "target_date", label: "Target date (optional)", type: "date", value: form.targetDate, errors: errors,
                      hint: "Within the \(year.label) school year.", required: false),
        ]
    }

    /// The fields' messages for the error summary, in the order the fields appear.
    func summaryItems() -> [ErrorSummary.Item?] {
        fields.map(ErrorSummary.field)
    }
}

/// A goal as someone reads it who cannot change it (a coach or leader it is shared with, or its owner once the
/// plan is locked): the parts that are written, under labels that speak about the goal, not to its author.
enum GoalReadView {
    struct Part {
        let label: String
        let value: String
    }

    static func parts(of goal: Goal) -> [Part] {
        [("Goal", goal.statement), ("Student outcome", goal.studentOutcome), ("Action in practice", goal.teacherAction),
         ("Measure", goal.measure), ("Where students started", goal.baseline), ("Target", goal.target),
         ("Target date", goal.targetDate?.longForm ?? "")]
            .filter { !$0.1.isEmpty }.map { Part(label: $0.0, value: $0.1) }
    }
}
