import Hummingbird
import TrellisCore
import TrellisServices

/// Which frameworks apply to which role: the standards a person aligns goals to, and gets suggestions from.
struct FrameworkRolesController {
    let renderer: PageRenderer
    let standards: StandardsService
    let secure: Bool

    struct RolesView {
        struct RoleGroup {
            let label: String
            let role: String
            let options: [Option]
        }
        struct Option {
            let id: String
            let name: String
            let value: String
            let title: String
            let checked: Bool
        }
        let roles: [RoleGroup]
        let action = SiteRoute.frameworkRoles.path
        let backPath = SiteRoute.frameworks.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/frameworks/roles", use: page)
        router.post("/frameworks/roles", use: save)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard Policy.can(actor, .update, .frameworks(actor.organizationID)) else { throw ServiceError.forbidden }
        let frameworks = try await standards.frameworks(actor)
        let assignments = try await standards.roleAssignments(actor)
        let groups = Role.allCases.map { role in
            RolesView.RoleGroup(label: role.label, role: role.rawValue, options: frameworks.enumerated().map { index, summary in
                RolesView.Option(id: "\(role.rawValue)-\(index)", name: "role_\(role.rawValue)", value: summary.framework.identifier,
                                 title: summary.framework.title, checked: assignments[role]?.contains(summary.framework.identifier) == true)
            })
        }
        return renderer.render("framework_roles", title: "Frameworks for each role", content: RolesView(roles: groups),
                               context: context, section: .standards)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        var assignments: [Role: [String]] = [:]
        for role in Role.allCases { assignments[role] = form.all("role_\(role.rawValue)") }
        do {
            try await standards.setRoleAssignments(actor, assignments, address: context.peerAddress)
        } catch is FieldErrors {
            throw HTTPError(.badRequest)
        }
        return Flash.redirect(to: .frameworks, Flash(message: "The frameworks for each role are saved."), secure: secure)
    }
}
