import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A district admin's list of stakeholder roles: the parts people play in a cohort, offered when a coach adds a member.
struct StakeholderRolesController {
    let renderer: PageRenderer
    let cohorts: CohortService
    let secure: Bool

    struct RolesView {
        let roles: FieldView
        let action = SiteRoute.cohortRoles.path
        let defaults = StakeholderRoles.defaults.joined(separator: ", ")
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings/cohort-roles", use: show)
        router.post("/admin/settings/cohort-roles", use: save)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let roles = try await cohorts.stakeholderRoles(actor)
        let field = FieldView(name: "roles", label: "Stakeholder roles", type: "textarea", value: roles.joined(separator: "\n"), errors: FieldErrors(),
                              hint: "One a line. Leave it empty to go back to Trellis's list.", required: false, rows: 8)
        return renderer.render("cohort_roles", title: "Cohort roles", content: RolesView(roles: field), context: context, section: .district)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        let roles = try await cohorts.setStakeholderRoles(actor, form["roles"])
        return Flash.redirect(to: .cohortRoles, Flash(message: "Cohort roles are saved: \(roles.joined(separator: ", "))."), secure: secure)
    }
}
