import TrellisCore
import TrellisServices

/// The person form as a template shows it: each field with the value as typed and its message.
struct PersonFormView {
    struct SchoolOption {
        let id: String
        let name: String
        let selected: Bool
    }

    struct RoleOption {
        let value: String
        let label: String
        let summary: String
        let checked: Bool
        let id: String
    }

    let action: String
    let submitLabel: String
    let displayName: FieldView
    let email: FieldView
    let schoolError: String?
    let schoolNoneSelected: Bool
    let schools: [SchoolOption]
    let rolesError: String?
    let roles: [RoleOption]
    /// The problems, listed at the top of the page (`error_summary`).
    let errorSummary: ErrorSummary?

    init(action: String, submitLabel: String, form: PersonForm, errors: FieldErrors, schools: [School]) {
        self.action = action
        self.submitLabel = submitLabel
        displayName = FieldView(name: "display_name", label: "Name", value: form.displayName, errors: errors,
                                hint: "As the person writes it, with any accents.", autocomplete: "off")
        email = FieldView(name: "email", label: "Email", type: "email", value: form.email, errors: errors,
                          hint: "They sign in with this address.", autocomplete: "off")
        schoolError = errors["school_id"]
        schoolNoneSelected = form.schoolID.isEmpty
        self.schools = schools.map { SchoolOption(id: $0.id.rawValue, name: $0.name, selected: $0.id.rawValue == form.schoolID) }
        rolesError = errors["roles"]
        roles = Role.allCases.map {
            RoleOption(value: $0.rawValue, label: $0.label, summary: $0.summary, checked: form.roles.contains($0.rawValue), id: "role-\($0.rawValue)")
        }
        errorSummary = ErrorSummary([ErrorSummary.field(displayName), ErrorSummary.field(email), ErrorSummary.field(id: "field-school_id", schoolError),
                                     ErrorSummary.field(id: roles.first?.id ?? "field-roles", rolesError)])
    }
}
