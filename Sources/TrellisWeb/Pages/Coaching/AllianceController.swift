import Hummingbird
import TrellisCore
import TrellisServices

/// The alliance pulse after a feedback conversation: the educator answers four statements from 1 to 5, once.
/// Only the coach and that educator ever see the answers.
struct AllianceController {
    let renderer: PageRenderer
    let sessions: CoachingSessionService
    let secure: Bool

    struct AlliancePage {
        let errorSummary: ErrorSummary?
        let when: String
        let backPath: String
        let action: String
        let statements: [Statement]
        let answered: String?
    }

    struct Statement {
        let name: String
        let id: String
        let text: String
        let error: String?
        let options: [ChoiceView.Option]
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/sessions/:id/alliance", use: show)
        router.post("/coaching/sessions/:id/alliance", use: answer)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, typed: [], errors: FieldErrors(), status: .ok)
    }

    func answer(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        let form = try await FormData.from(request)
        let typed = AlliancePulse.statements.indices.map { form["answer\($0 + 1)"] }
        do {
            try await sessions.answerAlliance(actor, id, answers: typed)
            return Flash.redirect(to: .coachingSession(id), Flash(message: "Thank you. Your answers are saved; only your coach sees them."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, typed: typed, errors: errors, status: .unprocessableContent)
        }
    }

    private func page(_ context: TrellisRequestContext, typed: [String], errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let view = try await sessions.session(actor, try CoachingRequest.id(context))
        // Only the educator answers, and only after a feedback conversation.
        guard view.relationship.educatorID == actor.personID, view.session.kind == .feedback else { throw ServiceError.notFound }
        let chosen = view.alliance.map { $0.answers.map(String.init) } ?? typed
        let statements = AlliancePulse.statements.enumerated().map { index, text in
            let name = "answer\(index + 1)"
            let value = index < chosen.count ? chosen[index] : ""
            return Statement(name: name, id: "field-\(name)", text: text, error: errors[name],
                             options: AlliancePulse.scale.map { score in
                                 ChoiceView.Option(value: String(score), label: "\(score) \(AlliancePulse.scaleLabels[score - 1])",
                                                   selected: String(score) == value, id: "field-\(name)-\(score)")
                             })
        }
        let summary = ErrorSummary(statements.map { ErrorSummary.field(id: $0.id, $0.error) })
        let content = AlliancePage(errorSummary: summary, when: "After the \(view.session.kind.label.lowercased()) on \(view.session.timing.date.longForm)",
                                   backPath: SiteRoute.coachingSession(view.session.id).path,
                                   action: SiteRoute.coachingSessionPart(view.session.id, "alliance").path,
                                   statements: statements, answered: view.alliance.map { "You answered on \($0.answeredOn.longForm)." })
        return renderer.render("coaching_alliance", title: ErrorSummary.title("How is our coaching going?", summary), content: content,
                               context: context, status: status, section: .coaching)
    }
}
