import Hummingbird
import TrellisCore
import TrellisServices

/// Performance feedback on a session: the coach writes it (went well, to grow, one next step, who may read it); the
/// educator, for shared feedback only, responds, says how useful it was and may put the next step on their plan.
struct FeedbackController {
    let renderer: PageRenderer
    let sessions: CoachingSessionService
    let secure: Bool

    struct FeedbackPage {
        let errorSummary: ErrorSummary?
        let heading: String
        let when: String
        let backPath: String
        let version: String
        /// The coach's form.
        let coachForm: CoachForm?
        /// The educator's part.
        let educator: EducatorPart?
    }

    struct CoachForm {
        let action: String
        let wentWell: FieldView
        let toGrow: FieldView
        let nextStep: FieldView
        let visibility: ChoiceView
    }

    struct EducatorPart {
        let feedback: SessionPageView.FeedbackPart
        let action: String
        let response: FieldView
        let usefulness: ChoiceView
        let actionStepPath: String?
        let actionStepAdded: Bool
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/sessions/:id/feedback", use: show)
        router.post("/coaching/sessions/:id/feedback", use: save)
        router.post("/coaching/sessions/:id/feedback/response", use: respond)
        router.post("/coaching/sessions/:id/feedback/action-step", use: addActionStep)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, typed: nil, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        let data = try await FormData.from(request)
        var form = CoachingSessionService.FeedbackForm()
        form.wentWell = data["went_well"]
        form.toGrow = data["to_grow"]
        form.nextStep = data["next_step"]
        form.visibility = data["visibility"]
        form.version = CoachingRequest.version(data)
        do {
            try await sessions.saveFeedback(actor, id, form)
            return Flash.redirect(to: .coachingSession(id), Flash(message: "The feedback is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, typed: (form, "", ""), errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, typed: (form, "", ""), errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func respond(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        let data = try await FormData.from(request)
        do {
            try await sessions.respond(actor, id, response: data["response"], usefulness: data["usefulness"], expecting: CoachingRequest.version(data))
            return Flash.redirect(to: .coachingSession(id), Flash(message: "Your response is saved; your coach is told you replied."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, typed: (nil, data["response"], data["usefulness"]), errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, typed: (nil, data["response"], data["usefulness"]), errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func addActionStep(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        try await sessions.addNextStepToPlan(actor, id)
        return Flash.redirect(to: .coachingSessionPart(id, "feedback"), Flash(message: "The next step is an action step on your plan now."), secure: secure)
    }

    private func page(_ context: TrellisRequestContext, typed: (form: CoachingSessionService.FeedbackForm?, response: String, usefulness: String)?,
                      errors: FieldErrors, notice: String? = nil, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let view = try await sessions.session(actor, try CoachingRequest.id(context))
        let session = view.session
        var coachForm: CoachForm?
        var educator: EducatorPart?
        var items: [ErrorSummary.Item?] = []
        if view.canWrite {
            let form = typed?.form ?? session.feedback.map(CoachingSessionService.FeedbackForm.init) ?? CoachingSessionService.FeedbackForm()
            let wentWell = FieldView(name: "went_well", label: "What went well", type: "textarea", value: form.wentWell, errors: errors,
                                     hint: "Specific praise: what you saw and why it mattered for students.", required: false, rows: 4)
            let toGrow = FieldView(name: "to_grow", label: "What to grow", type: "textarea", value: form.toGrow, errors: errors, required: false, rows: 4)
            let nextStep = FieldView(name: "next_step", label: "Next step", type: "textarea", value: form.nextStep, errors: errors,
                                     hint: "One concrete thing to try next.", rows: 3)
            let visibility = ChoiceView.visibility(chosen: form.visibility, educatorName: view.educatorName, errors: errors)
            coachForm = CoachForm(action: SiteRoute.coachingSessionPart(session.id, "feedback").path, wentWell: wentWell, toGrow: toGrow,
                                  nextStep: nextStep, visibility: visibility)
            items = [ErrorSummary.field(wentWell), ErrorSummary.field(toGrow), ErrorSummary.field(nextStep), visibility.summaryItem]
        } else if !view.isCoach, let feedback = session.feedback {
            let response = FieldView(name: "response", label: "Your response", type: "textarea", value: typed?.response ?? feedback.educatorResponse,
                                     errors: errors, required: false, rows: 4)
            let usefulness = ChoiceView(name: "usefulness", label: "How useful was this feedback?",
                                        options: [("", "Choose")] + FeedbackUsefulness.allCases.map { (String($0.rawValue), $0.label) },
                                        chosen: typed?.usefulness ?? feedback.usefulness.map { String($0.rawValue) } ?? "", errors: errors)
            let target = try await sessions.actionStepTarget(actor, view)
            let part = SessionPageView(view, questions: CoachingQuestions([]), mayAnswerAlliance: false).feedback!
            educator = EducatorPart(feedback: part, action: SiteRoute.coachingSessionPart(session.id, "feedback/response").path,
                                    response: response, usefulness: usefulness,
                                    actionStepPath: target == nil ? nil : SiteRoute.coachingSessionPart(session.id, "feedback/action-step").path,
                                    actionStepAdded: feedback.actionStepID != nil)
            items = [ErrorSummary.field(response), usefulness.summaryItem]
        } else {
            throw ServiceError.notFound
        }
        let summary = ErrorSummary(notice: notice, items)
        let content = FeedbackPage(errorSummary: summary, heading: "Feedback", when: "\(session.kind.label) · \(CoachingRequest.when(session.timing))",
                                   backPath: SiteRoute.coachingSession(session.id).path, version: String(view.version),
                                   coachForm: coachForm, educator: educator)
        return renderer.render("coaching_feedback", title: ErrorSummary.title("Feedback", summary), content: content, context: context, status: status, section: .coaching)
    }
}
