import Hummingbird
import TrellisCore
import TrellisServices

/// Efficacy trials: the list of one's own, starting one (a coach), its page and its form (its coach and educators).
struct TrialController {
    let renderer: PageRenderer
    let trials: EfficacyTrialService
    let catalogue: ToolCatalogueService
    let secure: Bool

    struct ListPage {
        struct Line {
            let href: String
            let tool: String
            let question: String
            let state: String
            let dates: String
        }

        let trials: [Line]
        let hasTrials: Bool
        let newPath: String?
    }

    struct TrialPage {
        struct Fact {
            let label: String
            let value: String
        }

        let heading: String
        let toolPath: String
        let state: String
        let visibility: String
        let facts: [Fact]
        let evidence: [String]
        let hasEvidence: Bool
        let notes: String?
        let editPath: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/trials", use: list)
        router.get("/trials/new", use: new)
        router.post("/trials", use: create)
        router.get("/trials/:id", use: show)
        router.get("/trials/:id/edit", use: edit)
        router.post("/trials/:id/edit", use: save)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let lines = try await trials.mine(actor).map { entry in
            ListPage.Line(href: SiteRoute.trial(entry.trial.id).path, tool: entry.tool?.name ?? "A tool", question: entry.trial.question,
                          state: entry.trial.verdict.map { "Verdict: \($0.label)" } ?? "Running",
                          dates: ToolText.dates(entry.trial.startsOn, entry.trial.endsOn))
        }
        let view = ListPage(trials: lines, hasTrials: !lines.isEmpty, newPath: trials.mayStart(actor) ? SiteRoute.newTrial.path : nil)
        return renderer.render("tools_trials", title: "Efficacy trials", content: view, context: context, section: .tools)
    }

    func new(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard trials.mayStart(actor) else { throw ServiceError.forbidden }
        var form = TrialForm()
        form.tool = String(request.uri.queryParameters.get("tool") ?? "")
        form.startsOn = trials.today.iso
        return try await page(context, actor, trial: nil, form: form, errors: FieldErrors(), status: .ok)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = Self.form(try await FormData.from(request))
        do {
            let id = try await trials.start(actor, form, address: context.peerAddress)
            return Flash.redirect(to: .trial(id), Flash(message: "The trial is started. The educators in it are told."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, actor, trial: nil, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let detail = try await trials.trial(actor, try ToolRequest.id(context))
        let trial = detail.trial
        let educators = trial.educatorIDs.map { detail.names[$0] ?? "someone" }.joined(separator: ", ")
        let facts: [TrialPage.Fact] = [
            .init(label: "Goal", value: trial.goal),
            .init(label: "Coach", value: detail.names[trial.coachID] ?? "someone"),
            .init(label: "Educators", value: educators),
            .init(label: "Dates", value: ToolText.dates(trial.startsOn, trial.endsOn)),
            .init(label: "Students", value: ToolText.students(trial.studentCount).isEmpty ? "Not recorded" : ToolText.students(trial.studentCount)),
            .init(label: "Measure", value: trial.measure.isEmpty ? "Not chosen yet" : trial.measure),
            .init(label: "Baseline", value: trial.baseline?.spoken() ?? "Not recorded"),
            .init(label: "Result", value: trial.result?.spoken() ?? "Not recorded"),
            .init(label: "Change", value: trial.change?.spoken(signed: true) ?? "—"),
            .init(label: "What teachers said", value: trial.teacherVoice.isEmpty ? "—" : trial.teacherVoice),
            .init(label: "What students said", value: trial.studentVoice.isEmpty ? "—" : trial.studentVoice),
        ]
        let view = TrialPage(heading: "Trial of \(detail.tool.name)", toolPath: SiteRoute.tool(detail.tool.id).path,
                             state: trial.verdict.map { "Verdict: \($0.label)" } ?? "Running", visibility: trial.visibility.label,
                             facts: [.init(label: "Question", value: trial.question)] + facts, evidence: detail.evidence.map(\.label),
                             hasEvidence: !detail.evidence.isEmpty, notes: trial.notes.isEmpty ? nil : trial.notes,
                             editPath: SiteRoute.trialPart(trial.id, "edit").path)
        return renderer.render("tools_trial", title: view.heading, content: view, context: context, section: .tools)
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let detail = try await trials.trial(actor, try ToolRequest.id(context))
        var form = TrialForm(detail.trial)
        form.version = detail.version
        return try await page(context, actor, trial: detail, form: form, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: EfficacyTrial.ID = try ToolRequest.id(context)
        let detail = try await trials.trial(actor, id)
        let form = Self.form(try await FormData.from(request))
        do {
            try await trials.update(actor, id, form, address: context.peerAddress)
            return Flash.redirect(to: .trial(id), Flash(message: "The trial is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, actor, trial: detail, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            var kept = form
            kept.version = try await trials.trial(actor, id).version
            return try await page(context, actor, trial: detail, form: kept, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    private func page(_ context: TrellisRequestContext, _ actor: Actor, trial: EfficacyTrialService.Detail?, form: TrialForm,
                      errors: FieldErrors, notice: String? = nil, status: HTTPResponse.Status) async throws -> Response {
        var tools = try await catalogue.catalogue(actor, CatalogueFilter())
        if let current = trial?.tool, !tools.contains(where: { $0.id == current.id }) { tools.insert(current, at: 0) }
        let educators = try await trials.educatorChoices(actor, keeping: trial?.trial.educatorIDs ?? [])
        let evidence = trial == nil ? [] : try await trials.evidenceChoices(actor, educators: trial!.trial.educatorIDs)
        let view = TrialFormView(form: form, errors: errors, notice: notice, trial: trial?.trial.id, tools: tools, educators: educators,
                                 evidence: evidence)
        return renderer.render("tools_trial_form", title: ErrorSummary.title(view.heading, view.errorSummary), content: view, context: context,
                               status: status, section: .tools)
    }

    static func form(_ data: FormData) -> TrialForm {
        var form = TrialForm()
        form.tool = data["tool"]
        form.educators = data.all("educators")
        form.goal = data["goal"]
        form.question = data["question"]
        form.measure = data["measure"]
        form.baseline = data["baseline"]
        form.baselineUnit = data["baseline_unit"]
        form.result = data["result"]
        form.resultUnit = data["result_unit"]
        form.startsOn = data["starts_on"]
        form.endsOn = data["ends_on"]
        form.students = data["students"]
        form.teacherVoice = data["teacher_voice"]
        form.studentVoice = data["student_voice"]
        form.verdict = data["verdict"]
        form.evidence = data.all("evidence")
        form.notes = data["notes"]
        form.visibility = data["visibility"]
        form.version = ToolRequest.version(data)
        return form
    }
}
