import Hummingbird
import TrellisCore
import TrellisServices

/// Proposing a tool, changing one (an admin, or its proposer while it waits), and an admin's approval decision.
struct ToolFormController {
    let renderer: PageRenderer
    let catalogue: ToolCatalogueService
    let secure: Bool

    struct FormPage {
        let heading: String
        let intro: String
        let errorSummary: ErrorSummary?
        let action: String
        let backPath: String
        let submit: String
        let version: String
        let name: FieldView
        let link: FieldView
        let kind: ChoiceView
        let subjects: FieldView
        let gradeBands: CheckboxGroupView
        let standards: FieldView
        let privacyStatus: ChoiceView
        let privacyExpiresOn: FieldView
        let licenceStatus: ChoiceView
        let licenceRenewsOn: FieldView
        let costPerSeat: FieldView
        let owner: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/tools/new", use: new)
        router.post("/tools", use: create)
        router.get("/tools/:id/edit", use: edit)
        router.post("/tools/:id/edit", use: save)
        router.post("/tools/:id/approval", use: decide)
    }

    func new(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try page(context, tool: nil, form: ToolForm(), version: nil, errors: FieldErrors(), status: .ok)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = Self.form(try await FormData.from(request))
        do {
            let tool = try await catalogue.propose(actor, form, address: context.peerAddress)
            let message = actor.has(.districtAdmin) ? "\(tool.name) is proposed. Approve it below to add it to the catalogue."
                : "\(tool.name) is proposed. A district admin will look at it before it appears in the catalogue."
            return Flash.redirect(to: .tool(tool.id), Flash(message: message), secure: secure)
        } catch let errors as FieldErrors {
            return try page(context, tool: nil, form: form, version: nil, errors: errors, status: .unprocessableContent)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let detail = try await catalogue.tool(actor, try ToolRequest.id(context))
        guard detail.canEdit else { throw ServiceError.forbidden }
        return try page(context, tool: detail.tool.id, form: ToolForm(detail.tool), version: detail.version, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: DigitalTool.ID = try ToolRequest.id(context)
        let form = Self.form(try await FormData.from(request))
        do {
            try await catalogue.update(actor, id, form, address: context.peerAddress)
            return Flash.redirect(to: .tool(id), Flash(message: "The tool is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try page(context, tool: id, form: form, version: form.version, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            let latest = try await catalogue.tool(actor, id)
            return try page(context, tool: id, form: form, version: latest.version, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func decide(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: DigitalTool.ID = try ToolRequest.id(context)
        let data = try await FormData.from(request)
        guard let approval = DigitalTool.Approval(rawValue: data["approval"]), approval != .proposed else {
            throw HTTPError(.badRequest, message: "Choose to approve or retire the tool.")
        }
        do {
            try await catalogue.decide(actor, id, to: approval, expecting: ToolRequest.version(data), address: context.peerAddress)
        } catch ServiceError.conflict(let message) {
            return Flash.redirect(to: .tool(id), Flash(message: message), secure: secure)
        }
        let message = approval == .approved ? "The tool is approved and in the catalogue." : "The tool is retired: it stays on record but is no longer offered."
        return Flash.redirect(to: .tool(id), Flash(message: message), secure: secure)
    }

    private func page(_ context: TrellisRequestContext, tool: DigitalTool.ID?, form: ToolForm, version: Int?, errors: FieldErrors,
                      notice: String? = nil, status: HTTPResponse.Status) throws -> Response {
        let name = FieldView(name: "name", label: "Name", value: form.name, errors: errors)
        let link = FieldView(name: "link", label: "Web address", type: "url", value: form.link, errors: errors, hint: "Starting https://.")
        let kind = ChoiceView(name: "kind", label: "Kind", options: ToolText.options(DigitalTool.Kind.self, blank: "Choose…") { $0.label },
                              chosen: form.kind, errors: errors)
        let subjects = FieldView(name: "subjects", label: "Subjects (optional)", value: form.subjects, errors: errors,
                                 hint: "Separated by commas, e.g. Mathematics, Science.", required: false)
        let bands = CheckboxGroupView(name: "grade_bands", label: "Grade bands", options: GradeBand.allCases.map { ($0.rawValue, $0.label) },
                                      checked: form.gradeBands, errors: errors)
        let standards = FieldView(name: "standards", label: "Standards it supports (optional)", type: "textarea", value: form.standards,
                                  errors: errors, hint: "Published identifiers, one per line, e.g. CCSS.MATH.CONTENT.3.NF.A.1.", required: false, rows: 3)
        let privacy = ChoiceView(name: "privacy_status", label: "Data-privacy agreement",
                                 options: ToolText.options(PrivacyAgreement.Status.self, blank: nil) { $0.label }, chosen: form.privacyStatus, errors: errors)
        let expires = FieldView(name: "privacy_expires_on", label: "Agreement expires (optional)", type: "date", value: form.privacyExpiresOn,
                                errors: errors, hint: "A date already past is kept, and shown as a warning.", required: false)
        let licence = ChoiceView(name: "licence_status", label: "Licence", options: ToolText.options(Licence.Status.self, blank: nil) { $0.label },
                                 chosen: form.licenceStatus, errors: errors)
        let renews = FieldView(name: "licence_renews_on", label: "Licence renews (optional)", type: "date", value: form.licenceRenewsOn,
                               errors: errors, required: false)
        let cost = FieldView(name: "cost_per_seat", label: "Cost per seat, US dollars a year (optional)", value: form.costPerSeat, errors: errors,
                             hint: "e.g. 4.50. Leave empty when not known.", required: false)
        let owner = FieldView(name: "owner", label: "Owner (optional)", value: form.owner, errors: errors,
                              hint: "Who looks after it for the district: a person or an office.", required: false)
        let summary = ErrorSummary(notice: notice, [ErrorSummary.field(name), ErrorSummary.field(link), kind.summaryItem, ErrorSummary.field(subjects),
                                                    bands.summaryItem, ErrorSummary.field(standards), privacy.summaryItem, ErrorSummary.field(expires),
                                                    licence.summaryItem, ErrorSummary.field(renews), ErrorSummary.field(cost), ErrorSummary.field(owner)])
        let heading = tool == nil ? "Propose a tool" : "Change the tool"
        let view = FormPage(
            heading: heading,
            intro: tool == nil ? "Suggest an app, platform, content collection or device for the district's catalogue. A district admin approves it first." : "",
            errorSummary: summary, action: tool.map { SiteRoute.toolPart($0, "edit").path } ?? SiteRoute.tools.path,
            backPath: tool.map { SiteRoute.tool($0).path } ?? SiteRoute.tools.path, submit: tool == nil ? "Propose the tool" : "Save the tool",
            version: version.map(String.init) ?? "", name: name, link: link, kind: kind, subjects: subjects, gradeBands: bands, standards: standards,
            privacyStatus: privacy, privacyExpiresOn: expires, licenceStatus: licence, licenceRenewsOn: renews, costPerSeat: cost, owner: owner)
        return renderer.render("tools_form", title: ErrorSummary.title(heading, summary), content: view, context: context, status: status, section: .tools)
    }

    static func form(_ data: FormData) -> ToolForm {
        var form = ToolForm()
        form.name = data["name"]
        form.link = data["link"]
        form.kind = data["kind"]
        form.subjects = data["subjects"]
        form.gradeBands = data.all("grade_bands")
        form.standards = data["standards"]
        form.privacyStatus = data["privacy_status"]
        form.privacyExpiresOn = data["privacy_expires_on"]
        form.licenceStatus = data["licence_status"]
        form.licenceRenewsOn = data["licence_renews_on"]
        form.costPerSeat = data["cost_per_seat"]
        form.owner = data["owner"]
        form.version = ToolRequest.version(data)
        return form
    }
}
