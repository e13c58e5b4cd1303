import Hummingbird
import TrellisCore
import TrellisServices

/// District settings: the guiding questions offered with feedback on goals, one box per SMART part.
struct GuidingQuestionsController {
    let renderer: PageRenderer
    let settings: DistrictSettingsService
    let secure: Bool

    struct QuestionsView {
        let action = SiteRoute.guidingQuestions.path
        let resetAction = SiteRoute.guidingQuestionsReset.path
        let settingsPath = SiteRoute.settings.path
        let parts: [FieldView]
        let isDistrictOwn: Bool
        let maximumPerPart = GuidingQuestions.maximumPerPart
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings/questions", use: page)
        router.post("/admin/settings/questions", use: save)
        router.post("/admin/settings/questions/reset", use: reset)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (bank, isDistrictOwn) = try await settings.guidingQuestions(try context.requireActor())
        let text = Dictionary(uniqueKeysWithValues: SMARTPart.allCases.map { ($0, bank.text(for: $0)) })
        return render(context, text: text, isDistrictOwn: isDistrictOwn, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        let text = Dictionary(uniqueKeysWithValues: SMARTPart.allCases.map { ($0, form[GuidingQuestions.fieldName(for: $0)]) })
        do {
            try await settings.setGuidingQuestions(actor, text: text, address: context.peerAddress)
            return Flash.redirect(to: .guidingQuestions, Flash(message: "The guiding questions are saved. Educators see them with feedback on their goals from now on."), secure: secure)
        } catch let errors as FieldErrors {
            let isDistrictOwn = try await settings.guidingQuestions(actor).isDistrictOwn
            return render(context, text: text, isDistrictOwn: isDistrictOwn, errors: errors, status: .unprocessableContent)
        }
    }

    func reset(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await settings.resetGuidingQuestions(try context.requireActor(), address: context.peerAddress)
        return Flash.redirect(to: .guidingQuestions, Flash(message: "Trellis's own guiding questions are back."), secure: secure)
    }

    private func render(_ context: TrellisRequestContext, text: [SMARTPart: String], isDistrictOwn: Bool, errors: FieldErrors,
                        status: HTTPResponse.Status) -> Response {
        let parts = SMARTPart.allCases.map { part in
            FieldView(name: GuidingQuestions.fieldName(for: part), label: part.label, type: "textarea", value: text[part] ?? "", errors: errors,
                      hint: "One question per line.", required: false, rows: 6)
        }
        let view = QuestionsView(parts: parts, isDistrictOwn: isDistrictOwn)
        return renderer.render("admin_questions", title: "Guiding questions", content: view, context: context, status: status, section: .settings)
    }
}
