import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Steps 4–6 of a plan: evidence, check-ins during the year, and the reflection at the end.
struct RecordsController {
    let renderer: PageRenderer
    let plans: PlanService
    let standards: StandardsService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/evidence", use: evidencePage)
        router.post("/plans/:plan/evidence", use: addEvidence)
        router.get("/plans/:plan/evidence/:evidence/file", use: download)
        router.get("/plans/:plan/evidence/:evidence/remove", use: confirmEvidenceRemoval)
        router.post("/plans/:plan/evidence/:evidence/delete", use: deleteEvidence)
        router.get("/plans/:plan/check-ins", use: checkInPage)
        router.post("/plans/:plan/check-ins", use: addCheckIn)
        router.get("/plans/:plan/reflection", use: reflectionPage)
        router.post("/plans/:plan/reflection", use: saveReflection)
    }

    // MARK: Evidence

    /// `?add=link` (or `file`, `note`) chooses which kind of evidence the form adds: each kind shows only its own fields.
    func evidencePage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        var form = EvidenceForm()
        if let kind = request.uri.queryParameters.get("add"), Evidence.Kind(rawValue: kind) != nil { form.kind = kind }
        return try await renderEvidence(context, form: form, errors: FieldErrors(), status: .ok)
    }

    func addEvidence(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        // Who may add evidence is decided before the file is read: a refused upload is neither read nor stored.
        try await plans.requireEditable(actor, planID)
        let multipart = try await MultipartForm.from(request, context: context)
        var form = EvidenceForm()
        form.kind = multipart["kind"]
        form.caption = multipart["caption"]
        form.date = multipart["date"]
        form.link = multipart["link"]
        form.note = multipart["note"]
        form.goalIDs = multipart.all("goals")
        form.standardIdentifiers = multipart.all("standards")
        form.version = Int(multipart["version"])
        let file = multipart.files["file"].flatMap { $0.data.isEmpty ? nil : UploadedFile(filename: $0.filename, data: $0.data) }
        do {
            try await plans.addEvidence(actor, planID, form, file: file)
            return Flash.redirect(to: .planSection(planID, "evidence"), Flash(message: "The evidence is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await renderEvidence(context, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await renderEvidence(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    /// Always a download (`EvidenceDownload`).
    func download(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (file, data) = try await plans.evidenceFile(actor, try PlansController.planID(context), evidenceID: .init(try context.parameters.require("evidence")))
        return EvidenceDownload.response(file, data)
    }

    func confirmEvidenceRemoval(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await evidenceRemovalPage(context, notice: nil, status: .ok)
    }

    func deleteEvidence(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let version = PlansController.version(try await FormData.from(request))
        do {
            try await plans.deleteEvidence(actor, planID, evidenceID: .init(try context.parameters.require("evidence")), expecting: version)
        } catch ServiceError.conflict(let message) {
            return try await evidenceRemovalPage(context, notice: message, status: .conflict)
        }
        return Flash.redirect(to: .planSection(planID, "evidence"), Flash(message: "The evidence is removed."), secure: secure)
    }

    private func evidenceRemovalPage(_ context: TrellisRequestContext, notice: String?, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: status != .ok)
        let id = Evidence.ID(try context.parameters.require("evidence"))
        guard let evidence = loaded.plan.evidence.first(where: { $0.id == id }) else { throw ServiceError.notFound }
        try PlansController.requireEditable(loaded)
        let path = SiteRoute.planSection(loaded.plan.id, "evidence").path
        let view = RemovalView(loaded, current: .evidence, question: "Remove the evidence \(RemovalView.quote(evidence.caption))?",
                               consequence: "It leaves the plan, and the goals and standards it showed lose it.",
                               action: path + "/\(evidence.id)/delete", removeLabel: "Remove evidence", keepPath: path, notice: notice)
        return renderer.render("plan_remove", title: ErrorSummary.title("Remove evidence?", view.errorSummary), content: view,
                               context: context, status: status, section: .plans)
    }

    private func renderEvidence(_ context: TrellisRequestContext, form: EvidenceForm, errors: FieldErrors, notice: String? = nil,
                                status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: status != .ok)
        let index = try await standards.standards(actor, shownIn: loaded.plan)
        let view = EvidenceView(loaded, form: form, errors: errors, notice: notice, standards: index, today: plans.today,
                                maximumBytes: plans.maximumUploadBytes)
        return renderer.render("plan_evidence", title: ErrorSummary.title("Evidence", view.errorSummary), content: view, context: context,
                               status: status, section: .plans)
    }

    // MARK: Check-ins

    func checkInPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        // A new check-in's form holds nothing but today's date.
        return renderer.render("plan_check_in", source: PlanPageSource(loaded: loaded, today: plans.today), context: context,
                               section: .plans) { source in
            var form = CheckInForm()
            form.date = source.today.iso
            let view = CheckInView(source.loaded, form: form, errors: FieldErrors(), notice: nil, today: source.today)
            return (ErrorSummary.title("Check in", view.errorSummary), view)
        }
    }

    func addCheckIn(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let data = try await FormData.from(request)
        var form = CheckInForm()
        form.date = data["date"]
        form.whatHappened = data["what_happened"]
        form.whatsNext = data["whats_next"]
        form.obstacles = data["obstacles"]
        let loaded = try await plans.load(actor, planID)
        for goal in loaded.plan.goals { form.progress[goal.id.rawValue] = data["progress_\(goal.id)"] }
        do {
            try await plans.checkIn(actor, planID, form, expecting: PlansController.version(data))
            return Flash.redirect(to: .plan(planID), Flash(message: "Your check-in is saved. Keep going!"), secure: secure)
        } catch let errors as FieldErrors {
            return try await renderCheckIn(context, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await renderCheckIn(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    private func renderCheckIn(_ context: TrellisRequestContext, form: CheckInForm, errors: FieldErrors, notice: String? = nil,
                               status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: status != .ok)
        let view = CheckInView(loaded, form: form, errors: errors, notice: notice, today: plans.today)
        return renderer.render("plan_check_in", title: ErrorSummary.title("Check in", view.errorSummary), content: view, context: context,
                               status: status, section: .plans)
    }

    // MARK: Reflection

    func reflectionPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        return renderReflection(loaded, form: ReflectionForm(loaded.plan.reflection), errors: FieldErrors(), context: context, status: .ok)
    }

    func saveReflection(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let data = try await FormData.from(request)
        let loaded = try await plans.load(actor, planID)
        var form = ReflectionForm()
        form.nextSteps = data["next_steps"]
        for goal in loaded.plan.goals {
            var part = ReflectionForm.GoalPart()
            part.studentChange = data["student_change_\(goal.id)"]
            part.practiceChange = data["practice_change_\(goal.id)"]
            part.evidenceThatShowsIt = data["evidence_\(goal.id)"]
            form.goals[goal.id.rawValue] = part
        }
        do {
            try await plans.reflect(actor, planID, form, expecting: PlansController.version(data))
            return Flash.redirect(to: .planSection(planID, "reflection"), Flash(message: "Your reflection is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return renderReflection(loaded, form: form, errors: errors, context: context, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            let latest = try await plans.load(actor, planID, latest: true)
            return renderReflection(latest, form: form, errors: FieldErrors(), notice: message, context: context, status: .conflict)
        }
    }

    private func renderReflection(_ loaded: PlanService.Loaded, form: ReflectionForm, errors: FieldErrors, notice: String? = nil,
                                  context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        let view = ReflectionView(loaded, form: form, errors: errors, notice: notice)
        return renderer.render("plan_reflection", title: ErrorSummary.title("Reflection", view.errorSummary), content: view, context: context,
                               status: status, section: .plans)
    }
}
