import Hummingbird
import TrellisCore
import TrellisServices

/// A district admin's list of schools: add and rename.
struct SchoolsController {
    let renderer: PageRenderer
    let schools: SchoolService
    let secure: Bool

    struct ListView {
        let schools: [Line]
        let hasSchools: Bool
        let name: FieldView
        let action = SiteRoute.schools.path
    }

    struct Line {
        let name: String
        let people: Int
        let editPath: String
    }

    struct EditView {
        let name: FieldView
        let action: String
        let backPath = SiteRoute.schools.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/schools", use: list)
        router.post("/admin/schools", use: create)
        router.get("/admin/schools/:id", use: edit)
        router.post("/admin/schools/:id", use: rename)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await listPage(context, typed: "", errors: FieldErrors(), status: .ok)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            let school = try await schools.create(actor, name: form["name"])
            return Flash.redirect(to: .schools, Flash(message: "\(school.name) is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await listPage(context, typed: form["name"], errors: errors, status: .unprocessableContent)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let school = try await find(actor, context)
        guard Policy.can(actor, .update, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        return editPage(school, typed: school.name, errors: FieldErrors(), context: context, status: .ok)
    }

    func rename(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let school = try await find(actor, context)
        let form = try await FormData.from(request)
        do {
            try await schools.rename(actor, school: school.id, to: form["name"])
            return Flash.redirect(to: .schools, Flash(message: "The school is renamed."), secure: secure)
        } catch let errors as FieldErrors {
            return editPage(school, typed: form["name"], errors: errors, context: context, status: .unprocessableContent)
        }
    }

    private func find(_ actor: Actor, _ context: TrellisRequestContext) async throws -> School {
        let id = School.ID(try context.parameters.require("id"))
        guard let school = try await schools.list(actor).first(where: { $0.id == id }) else { throw ServiceError.notFound }
        return school
    }

    private func listPage(_ context: TrellisRequestContext, typed: String, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        guard Policy.can(actor, .create, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        let all = try await schools.list(actor)
        let counts = try await schools.headcounts(actor)
        let view = ListView(schools: all.map { Line(name: $0.name, people: counts[$0.id] ?? 0, editPath: SiteRoute.school($0.id).path) },
                            hasSchools: !all.isEmpty,
                            name: FieldView(name: "name", label: "School name", value: typed, errors: errors))
        return renderer.render("admin_schools", title: "Schools", content: view, context: context, status: status, section: .schools)
    }

    private func editPage(_ school: School, typed: String, errors: FieldErrors, context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        renderer.render("admin_school_edit", title: "Rename \(school.name)",
                        content: EditView(name: FieldView(name: "name", label: "School name", value: typed, errors: errors),
                                          action: SiteRoute.school(school.id).path),
                        context: context, status: status, section: .schools)
    }
}
