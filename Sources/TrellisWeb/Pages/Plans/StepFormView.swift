import TrellisCore
import TrellisServices

/// The action step form; `prefix` keeps ids unique when one page holds a form per goal.
struct StepFormView: Encodable {
    struct StatusOption: Encodable {
        let value: String
        let label: String
        let selected: Bool
    }
    let action: String
    let submit: String
    let prefix: String
    let version: Int
    /// Open when any field has a message or the person's words come back: whatever holds the form (a folded
    /// `<details>`) is then open, so the message and the words can be seen.
    let isOpen: Bool
    let what: FieldView
    let dueDate: FieldView
    let statuses: [StatusOption]
    let statusID: String
    let statusError: String?
    let supportNeeded: FieldView
    let resources: FieldView
    let estimatedHours: FieldView

    init(_ form: ActionStepForm, errors: FieldErrors, prefix: String, action: String, submit: String, version: Int, isOpen: Bool = false) {
        self.action = action
        self.submit = submit
        self.prefix = prefix
        self.version = version
        self.isOpen = isOpen || !errors.isEmpty
        what = FieldView(name: "what", label: "What you will do", type: "textarea", value: form.what, errors: errors, idPrefix: prefix)
        dueDate = FieldView(name: "due_date", label: "By when (optional)", type: "date", value: form.dueDate, errors: errors, required: false, idPrefix: prefix)
        statuses = ActionStep.Status.allCases.map { StatusOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.status) }
        statusID = "\(prefix)-status"
        statusError = errors["status"]
        supportNeeded = FieldView(name: "support_needed", label: "Support needed (optional)", value: form.supportNeeded, errors: errors,
                                  hint: "E.g. a coach to model a lesson, release time.", required: false, idPrefix: prefix)
        resources = FieldView(name: "resources", label: "Resources (optional)", value: form.resources, errors: errors, required: false, idPrefix: prefix)
        estimatedHours = FieldView(name: "estimated_hours", label: "Estimated hours (optional)", value: form.estimatedHours, errors: errors,
                                   hint: "A number, e.g. 2 or 1.5.", required: false, idPrefix: prefix)
    }

    /// The fields' messages for the error summary, in the order the fields appear.
    func summaryItems() -> [ErrorSummary.Item?] {
        [ErrorSummary.field(what), ErrorSummary.field(dueDate), ErrorSummary.field(id: statusID, statusError),
         ErrorSummary.field(supportNeeded), ErrorSummary.field(resources), ErrorSummary.field(estimatedHours)]
    }
}
