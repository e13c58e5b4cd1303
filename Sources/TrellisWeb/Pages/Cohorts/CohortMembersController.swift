import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The facilitator's page for a cohort's people: adding members with their stakeholder role, taking them out, and
/// splitting the cohort into PLCs.
struct CohortMembersController {
    let renderer: PageRenderer
    let cohorts: CohortService
    let plcs: PLCService
    let secure: Bool

    struct MembersView {
        struct Member {
            let name: String
            let role: String
            let removePath: String
            let checkboxID: String
            let id: String
            let checked: Bool
        }
        struct Option {
            let value: String
            let selected: Bool
        }
        struct PLCLine {
            let name: String
            let path: String
            let members: String
        }
        let errorSummary: ErrorSummary?
        let name: String
        let cohortPath: String
        let version: String
        let members: [Member]
        let hasMembers: Bool
        let email: FieldView
        let roles: [Option]
        let roleError: String?
        let addPath: String
        let plcs: [PLCLine]
        let plcName: FieldView
        let plcMembersError: String?
        let plcPath: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/cohorts/:cohort/members", use: show)
        router.post("/cohorts/:cohort/members", use: add)
        router.post("/cohorts/:cohort/members/:person/remove", use: remove)
        router.post("/cohorts/:cohort/plcs", use: createPLC)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, form: FormData(""), errors: FieldErrors(), status: .ok)
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let form = try await FormData.from(request)
        do {
            try await cohorts.setMember(actor, id, person: form["email"].trimmingWhitespace(), role: form["role"], expecting: Int(form["version"]))
            return Flash.redirect(to: .cohortSection(id, "members"), Flash(message: "The member is saved and has been told."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func remove(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let form = try await FormData.from(request)
        try await cohorts.removeMember(actor, id, person: Person.ID(try context.parameters.require("person")), expecting: Int(form["version"]))
        return Flash.redirect(to: .cohortSection(id, "members"), Flash(message: "The member is no longer in the cohort."), secure: secure)
    }

    func createPLC(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let form = try await FormData.from(request)
        do {
            let plc = try await plcs.create(actor, id, name: form["plc_name"], members: form.all("plc_members"))
            return Flash.redirect(to: .plc(id, plc.id), Flash(message: "The PLC “\(plc.name)” is made. Next: its theme and group goal."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    private func page(_ context: TrellisRequestContext, form: FormData, errors: FieldErrors, notice: String? = nil,
                      status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let id = try CohortsController.cohortID(context)
        let loaded = try await cohorts.load(actor, id, may: .update, .setup)
        let names = try await cohorts.names(actor, loaded)
        let roles = try await cohorts.stakeholderRoles(actor)
        let chosen = Set(form.all("plc_members"))
        let members = loaded.cohort.members.enumerated().map { index, member in
            MembersView.Member(name: names[member.personID] ?? "", role: member.role,
                               removePath: SiteRoute.cohortSection(id, "members/\(member.personID)/remove").path,
                               checkboxID: "plc-member-\(index)", id: member.personID.rawValue, checked: chosen.contains(member.personID.rawValue))
        }
        let email = FieldView(name: "email", label: "Email", type: "email", value: form["email"], errors: errors.renamed("person", to: "email"),
                              hint: "Someone in your district who uses Trellis; they may be at any school.", autocomplete: "off")
        let plcName = FieldView(name: "plc_name", label: "Name of the PLC", value: form["plc_name"], errors: errors.renamed("name", to: "plc_name"),
                                hint: "For example, “Cascade Elementary team”.")
        let existing = try await plcs.plcs(actor, id).map { stored in
            MembersView.PLCLine(name: stored.plc.name, path: SiteRoute.plc(id, stored.plc.id).path,
                                members: stored.plc.memberIDs.compactMap { names[$0] }.joined(separator: ", "))
        }
        let summary = ErrorSummary(notice: notice, [ErrorSummary.field(email), ErrorSummary.field(id: "field-role", errors["role"]),
                                                    ErrorSummary.field(plcName), ErrorSummary.field(id: "plc-members", errors["members"])])
        let view = MembersView(
            errorSummary: summary, name: loaded.cohort.name, cohortPath: SiteRoute.cohort(id).path, version: String(loaded.version),
            members: members, hasMembers: !members.isEmpty, email: email,
            roles: roles.map { MembersView.Option(value: $0, selected: $0 == form["role"]) }, roleError: errors["role"],
            addPath: SiteRoute.cohortSection(id, "members").path, plcs: existing, plcName: plcName, plcMembersError: errors["members"],
            plcPath: SiteRoute.cohortSection(id, "plcs").path)
        return renderer.render("cohort_members", title: ErrorSummary.title("Members and PLCs", summary), content: view, context: context,
                               status: status, section: .cohorts)
    }
}

extension FieldErrors {
    /// The same messages with one field's under another name, where a page's field is named differently from the service's.
    func renamed(_ field: String, to name: String) -> FieldErrors {
        var copy = self
        if let message = self[field] { copy[name] = message }
        return copy
    }
}
