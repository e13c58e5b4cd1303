import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A facilitator's notes from a PLC's meetings (what they heard, the guiding questions they asked, what was decided),
/// private or shared with the PLC. Members read the shared ones; nobody else reads any.
struct MeetingNotesController {
    let renderer: PageRenderer
    let plcs: PLCService
    let secure: Bool

    struct NotesView {
        struct Line {
            let day: String
            let visibility: String
            let listening: String?
            let questionsAsked: String?
            let decisions: String?
        }
        struct Option {
            let value: String
            let label: String
            let checked: Bool
            let domID: String
        }
        let errorSummary: ErrorSummary?
        let name: String
        let plcPath: String
        let notes: [Line]
        let hasNotes: Bool
        let canWrite: Bool
        let action: String
        let fields: [FieldView]
        let visibilities: [Option]
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/cohorts/:cohort/plcs/:plc/notes", use: show)
        router.post("/cohorts/:cohort/plcs/:plc/notes", use: save)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await page(context, form: MeetingNoteForm(meetingOn: plcs.today.iso), errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let data = try await FormData.from(request)
        let form = MeetingNoteForm(meetingOn: data["meeting_on"], listening: data["listening"], questionsAsked: data["questions_asked"],
                                   decisions: data["decisions"], visibility: data["visibility"])
        do {
            try await plcs.saveNote(actor, cohortID, id, noteID: nil, form)
            return Flash.redirect(to: .plcSection(cohortID, id, "notes"), Flash(message: "The note is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await page(context, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    private func page(_ context: TrellisRequestContext, form: MeetingNoteForm, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let (cohortID, id) = (try CohortsController.cohortID(context), try CohortsController.plcID(context))
        let loaded = try await plcs.load(actor, cohortID, id)
        let access = loaded.cohort.access
        // Someone who may read no note at all (a member of another PLC) is told there is nothing here.
        guard Policy.can(actor, .read, .cohort(access, .meetingNotes(members: loaded.members, .sharedWithEducator))) else {
            throw ServiceError.notFound
        }
        let notes = try await plcs.notes(actor, cohortID, id)
        func text(_ value: String) -> String? { value.isEmpty ? nil : value }
        let fields = [
            FieldView(name: "meeting_on", label: "Meeting day", type: "date", value: form.meetingOn, errors: errors),
            FieldView(name: "listening", label: "What I heard", type: "textarea", value: form.listening, errors: errors,
                      hint: "Concerns, excitement, ideas, how stretched people feel.", required: false, rows: 4),
            FieldView(name: "questions_asked", label: "Guiding questions I asked", type: "textarea", value: form.questionsAsked, errors: errors,
                      required: false, rows: 3),
            FieldView(name: "decisions", label: "What the group decided", type: "textarea", value: form.decisions, errors: errors,
                      required: false, rows: 3),
        ]
        let summary = ErrorSummary(fields.map(ErrorSummary.field))
        let view = NotesView(
            errorSummary: summary, name: loaded.plc.name, plcPath: SiteRoute.plc(cohortID, id).path,
            notes: notes.map { note in
                NotesView.Line(day: note.meetingOn.longForm, visibility: note.visibilityLabel, listening: text(note.listening),
                               questionsAsked: text(note.questionsAsked), decisions: text(note.decisions))
            },
            hasNotes: !notes.isEmpty,
            canWrite: Policy.can(actor, .create, .cohort(access, .meetingNotes(members: loaded.members, .coachOnly))),
            action: SiteRoute.plcSection(cohortID, id, "notes").path, fields: fields,
            visibilities: CoachingVisibility.allCases.map { visibility in
                NotesView.Option(value: visibility.rawValue, label: PLCMeetingNote.label(visibility),
                                 checked: visibility.rawValue == form.visibility, domID: "visibility-\(visibility.rawValue)")
            })
        return renderer.render("cohort_notes", title: ErrorSummary.title("Meeting notes", summary), content: view, context: context,
                               status: status, section: .cohorts)
    }
}
