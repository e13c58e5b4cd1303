import Foundation
import TrellisCore
import TrellisStore

/// What the person running the server does from the command line. Operators hold the machine, so these
/// use cases are not subject to `Policy`; they still validate everything and write the audit log.
public struct OperatorService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// Creates a district. The slug is how the command line names it: lower-case letters, digits and dashes.
    public func createOrganization(slug text: String, name nameText: String) async throws -> Organization {
        var errors = FieldErrors()
        let slug = text.trimmingWhitespace().lowercased()
        if slug.isEmpty || slug.count > 40 || !slug.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            errors["slug"] = "Use 1 to 40 lower-case letters, digits or dashes, e.g. cascade."
        }
        let name = nameText.trimmingWhitespace()
        if name.isEmpty { errors["name"] = "Give the district a name." }
        try errors.throwIfAny()
        let organization = Organization(id: env.ids.make(), slug: slug, name: name)
        do {
            try await OrganizationStore(env.database).create(organization, at: env.clock.now())
        } catch StoreError.duplicate {
            throw FieldErrors("slug", "A district with the slug \(slug) already exists.")
        }
        return organization
    }

    public func organization(slug: String) async throws -> Organization {
        guard let organization = try await OrganizationStore(env.database).find(slug: slug.lowercased()) else {
            throw FieldErrors("org", "No district has the slug \(slug). `trellis org list` shows them.")
        }
        return organization
    }

    public func organizations() async throws -> [Organization] {
        try await OrganizationStore(env.database).all()
    }

    public func school(named name: String, in organization: Organization) async throws -> School? {
        try await OrganizationScope(env.database, organizationID: organization.id).schools.all().first { $0.name == name }
    }

    /// Creates a person with a password, e.g. the first district admin.
    public func createPerson(in organization: Organization, form: PersonForm, password: String) async throws -> Person {
        let scope = OrganizationScope(env.database, organizationID: organization.id)
        let valid = try form.validated(schools: try await scope.schools.all())
        if let problem = PasswordRules.problem(with: password, email: valid.email) {
            throw FieldErrors("password", problem)
        }
        let person = Person(id: env.ids.make(), organizationID: organization.id, email: valid.email, displayName: valid.name,
                            schoolID: valid.school, roles: valid.roles)
        let hash = try await env.passwords.hash(password)
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: organization.id)
                try await scope.people.create(person, passwordHash: hash, at: env.clock.now())
                try await scope.audit.append(env.event(.personCreated, in: organization.id, by: nil, about: person.id,
                                                       detail: "\(person.displayName) <\(person.email)> as \(PeopleService.describe(person.roles)) (command line)"))
            }
        } catch StoreError.duplicate {
            throw FieldErrors("email", "Someone already uses \(valid.email).")
        }
        return person
    }
}
