import Hummingbird
import TrellisCore
import TrellisServices

/// The catalogue: searching and filtering it (GET parameters, so a filtered list can be bookmarked), one tool's page,
/// and the list of proposals waiting for a district admin.
struct ToolCatalogueController {
    let renderer: PageRenderer
    let catalogue: ToolCatalogueService
    let trials: EfficacyTrialService

    struct CataloguePage {
        let search: FieldView
        let kind: ChoiceView
        let subject: ChoiceView
        let gradeBand: ChoiceView
        let clearPath: String
        let tools: [ToolLine]
        let hasTools: Bool
        let count: String
        let newPath: String
        let proposalsLink: String?
        let adoptionPath: String?
        let trialsPath: String?
        let retired: [ToolLine]
        let hasRetired: Bool
    }

    struct ProposalsPage {
        let tools: [ToolLine]
        let hasTools: Bool
        let intro: String
    }

    struct ToolPage {
        struct Fact {
            let label: String
            let value: String
        }

        let name: String
        let approval: String
        let link: String
        let warnings: [String]
        let hasWarnings: Bool
        let facts: [Fact]
        let standards: [String]
        let hasStandards: Bool
        let editPath: String?
        let decisionPath: String?
        let version: String
        let approve: Bool
        let retire: Bool
        let restore: Bool
        let trialPath: String?
        let backPath: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/tools", use: list)
        router.get("/tools/proposals", use: proposals)
        router.get("/tools/:id", use: show)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = request.uri.queryParameters
        let filter = CatalogueFilter(search: String(query.get("q") ?? ""), kind: String(query.get("kind") ?? ""),
                                     subject: String(query.get("subject") ?? ""), gradeBand: String(query.get("grade") ?? ""))
        let tools = try await catalogue.catalogue(actor, filter)
        let subjects = try await catalogue.subjects(actor)
        let proposals = try await catalogue.proposals(actor)
        let retired = try await catalogue.retired(actor)
        let today = catalogue.today
        let none = FieldErrors()
        let lines = tools.map { ToolLine($0, today: today) }
        let mine = try await trials.mine(actor)
        let view = CataloguePage(
            search: FieldView(name: "q", label: "Search", type: "search", value: filter.search, errors: none,
                              hint: "Words in the name, a subject, a standard or the owner.", required: false),
            kind: ChoiceView(name: "kind", label: "Kind", options: ToolText.options(DigitalTool.Kind.self, blank: "Any kind") { $0.label },
                             chosen: filter.kind, errors: none),
            subject: ChoiceView(name: "subject", label: "Subject", options: [("", "Any subject")] + subjects.map { ($0, $0) },
                                chosen: filter.subject, errors: none),
            gradeBand: ChoiceView(name: "grade", label: "Grade band", options: ToolText.options(GradeBand.self, blank: "Any grade") { $0.label },
                                  chosen: filter.gradeBand, errors: none),
            clearPath: SiteRoute.tools.path, tools: lines, hasTools: !lines.isEmpty,
            count: lines.count == 1 ? "1 tool" : "\(lines.count) tools", newPath: SiteRoute.toolsPage("new").path,
            proposalsLink: proposals.isEmpty ? nil : "Waiting for approval (\(proposals.count))",
            adoptionPath: AdoptionService.maySee(actor) ? SiteRoute.toolsPage("adoption").path : nil,
            trialsPath: trials.mayStart(actor) || !mine.isEmpty ? SiteRoute.trials.path : nil,
            retired: retired.map { ToolLine($0, today: today) }, hasRetired: !retired.isEmpty)
        return renderer.render("tools_catalogue", title: "Tools and content", content: view, context: context, section: .tools)
    }

    func proposals(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let tools = try await catalogue.proposals(actor).map { ToolLine($0, today: catalogue.today) }
        let intro = actor.has(.districtAdmin) ? "Open a proposal to check it and approve it for the catalogue."
            : "Your proposals. A district admin approves each before it appears in the catalogue."
        return renderer.render("tools_proposals", title: "Waiting for approval", content: ProposalsPage(tools: tools, hasTools: !tools.isEmpty, intro: intro),
                               context: context, section: .tools)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let detail = try await catalogue.tool(actor, try ToolRequest.id(context))
        let tool = detail.tool
        let today = catalogue.today
        let warnings = tool.warnings(today: today)
        let facts: [ToolPage.Fact] = [
            .init(label: "Kind", value: tool.kind.label),
            .init(label: "Subjects and grades", value: ToolText.audience(tool)),
            .init(label: "Data privacy", value: tool.privacy.label(today: today)),
            .init(label: "Licence", value: ToolText.licence(tool.licence)),
            .init(label: "Cost", value: ToolText.cost(tool.costPerSeat)),
            .init(label: "Owner", value: tool.owner.isEmpty ? "Not named yet" : tool.owner),
            .init(label: "Proposed by", value: detail.proposerName),
        ]
        let view = ToolPage(
            name: tool.name, approval: tool.approval.label, link: tool.link.absoluteString, warnings: warnings, hasWarnings: !warnings.isEmpty,
            facts: facts, standards: tool.standards, hasStandards: !tool.standards.isEmpty,
            editPath: detail.canEdit ? SiteRoute.toolPart(tool.id, "edit").path : nil,
            decisionPath: detail.canDecide ? SiteRoute.toolPart(tool.id, "approval").path : nil, version: String(detail.version),
            approve: tool.approval == .proposed, retire: tool.approval == .approved, restore: tool.approval == .retired,
            trialPath: tool.approval == .approved && trials.mayStart(actor) ? SiteRoute.newTrial.path + "?tool=\(tool.id)" : nil,
            backPath: SiteRoute.tools.path)
        return renderer.render("tools_tool", title: tool.name, content: view, context: context, section: .tools)
    }
}
