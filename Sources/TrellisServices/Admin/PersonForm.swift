import TrellisCore

/// What an admin typed into the person form, before it is checked. Kept as typed so a page can show it again.
public struct PersonForm: Sendable, Hashable {
    public var displayName: String
    public var email: String
    public var schoolID: String
    public var roles: [String]

    public init(displayName: String = "", email: String = "", schoolID: String = "", roles: [String] = []) {
        self.displayName = displayName
        self.email = email
        self.schoolID = schoolID
        self.roles = roles
    }

    public init(_ person: Person) {
        self.init(displayName: person.displayName, email: person.email.value, schoolID: person.schoolID?.rawValue ?? "",
                  roles: person.sortedRoles.map(\.rawValue))
    }

    /// The checked values, or the messages for each wrong field.
    func validated(schools: [School]) throws -> (name: String, email: EmailAddress, school: School.ID?, roles: Set<Role>) {
        var errors = FieldErrors()
        let name = displayName.trimmingWhitespace()
        if name.isEmpty {
            errors["display_name"] = "Enter the person's name."
        } else if name.count > 120 {
            errors["display_name"] = "Use at most 120 characters."
        }
        let email = EmailAddress(self.email)
        if self.email.trimmingWhitespace().isEmpty {
            errors["email"] = "Enter an email address."
        } else if email == nil {
            errors["email"] = "Enter an email address like name@school.org."
        }
        var school: School.ID?
        if !schoolID.isEmpty {
            school = schools.first(where: { $0.id.rawValue == schoolID })?.id
            if school == nil { errors["school_id"] = "Choose a school from the list." }
        }
        let roles = Set(self.roles.compactMap(Role.init(rawValue:)))
        if roles.count != Set(self.roles).count {
            errors["roles"] = "Choose roles from the list."
        } else if roles.isEmpty {
            errors["roles"] = "Choose at least one role."
        }
        try errors.throwIfAny()
        return (name, email!, school, roles)
    }
}
