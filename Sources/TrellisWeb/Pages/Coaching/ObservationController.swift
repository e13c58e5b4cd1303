import Hummingbird
import TrellisCore
import TrellisServices

/// Taking observation notes during a lesson: one quick note at a time (phone-sized), or a transcript of many lines,
/// with a tally per look-for and who may read them. Both forms post `text` to the same address, so a submit that
/// arrives after the sign-in expired can be kept and replayed as it was.
struct ObservationController {
    let renderer: PageRenderer
    let sessions: CoachingSessionService
    let secure: Bool

    struct ObservationPage {
        let errorSummary: ErrorSummary?
        let heading: String
        let when: String
        let backPath: String
        let canWrite: Bool
        let action: String
        let visibilityAction: String
        let time: FieldView
        let lookFor: ChoiceView?
        let text: FieldView
        let transcript: FieldView
        let transcriptHint: String?
        let visibility: ChoiceView
        let lines: [SessionPageView.ObservationLine]
        let hasLines: Bool
        let tally: [SessionPageView.TallyLine]
        let hasTally: Bool
    }

    /// What was typed, shown again when it is refused.
    struct Typed {
        var time = ""
        var lookFor = ""
        var text = ""
        var transcript = ""
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/sessions/:id/observation", use: show)
        router.post("/coaching/sessions/:id/observation", use: add)
        router.post("/coaching/sessions/:id/observation/visibility", use: setVisibility)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, typed: Typed(), errors: FieldErrors(), status: .ok)
    }

    /// Observation notes sent after the sign-in expired are kept and added once the coach is back on this page.
    func keepThroughExpiredSignIn(_ forms: HeldForms) {
        forms.keep("/coaching/sessions/*/observation") { context, form in try await add(form, context: context) }
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await add(try await FormData.from(request), context: context)
    }

    func add(_ form: FormData, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        let isTranscript = form["form"] == "transcript"
        var typed = Typed(time: form["time"], lookFor: form["look_for"])
        if isTranscript { typed.transcript = form["text"] } else { typed.text = form["text"] }
        do {
            if isTranscript {
                try await sessions.addTranscript(actor, id, text: form["text"], start: form["time"])
            } else {
                try await sessions.addObservationNote(actor, id, time: form["time"], lookFor: form["look_for"], text: form["text"])
            }
            return Flash.redirect(to: .coachingSessionPart(id, "observation"), Flash(message: isTranscript ? "The lines are added." : "The note is added."),
                                  secure: secure)
        } catch var errors as FieldErrors {
            // The transcript's box is named `text` too; its message belongs beside it, not beside the quick note.
            if isTranscript, let message = errors["text"] {
                errors["text"] = nil
                errors["transcript"] = message
            }
            return try await page(context, typed: typed, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await page(context, typed: typed, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func setVisibility(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        let form = try await FormData.from(request)
        do {
            try await sessions.setObservationVisibility(actor, id, form["visibility"])
            return Flash.redirect(to: .coachingSessionPart(id, "observation"), Flash(message: "Who may read the observation is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, typed: Typed(), errors: errors, status: .unprocessableContent)
        }
    }

    private func page(_ context: TrellisRequestContext, typed: Typed, errors: FieldErrors, notice: String? = nil,
                      status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let view = try await sessions.session(actor, try CoachingRequest.id(context))
        // The educator reads a shared observation here too; a private one does not exist for them.
        guard view.isCoach || view.session.observationVisibility == .sharedWithEducator else { throw ServiceError.notFound }
        let session = view.session
        let lookFors = view.cycle?.lookFors ?? []
        let time = FieldView(name: "time", label: "Time", type: "time", value: typed.time.isEmpty ? sessions.timeNow.description : typed.time,
                             errors: errors, hint: "Now, unless you change it.")
        let lookFor = lookFors.isEmpty ? nil : ChoiceView(
            name: "look_for", label: "Look-for", options: [("", "None")] + lookFors.enumerated().map { ($1.id.rawValue, "#\($0 + 1) \($1.text)") },
            chosen: typed.lookFor, errors: errors)
        let text = FieldView(name: "text", label: "What you saw", type: "textarea", value: typed.text, errors: errors, rows: 3)
        let transcript = FieldView(name: "transcript", label: "Many lines at once", type: "textarea", value: typed.transcript, errors: errors,
                                   hint: "One note a line: the time, the look-for's number and what you saw, e.g. “9:05 #2 students turn and talk”. "
                                       + "A line without a time takes the time of the line before.", required: false, rows: 10)
        let visibility = ChoiceView.visibility(chosen: session.observationVisibility.rawValue, educatorName: view.educatorName, errors: errors,
                                               label: "Who may read the observation")
        let summary = ErrorSummary(notice: notice, noticeHref: "#\(text.id)",
                                   [ErrorSummary.field(time), lookFor?.summaryItem, ErrorSummary.field(text), ErrorSummary.field(transcript), visibility.summaryItem])
        let page = SessionPageView(view, questions: CoachingQuestions([]), mayAnswerAlliance: false)
        let content = ObservationPage(
            errorSummary: summary, heading: "Observation", when: "\(view.educatorName) · \(CoachingRequest.when(session.timing))",
            backPath: SiteRoute.coachingSession(session.id).path, canWrite: view.canWrite,
            action: SiteRoute.coachingSessionPart(session.id, "observation").path,
            visibilityAction: SiteRoute.coachingSessionPart(session.id, "observation/visibility").path,
            time: time, lookFor: lookFor, text: text, transcript: transcript,
            transcriptHint: lookFors.isEmpty ? "This session is not in a cycle with look-fors, so lines have no numbers." : nil,
            visibility: visibility, lines: page.observation, hasLines: page.hasObservation, tally: page.tally, hasTally: !page.tally.isEmpty)
        return renderer.render("coaching_observation", title: ErrorSummary.title("Observation", summary), content: content, context: context, status: status, section: .coaching)
    }
}
