import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A district admin's directory of people: add, edit, roles, one-time password links, deactivation.
struct PeopleController {
    let renderer: PageRenderer
    let people: PeopleService
    let schools: SchoolService
    let baseURL: String
    let secure: Bool

    struct ListView {
        struct Line {
            let name: String
            let email: String
            let school: String
            let roles: String
            let isActive: Bool
            let path: String
        }
        let people: [Line]
        /// "1 person", "12 people".
        let count: String
        let newPath = SiteRoute.newPerson.path
        let rosterPath = SiteRoute.roster.path
    }

    struct PersonView {
        let name: String
        let email: String
        let school: String
        let roles: String
        let isActive: Bool
        let isSelf: Bool
        let form: PersonFormView
        let activationPath: String
        let resetPath: String
        let clockHoursPath: String
        let backPath = SiteRoute.people.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/people", use: list)
        router.post("/admin/people", use: create)
        router.get("/admin/people/new", use: newPerson)
        router.get("/admin/people/:id", use: show)
        router.post("/admin/people/:id", use: update)
        router.post("/admin/people/:id/activation", use: activation)
        router.post("/admin/people/:id/password-reset", use: passwordReset)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let everyone = try await people.list(actor)
        let names = Dictionary(uniqueKeysWithValues: try await schools.list(actor).map { ($0.id, $0.name) })
        let lines = everyone.map {
            ListView.Line(name: $0.displayName, email: $0.email.value, school: $0.schoolID.flatMap { names[$0] } ?? "—",
                          roles: $0.sortedRoles.map(\.label).joined(separator: ", "), isActive: $0.isActive, path: SiteRoute.person($0.id).path)
        }
        return renderer.render("admin_people", title: "People", content: ListView(people: lines, count: Plural.count(lines.count, "person", plural: "people")),
                               context: context, section: .people)
    }

    func newPerson(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard Policy.can(actor, .create, .people(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await newPage(actor, form: PersonForm(roles: [Role.educator.rawValue]), errors: FieldErrors(), context: context, status: .ok)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await Self.personForm(from: request)
        do {
            let (person, link) = try await people.create(actor, form, address: context.peerAddress)
            return Flash.redirect(to: .person(person.id), flash(for: link, message: "\(person.displayName) is added. Give them this one-time link to choose a password:"), secure: secure)
        } catch let errors as FieldErrors {
            return try await newPage(actor, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let person = try await people.find(actor, try personID(context))
        guard Policy.can(actor, .read, .people(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await personPage(actor, person, form: PersonForm(person), errors: FieldErrors(), context: context, status: .ok)
    }

    func update(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let person = try await people.find(actor, try personID(context))
        let form = try await Self.personForm(from: request)
        do {
            let updated = try await people.update(actor, person.id, form, address: context.peerAddress)
            return Flash.redirect(to: .person(updated.id), Flash(message: "Changes to \(updated.displayName) are saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await personPage(actor, person, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    func activation(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        let active = form["active"] == "true"
        let person = try await people.setActive(actor, try personID(context), active: active, address: context.peerAddress)
        let message = active ? "\(person.displayName) can sign in again." : "\(person.displayName) is deactivated and can no longer sign in. Nothing of theirs is deleted."
        return Flash.redirect(to: .person(person.id), Flash(message: message), secure: secure)
    }

    func passwordReset(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try personID(context)
        let link = try await people.issuePasswordReset(actor, id, address: context.peerAddress)
        return Flash.redirect(to: .person(id), flash(for: link, message: "Give this one-time link to the person so they can choose a new password:"), secure: secure)
    }

    private func flash(for link: PeopleService.ResetLink, message: String) -> Flash {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM d, yyyy 'at' HH:mm 'UTC'"
        return Flash(message: message, link: baseURL + SiteRoute.passwordReset(token: link.token).path,
                     linkExpires: formatter.string(from: link.expiresAt))
    }

    private func personID(_ context: TrellisRequestContext) throws -> Person.ID {
        Person.ID(try context.parameters.require("id"))
    }

    static func personForm(from request: Request) async throws -> PersonForm {
        let form = try await FormData.from(request)
        return PersonForm(displayName: form["display_name"], email: form["email"], schoolID: form["school_id"], roles: form.all("roles"))
    }

    private func newPage(_ actor: Actor, form: PersonForm, errors: FieldErrors, context: TrellisRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let view = PersonFormView(action: SiteRoute.people.path, submitLabel: "Add person", form: form, errors: errors,
                                  schools: try await schools.list(actor))
        return renderer.render("admin_person_new", title: "Add a person", content: view, context: context, status: status, section: .people)
    }

    private func personPage(_ actor: Actor, _ person: Person, form: PersonForm, errors: FieldErrors, context: TrellisRequestContext,
                            status: HTTPResponse.Status) async throws -> Response {
        let allSchools = try await schools.list(actor)
        let view = PersonView(
            name: person.displayName, email: person.email.value,
            school: person.schoolID.flatMap { id in allSchools.first { $0.id == id }?.name } ?? "No school",
            roles: person.sortedRoles.map(\.label).joined(separator: ", "), isActive: person.isActive, isSelf: person.id == actor.personID,
            form: PersonFormView(action: SiteRoute.person(person.id).path, submitLabel: "Save changes", form: form, errors: errors, schools: allSchools),
            activationPath: SiteRoute.personActivation(person.id).path, resetPath: SiteRoute.personPasswordReset(person.id).path,
            clockHoursPath: SiteRoute.clockHours(person.id).path)
        return renderer.render("admin_person", title: person.displayName, content: view, context: context, status: status, section: .people)
    }
}
