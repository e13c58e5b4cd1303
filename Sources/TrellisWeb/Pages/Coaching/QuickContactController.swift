import Hummingbird
import TrellisCore
import TrellisServices

/// Logging an informal contact on one short form that works on a phone: who, how, minutes, one line, the day.
struct QuickContactController {
    let renderer: PageRenderer
    let sessions: CoachingSessionService
    let secure: Bool

    struct ContactPage {
        let errorSummary: ErrorSummary?
        let action: String
        let hasPeople: Bool
        let relationship: ChoiceView
        let channel: ChoiceView
        let minutes: FieldView
        let text: FieldView
        let visibility: ChoiceView
        let date: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/contacts/new", use: new)
        router.post("/coaching/contacts", use: create)
    }

    func new(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        var form = CoachingSessionService.ContactForm()
        form.date = sessions.today.iso
        form.relationship = request.uri.queryParameters["relationship"].map(String.init) ?? ""
        return try await page(context, form: form, errors: FieldErrors(), status: .ok)
    }

    func create(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let data = try await FormData.from(request)
        var form = CoachingSessionService.ContactForm()
        form.relationship = data["relationship"]
        form.channel = data["channel"]
        form.date = data["date"]
        form.minutes = data["minutes"]
        form.text = data["text"]
        form.visibility = data["visibility"].isEmpty ? CoachingVisibility.coachOnly.rawValue : data["visibility"]
        do {
            let id = try await sessions.logContact(actor, form)
            return Flash.redirect(to: .coachingSession(id), Flash(message: "The contact is logged."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    private func page(_ context: TrellisRequestContext, form: CoachingSessionService.ContactForm, errors: FieldErrors,
                      status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        // Only coaches log contacts: for anyone else there is no such page.
        guard actor.has(.coach) else { throw ServiceError.notFound }
        let people = try await sessions.contactChoices(actor)
        let relationship = ChoiceView(name: "relationship", label: "Who", options: [("", "Choose someone")] + people.map { ($0.relationshipID.rawValue, $0.educatorName) },
                                      chosen: form.relationship, errors: errors)
        let channel = ChoiceView(name: "channel", label: "How", options: ContactChannel.allCases.map { ($0.rawValue, $0.label) },
                                 chosen: form.channel, errors: errors)
        let minutes = FieldView(name: "minutes", label: "Minutes", type: "number", value: form.minutes, errors: errors)
        let text = FieldView(name: "text", label: "One line about it", value: form.text, errors: errors, required: false)
        let educator = people.first { $0.relationshipID.rawValue == form.relationship }?.educatorName ?? "the educator"
        let visibility = ChoiceView.visibility(chosen: form.visibility, educatorName: educator, errors: errors)
        let date = FieldView(name: "date", label: "Day", type: "date", value: form.date, errors: errors)
        let summary = ErrorSummary([relationship.summaryItem, channel.summaryItem, ErrorSummary.field(minutes), ErrorSummary.field(text),
                                    visibility.summaryItem, ErrorSummary.field(date)])
        let content = ContactPage(errorSummary: summary, action: "/coaching/contacts", hasPeople: !people.isEmpty, relationship: relationship,
                                  channel: channel, minutes: minutes, text: text, visibility: visibility, date: date)
        return renderer.render("coaching_contact", title: ErrorSummary.title("Log a quick contact", summary), content: content,
                               context: context, status: status, section: .coaching)
    }
}
