import Hummingbird
import TrellisCore
import TrellisServices

/// District admins' renewal settings (`/admin/settings/renewal`): the rules per certificate type, Washington's until
/// changed, and the clock hours a verified growth plan earns.
struct RenewalRulesController {
    let renderer: PageRenderer
    let clockHours: ClockHourService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings/renewal", use: page)
        router.post("/admin/settings/renewal", use: savePGPHours)
        router.get("/admin/settings/renewal/:type", use: edit)
        router.post("/admin/settings/renewal/:type", use: save)
        router.post("/admin/settings/renewal/:type/reset", use: reset)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let hours = try await clockHours.growthPlanHours(actor)
        return renderPage(context, RenewalRulesView(try await clockHours.ruleSets(actor), pgpHours: hours.text), status: .ok)
    }

    func savePGPHours(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            try await clockHours.setGrowthPlanHours(actor, form["pgp_clock_hours"], address: context.peerAddress)
            return Flash.redirect(to: .renewalRules, Flash(message: "Saved: plans verified from now on earn \(form["pgp_clock_hours"].trimmingWhitespace()) clock hours."),
                                  secure: secure)
        } catch let errors as FieldErrors {
            let view = RenewalRulesView(try await clockHours.ruleSets(actor), pgpHours: form["pgp_clock_hours"], errors: errors)
            return renderPage(context, view, status: .unprocessableContent)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let type = try Self.type(context)
        let stored = try await clockHours.ruleSet(actor, for: type)
        return renderEdit(context, RenewalRuleSetView(type: type, version: stored.version, isDistrictOwn: stored.isDistrictOwn, form: .init(stored.rules)),
                          status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let type = try Self.type(context)
        let data = try await FormData.from(request)
        let form = RenewalRuleSetView.form(from: data)
        let version = Int(data["version"]) ?? 0
        do {
            try await clockHours.saveRuleSet(actor, for: type, form, expecting: version, address: context.peerAddress)
            return Flash.redirect(to: .renewalRules, Flash(message: "The \(type.label) renewal rules are saved. Every renewal tracker uses them now."),
                                  secure: secure)
        } catch let errors as FieldErrors {
            let stored = try await clockHours.ruleSet(actor, for: type)
            return renderEdit(context, RenewalRuleSetView(type: type, version: version, isDistrictOwn: stored.isDistrictOwn, form: form, errors: errors),
                              status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            // The newest version goes into the form's hidden field, so saving again after reading the message works.
            let stored = try await clockHours.ruleSet(actor, for: type)
            var view = RenewalRuleSetView(type: type, version: stored.version, isDistrictOwn: stored.isDistrictOwn, form: form)
            view.notice(message)
            return renderEdit(context, view, status: .conflict)
        }
    }

    func reset(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let type = try Self.type(context)
        _ = try await FormData.from(request)
        try await clockHours.resetRuleSet(actor, for: type, address: context.peerAddress)
        return Flash.redirect(to: .renewalRules, Flash(message: "The \(type.label) renewal rules are back to Washington's."), secure: secure)
    }

    static func type(_ context: TrellisRequestContext) throws -> CertificateType {
        guard let type = CertificateType(rawValue: try context.parameters.require("type")) else { throw HTTPError(.notFound) }
        return type
    }

    private func renderPage(_ context: TrellisRequestContext, _ view: RenewalRulesView, status: HTTPResponse.Status) -> Response {
        renderer.render("renewal_rules", title: ErrorSummary.title("Renewal rules", view.errorSummary), content: view, context: context,
                        status: status, section: .settings)
    }

    private func renderEdit(_ context: TrellisRequestContext, _ view: RenewalRuleSetView, status: HTTPResponse.Status) -> Response {
        renderer.render("renewal_rule_set", title: ErrorSummary.title(view.heading, view.errorSummary), content: view, context: context,
                        status: status, section: .settings)
    }
}
