import Hummingbird
import TrellisCore
import TrellisServices

/// District settings: the guiding questions offered to coaches beside a session's note field, in one box.
struct CoachingQuestionsController {
    let renderer: PageRenderer
    let settings: DistrictSettingsService
    let secure: Bool

    struct QuestionsView {
        let action = SiteRoute.coachingQuestions.path
        let resetAction = SiteRoute.coachingQuestionsReset.path
        let settingsPath = SiteRoute.settings.path
        let errorSummary: ErrorSummary?
        let questions: FieldView
        let isDistrictOwn: Bool
        let maximum = CoachingQuestions.maximumQuestions
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings/coaching-questions", use: page)
        router.post("/admin/settings/coaching-questions", use: save)
        router.post("/admin/settings/coaching-questions/reset", use: reset)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (bank, isDistrictOwn) = try await settings.coachingQuestions(try context.requireActor())
        return render(context, text: bank.text, isDistrictOwn: isDistrictOwn, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let text = try await FormData.from(request)[CoachingQuestions.fieldName]
        do {
            try await settings.setCoachingQuestions(actor, text: text, address: context.peerAddress)
            return Flash.redirect(to: .coachingQuestions, Flash(message: "The coaching questions are saved. Coaches see them beside their session notes from now on."),
                                  secure: secure)
        } catch let errors as FieldErrors {
            let isDistrictOwn = try await settings.coachingQuestions(actor).isDistrictOwn
            return render(context, text: text, isDistrictOwn: isDistrictOwn, errors: errors, status: .unprocessableContent)
        }
    }

    func reset(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await settings.resetCoachingQuestions(try context.requireActor(), address: context.peerAddress)
        return Flash.redirect(to: .coachingQuestions, Flash(message: "Trellis's own coaching questions are back."), secure: secure)
    }

    private func render(_ context: TrellisRequestContext, text: String, isDistrictOwn: Bool, errors: FieldErrors,
                        status: HTTPResponse.Status) -> Response {
        let field = FieldView(name: CoachingQuestions.fieldName, label: "Questions", type: "textarea", value: text, errors: errors,
                              hint: "One question per line. A line starting with # begins a group, e.g. “# Listening”.", required: false, rows: 18)
        let summary = ErrorSummary([ErrorSummary.field(field)])
        let view = QuestionsView(errorSummary: summary, questions: field, isDistrictOwn: isDistrictOwn)
        return renderer.render("admin_coaching_questions", title: ErrorSummary.title("Guiding questions for coaches", summary), content: view,
                               context: context, status: status, section: .settings)
    }
}
