import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The adoption view for leaders and admins: per tool, the shared trial summaries side by side, how many plans and
/// goals shortlist it, licence and privacy; filters as GET parameters, and the same rows as CSV.
struct AdoptionController {
    let renderer: PageRenderer
    let adoption: AdoptionService
    let catalogue: ToolCatalogueService

    struct AdoptionPage {
        struct Trial {
            let question: String
            let measure: String
            let baseline: String
            let result: String
            let change: String
            let verdict: String
            let students: String
            let dates: String
        }

        struct Tool {
            let name: String
            let href: String
            let audience: String
            let licence: String
            let privacy: String
            let cost: String
            let use: String
            let verdicts: String
            let warnings: [String]
            let trials: [Trial]
            let hasTrials: Bool
            let tableLabel: String
        }

        let subject: ChoiceView
        let gradeBand: ChoiceView
        let renewingSoon: Bool
        let csvPath: String
        let tools: [Tool]
        let hasTools: Bool
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/tools/adoption", use: page)
        router.get("/tools/adoption.csv", use: csv)
    }

    static func filter(_ request: Request) -> AdoptionService.Filter {
        let query = request.uri.queryParameters
        return AdoptionService.Filter(subject: String(query.get("subject") ?? ""), gradeBand: String(query.get("grade") ?? ""),
                                      renewingSoon: query.get("renewal") == "soon")
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let filter = Self.filter(request)
        let rows = try await adoption.rows(actor, filter)
        let subjects = try await catalogue.subjects(actor)
        let none = FieldErrors()
        let tools = rows.map { row in
            let line = row.trials
            let counts = EfficacyTrial.Verdict.allCases.filter { line.count($0) > 0 }.map { "\($0.label): \(line.count($0))" }
            let verdicts = counts.isEmpty ? (line.running > 0 ? "\(line.running) running" : "No shared trials yet")
                : counts.joined(separator: " · ") + (line.running > 0 ? " · \(line.running) running" : "")
            return AdoptionPage.Tool(
                name: row.tool.name, href: SiteRoute.tool(row.tool.id).path, audience: ToolText.audience(row.tool),
                licence: ToolText.licence(row.tool.licence), privacy: row.tool.privacy.label(today: adoption.today), cost: ToolText.cost(row.tool.costPerSeat),
                use: "On the shortlists of \(row.goals == 1 ? "1 goal" : "\(row.goals) goals") in \(row.plans == 1 ? "1 plan" : "\(row.plans) plans")",
                verdicts: verdicts, warnings: row.warnings,
                trials: line.trials.map { trial in
                    AdoptionPage.Trial(question: trial.question, measure: trial.measure.isEmpty ? "—" : trial.measure,
                                       baseline: trial.baseline?.spoken() ?? "—", result: trial.result?.spoken() ?? "—",
                                       change: trial.change?.spoken(signed: true) ?? "—", verdict: trial.verdict?.label ?? "Running",
                                       students: trial.studentCount.map(String.init) ?? "—", dates: ToolText.dates(trial.startsOn, trial.endsOn))
                },
                hasTrials: !line.trials.isEmpty, tableLabel: "Shared trials of \(row.tool.name)")
        }
        var csvPath = SiteRoute.toolsPage("adoption.csv").path
        let query = [("subject", filter.subject), ("grade", filter.gradeBand), ("renewal", filter.renewingSoon ? "soon" : "")]
            .filter { !$0.1.isEmpty }
            .map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
        if !query.isEmpty { csvPath += "?" + query.joined(separator: "&") }
        let view = AdoptionPage(
            subject: ChoiceView(name: "subject", label: "Subject", options: [("", "Any subject")] + subjects.map { ($0, $0) },
                                chosen: filter.subject, errors: none),
            gradeBand: ChoiceView(name: "grade", label: "Grade band", options: ToolText.options(GradeBand.self, blank: "Any grade") { $0.label },
                                  chosen: filter.gradeBand, errors: none),
            renewingSoon: filter.renewingSoon, csvPath: csvPath, tools: tools, hasTools: !tools.isEmpty)
        return renderer.render("tools_adoption", title: "Adoption view", content: view, context: context, section: .tools)
    }

    func csv(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let data = try await adoption.csv(actor, Self.filter(request))
        return FileDownload.response(data, mediaType: "text/csv; charset=utf-8", filename: "tool-adoption-\(adoption.today.iso).csv")
    }
}
