import Hummingbird
import TrellisCore
import TrellisServices

/// A session's page, planning a session and changing it, and adding notes. The coach writes; the educator reads what
/// is shared with them; anyone else is told the session does not exist.
struct SessionController {
    let renderer: PageRenderer
    let sessions: CoachingSessionService
    let secure: Bool

    struct SessionFormPage {
        let heading: String
        let errorSummary: ErrorSummary?
        let action: String
        let backPath: String
        let submit: String
        let version: String
        let kind: ChoiceView
        let cycle: ChoiceView?
        let date: FieldView
        let start: FieldView
        let end: FieldView
        let minutes: FieldView
        let place: FieldView
        let agenda: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/relationships/:relationship/sessions/new", use: new)
        router.post("/coaching/relationships/:relationship/sessions", use: create)
        router.get("/coaching/sessions/:id", use: show)
        router.get("/coaching/sessions/:id/edit", use: edit)
        router.post("/coaching/sessions/:id/edit", use: save)
        router.post("/coaching/sessions/:id/notes", use: addNote)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await sessionPage(context, status: .ok)
    }

    /// A session note sent after the sign-in expired is kept and added once the coach is back on the session's page.
    func keepThroughExpiredSignIn(_ forms: HeldForms) {
        forms.keep("/coaching/sessions/*/notes", shownOn: "/coaching/sessions/*") { context, form in try await addNote(form, context: context) }
    }

    func addNote(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await addNote(try await FormData.from(request), context: context)
    }

    func addNote(_ form: FormData, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id: CoachingSession.ID = try CoachingRequest.id(context)
        // "Only me" unless the coach chose otherwise: a note forgotten to be marked stays private.
        let visibility = form["visibility"].isEmpty ? CoachingVisibility.coachOnly.rawValue : form["visibility"]
        do {
            try await sessions.addNote(actor, id, text: form["text"], visibility: visibility)
            return Flash.redirect(to: .coachingSession(id), Flash(message: "The note is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await sessionPage(context, noteText: form["text"], noteVisibility: visibility, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await sessionPage(context, noteText: form["text"], noteVisibility: visibility, notice: message, status: .conflict)
        }
    }

    private func sessionPage(_ context: TrellisRequestContext, noteText: String = "", noteVisibility: String = CoachingVisibility.coachOnly.rawValue,
                             errors: FieldErrors = FieldErrors(), notice: String? = nil, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let view = try await sessions.session(actor, try CoachingRequest.id(context))
        let questions = view.canWrite ? try await sessions.coachingQuestions(actor) : CoachingQuestions([])
        let page = SessionPageView(view, questions: questions, mayAnswerAlliance: sessions.mayAnswerAlliance(actor, view),
                                   noteText: noteText, noteVisibility: noteVisibility, errors: errors, notice: notice)
        return renderer.render("coaching_session", title: ErrorSummary.title(page.heading, page.errorSummary), content: page,
                               context: context, status: status, section: .coaching)
    }

    func new(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let relationship = try CoachingRequest.relationshipID(context)
        var form = CoachingSessionService.SessionForm()
        form.date = sessions.today.iso
        if let cycle = request.uri.queryParameters["cycle"] { form.cycle = String(cycle) }
        return try await formPage(context, relationship: relationship, session: nil, form: form, version: nil, errors: FieldErrors(), status: .ok)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let relationship = try CoachingRequest.relationshipID(context)
        let form = Self.form(try await FormData.from(request))
        do {
            let id = try await sessions.create(actor, relationship, form)
            return Flash.redirect(to: .coachingSession(id), Flash(message: "The session is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await formPage(context, relationship: relationship, session: nil, form: form, version: nil, errors: errors,
                                      status: .unprocessableContent)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let view = try await sessions.session(try context.requireActor(), try CoachingRequest.id(context))
        guard view.canWrite else { throw ServiceError.forbidden }
        return try await formPage(context, relationship: view.relationship.id, session: view.session.id, form: .init(view.session),
                                  version: view.version, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let view = try await sessions.session(actor, try CoachingRequest.id(context))
        let form = Self.form(try await FormData.from(request))
        do {
            try await sessions.update(actor, view.session.id, form)
            return Flash.redirect(to: .coachingSession(view.session.id), Flash(message: "The session is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await formPage(context, relationship: view.relationship.id, session: view.session.id, form: form, version: form.version,
                                      errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            let latest = try await sessions.session(actor, view.session.id)
            return try await formPage(context, relationship: view.relationship.id, session: view.session.id, form: form, version: latest.version,
                                      errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    private func formPage(_ context: TrellisRequestContext, relationship: CoachingRelationship.ID, session: CoachingSession.ID?,
                          form: CoachingSessionService.SessionForm, version: Int?, errors: FieldErrors, notice: String? = nil,
                          status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let cycles = try await sessions.cycles(actor, relationship)
        try await sessions.requireWritable(actor, relationship)
        let kind = ChoiceView(name: "kind", label: "Kind", options: SessionKind.scheduled.map { ($0.rawValue, $0.label) }, chosen: form.kind, errors: errors)
        let cycle = cycles.isEmpty ? nil : ChoiceView(name: "cycle", label: "Cycle", options: [("", "Not part of a cycle")] + cycles.map { ($0.id.rawValue, $0.focus) },
                                                      chosen: form.cycle, errors: errors)
        let date = FieldView(name: "date", label: "Date", type: "date", value: form.date, errors: errors)
        let start = FieldView(name: "start", label: "Starts", type: "time", value: form.start, errors: errors, hint: "For example 9:05 or 14:30.")
        let end = FieldView(name: "end", label: "Ends", type: "time", value: form.end, errors: errors, hint: "Or give the minutes below.", required: false)
        let minutes = FieldView(name: "minutes", label: "Minutes", type: "number", value: form.minutes, errors: errors,
                                hint: "How long it took, when you leave the end empty.", required: false)
        let place = FieldView(name: "place", label: "Place or link", value: form.place, errors: errors, hint: "A room, or the link of a video call.", required: false)
        let agenda = FieldView(name: "agenda", label: "Agenda", type: "textarea", value: form.agenda, errors: errors, required: false, rows: 4)
        let summary = ErrorSummary(notice: notice, [kind.summaryItem, cycle?.summaryItem, ErrorSummary.field(date), ErrorSummary.field(start),
                                                    ErrorSummary.field(end), ErrorSummary.field(minutes), ErrorSummary.field(place), ErrorSummary.field(agenda)])
        let heading = session == nil ? "Plan a session" : "Change the session"
        let view = SessionFormPage(heading: heading, errorSummary: summary,
                                   action: session.map { SiteRoute.coachingSessionPart($0, "edit").path } ?? SiteRoute.coachingRelationshipPart(relationship, "sessions").path,
                                   backPath: session.map { SiteRoute.coachingSession($0).path } ?? SiteRoute.coachingRelationship(relationship).path,
                                   submit: "Save the session", version: version.map(String.init) ?? "", kind: kind, cycle: cycle,
                                   date: date, start: start, end: end, minutes: minutes, place: place, agenda: agenda)
        return renderer.render("coaching_session_form", title: ErrorSummary.title(heading, summary), content: view, context: context, status: status, section: .coaching)
    }

    static func form(_ data: FormData) -> CoachingSessionService.SessionForm {
        var form = CoachingSessionService.SessionForm()
        form.kind = data["kind"]
        form.cycle = data["cycle"]
        form.date = data["date"]
        form.start = data["start"]
        form.end = data["end"]
        form.minutes = data["minutes"]
        form.place = data["place"]
        form.agenda = data["agenda"]
        form.version = CoachingRequest.version(data)
        return form
    }
}
