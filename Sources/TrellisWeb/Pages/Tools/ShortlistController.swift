import Hummingbird
import TrellisCore
import TrellisServices

/// Choosing tools together on a coaching cycle or a plan's goal: the shortlist, adding an approved tool, the rubric
/// per tool (a rating and a comment for each criterion), and taking a tool off (asked first).
struct ShortlistController {
    let renderer: PageRenderer
    let shortlists: ToolShortlistService
    let secure: Bool

    struct ShortlistPage {
        struct Criterion {
            let label: String
            let question: String
            let rating: ChoiceView
            let comment: FieldView
        }

        struct Item {
            let name: String
            let href: String
            let audience: String
            let action: String
            let removePath: String
            let version: String
            let criteria: [Criterion]
            let canWrite: Bool
            let summary: String
        }

        let title: String
        let errorSummary: ErrorSummary?
        let addAction: String
        let tool: ChoiceView?
        let items: [Item]
        let hasItems: Bool
        let canWrite: Bool
    }

    struct ConfirmPage {
        let question: String
        let consequence: String
        let action: String
        let removeLabel: String
        let keepPath: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/cycles/:id/tools", use: show)
        router.post("/coaching/cycles/:id/tools", use: add)
        router.get("/plans/:plan/goals/:goal/tools", use: show)
        router.post("/plans/:plan/goals/:goal/tools", use: add)
        router.post("/shortlist/:id", use: rate)
        router.get("/shortlist/:id/remove", use: confirmRemoval)
        router.post("/shortlist/:id/remove", use: remove)
    }

    static func anchor(_ context: TrellisRequestContext) throws -> ShortlistAnchor {
        if let plan = context.parameters.get("plan"), let goal = context.parameters.get("goal") {
            return .goal(.init(plan), .init(goal))
        }
        return .cycle(.init(try context.parameters.require("id")))
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, try Self.anchor(context), errors: FieldErrors(), status: .ok)
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let anchor = try Self.anchor(context)
        let data = try await FormData.from(request)
        do {
            _ = try await shortlists.add(actor, anchor, tool: data["tool"])
            return Flash.redirect(to: .shortlist(anchor), Flash(message: "The tool is on the shortlist. Rate it below."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, anchor, errors: errors, chosen: data["tool"], status: .unprocessableContent)
        }
    }

    func rate(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: ShortlistEntry.ID = try ToolRequest.id(context)
        let stored = try await shortlists.entry(actor, id)
        let data = try await FormData.from(request)
        var form = ToolShortlistService.RubricForm()
        for criterion in ToolRubric.Criterion.allCases {
            form.ratings[criterion.rawValue] = data["rating_\(criterion.rawValue)"]
            form.comments[criterion.rawValue] = data["comment_\(criterion.rawValue)"]
        }
        form.version = ToolRequest.version(data)
        do {
            try await shortlists.rate(actor, id, form)
            return Flash.redirect(to: .shortlist(stored.entry.anchor), Flash(message: "The rubric is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, stored.entry.anchor, errors: errors, editing: (id, form), status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, stored.entry.anchor, errors: FieldErrors(), editing: (id, form), notice: message, status: .conflict)
        }
    }

    func confirmRemoval(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: ShortlistEntry.ID = try ToolRequest.id(context)
        let stored = try await shortlists.entry(actor, id, write: true)
        let view = ConfirmPage(question: "Take this tool off the shortlist?", consequence: "Its rubric and comments are removed with it.",
                               action: SiteRoute.shortlistEntry(id, "remove").path, removeLabel: "Take it off",
                               keepPath: SiteRoute.shortlist(stored.entry.anchor).path)
        return renderer.render("confirm", title: view.question, content: view, context: context, section: .tools)
    }

    func remove(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let anchor = try await shortlists.remove(actor, try ToolRequest.id(context))
        return Flash.redirect(to: .shortlist(anchor), Flash(message: "The tool is off the shortlist."), secure: secure)
    }

    private func page(_ context: TrellisRequestContext, _ anchor: ShortlistAnchor, errors: FieldErrors, chosen: String = "",
                      editing: (id: ShortlistEntry.ID, form: ToolShortlistService.RubricForm)? = nil, notice: String? = nil,
                      status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let list = try await shortlists.shortlist(actor, anchor)
        let tool = list.canWrite ? ChoiceView(name: "tool", label: "Add a tool from the catalogue",
                                              options: [("", "Choose an approved tool…")] + list.choices.map { ($0.id.rawValue, $0.name) },
                                              chosen: chosen, errors: editing == nil ? errors : FieldErrors()) : nil
        var summaryItems: [ErrorSummary.Item?] = [tool?.summaryItem]
        let items = list.items.map { item in
            let isEditing = editing?.id == item.entry.id
            let form = isEditing ? editing!.form : ToolShortlistService.RubricForm(item.entry.rubric)
            let fieldErrors = isEditing ? errors : FieldErrors()
            let prefix = "entry-\(item.entry.id)"
            let criteria = ToolRubric.Criterion.allCases.map { criterion in
                let rating = ChoiceView(name: "rating_\(criterion.rawValue)", label: "Rating",
                                        options: [("", "Not rated yet")] + ToolRubric.Rating.allCases.map { ($0.rawValue, $0.label) },
                                        chosen: form.ratings[criterion.rawValue] ?? "", errors: fieldErrors, idPrefix: prefix)
                let comment = FieldView(name: "comment_\(criterion.rawValue)", label: "Comment", type: "textarea",
                                        value: form.comments[criterion.rawValue] ?? "", errors: fieldErrors, required: false, idPrefix: prefix, rows: 2)
                summaryItems += [rating.summaryItem, ErrorSummary.field(comment)]
                return ShortlistPage.Criterion(label: criterion.label, question: criterion.question, rating: rating, comment: comment)
            }
            let rated = item.entry.rubric.ratedCount
            return ShortlistPage.Item(name: item.tool.name, href: SiteRoute.tool(item.tool.id).path, audience: ToolText.audience(item.tool),
                                      action: SiteRoute.shortlistEntry(item.entry.id, nil).path,
                                      removePath: SiteRoute.shortlistEntry(item.entry.id, "remove").path,
                                      version: String(isEditing ? (form.version ?? item.version) : item.version), criteria: criteria,
                                      canWrite: list.canWrite, summary: "\(rated) of 3 criteria rated")
        }
        let summary = ErrorSummary(notice: notice, summaryItems)
        let view = ShortlistPage(title: list.title, errorSummary: summary, addAction: SiteRoute.shortlist(anchor).path, tool: tool,
                                 items: items, hasItems: !items.isEmpty, canWrite: list.canWrite)
        return renderer.render("tools_shortlist", title: ErrorSummary.title("Choosing tools together", summary), content: view, context: context,
                               status: status, section: .tools)
    }
}
