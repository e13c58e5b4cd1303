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
        router.post("/plans/:plan/evidence/:evidence/delete", use: deleteEvidence)
        router.get("/plans/:plan/check-ins", use: checkInPage)
        router.post("/plans/:plan/check-ins", use: addCheckIn)
        router.get("/plans/:plan/reflection", use: reflectionPage)
        router.post("/plans/:plan/reflection", use: saveReflection)
    }

    // MARK: Evidence

    func evidencePage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await renderEvidence(context, form: EvidenceForm(), errors: FieldErrors(), status: .ok)
    }

    func addEvidence(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let multipart = try await MultipartForm.from(request, context: context)
        var form = EvidenceForm()
        form.kind = multipart["kind"]
        form.caption = multipart["caption"]
        form.date = multipart["date"]
        form.link = multipart["link"]
        form.note = multipart["note"]
        form.goalIDs = multipart.all("goals")
        form.standardIdentifiers = multipart.all("standards")
        let file = multipart.files["file"].flatMap { $0.data.isEmpty ? nil : UploadedFile(filename: $0.filename, data: $0.data) }
        do {
            try await plans.addEvidence(actor, planID, form, file: file)
            return Flash.redirect(to: .planSection(planID, "evidence"), Flash(message: "The evidence is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await renderEvidence(context, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    /// Always a download, never shown inline: the file comes from a person, not from Trellis.
    func download(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (file, data) = try await plans.evidenceFile(actor, try PlansController.planID(context), evidenceID: .init(try context.parameters.require("evidence")))
        var headers = HTTPFields()
        headers[.contentType] = file.mediaType
        let ascii = String(file.originalFilename.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
        let encoded = file.originalFilename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? "evidence"
        headers[.contentDisposition] = "attachment; filename=\"\(ascii.isEmpty ? "evidence" : ascii)\"; filename*=UTF-8''\(encoded)"
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func deleteEvidence(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        try await plans.deleteEvidence(actor, planID, evidenceID: .init(try context.parameters.require("evidence")))
        return Flash.redirect(to: .planSection(planID, "evidence"), Flash(message: "The evidence is removed."), secure: secure)
    }

    private func renderEvidence(_ context: TrellisRequestContext, form: EvidenceForm, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        let index = try await standards.index(actor)
        let view = EvidenceView(loaded, form: form, errors: errors, standards: index, today: plans.today, maximumBytes: plans.maximumUploadBytes)
        return renderer.render("plan_evidence", title: "Evidence", content: view, context: context, status: status, section: .plans)
    }

    // MARK: Check-ins

    func checkInPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        var form = CheckInForm()
        form.date = plans.today.iso
        return try await renderCheckIn(context, form: form, errors: FieldErrors(), status: .ok)
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
            try await plans.checkIn(actor, planID, form)
            return Flash.redirect(to: .plan(planID), Flash(message: "Your check-in is saved. Keep going!"), secure: secure)
        } catch let errors as FieldErrors {
            return try await renderCheckIn(context, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    private func renderCheckIn(_ context: TrellisRequestContext, form: CheckInForm, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        let view = CheckInView(loaded, form: form, errors: errors, today: plans.today)
        return renderer.render("plan_check_in", title: "Check in", content: view, context: context, status: status, section: .plans)
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
            try await plans.reflect(actor, planID, form)
            return Flash.redirect(to: .planSection(planID, "reflection"), Flash(message: "Your reflection is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return renderReflection(loaded, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    private func renderReflection(_ loaded: PlanService.Loaded, form: ReflectionForm, errors: FieldErrors, context: TrellisRequestContext,
                                  status: HTTPResponse.Status) -> Response {
        let view = ReflectionView(loaded, form: form, errors: errors)
        return renderer.render("plan_reflection", title: "Reflection", content: view, context: context, status: status, section: .plans)
    }
}
