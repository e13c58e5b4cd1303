import TrellisCore
import TrellisServices

/// A session's page: what it was, its notes (with the note form and the district's guiding questions for the coach),
/// the observation in brief and the feedback. Built from a `SessionView`, which holds only what the reader may see.
struct SessionPageView {
    struct NoteLine {
        let text: String
        let visibility: String?
    }

    struct ObservationLine {
        let time: String
        let lookFor: String?
        let text: String
    }

    struct TallyLine {
        let number: Int
        let text: String
        let count: Int
    }

    struct QuestionGroup {
        let heading: String
        let questions: [String]
    }

    struct NoteForm {
        let action: String
        let text: FieldView
        let visibility: ChoiceView
        let questions: [QuestionGroup]
        let hasQuestions: Bool
    }

    struct FeedbackPart {
        let wentWell: String?
        let toGrow: String?
        let nextStep: String
        let visibility: String?
        let response: String?
        let usefulness: String?
    }

    let errorSummary: ErrorSummary?
    let heading: String
    let when: String
    let place: String?
    let agenda: String?
    let channel: String?
    let withWhom: String
    let cycleFocus: String?
    let backPath: String
    let editPath: String?
    let notes: [NoteLine]
    let hasNotes: Bool
    let noteForm: NoteForm?
    let observationPath: String
    let observation: [ObservationLine]
    let hasObservation: Bool
    let tally: [TallyLine]
    let hasTally: Bool
    let observationVisibility: String?
    let isCoach: Bool
    let feedback: FeedbackPart?
    let feedbackPath: String
    let feedbackLinkLabel: String?
    let alliancePath: String?
    let allianceDone: String?

    init(_ view: CoachingSessionService.SessionView, questions: CoachingQuestions, mayAnswerAlliance: Bool,
         noteText: String = "", noteVisibility: String = CoachingVisibility.coachOnly.rawValue, errors: FieldErrors = FieldErrors(),
         notice: String? = nil) {
        let session = view.session
        let educator = view.educatorName
        isCoach = view.isCoach
        heading = session.kind.label
        when = CoachingRequest.when(session.timing)
        place = session.place.nonEmpty
        agenda = session.agenda.nonEmpty
        channel = session.channel?.label
        withWhom = view.isCoach ? "With \(educator)" : "With your coach, \(view.coachName)"
        cycleFocus = view.cycle?.focus
        backPath = SiteRoute.coachingRelationship(view.relationship.id).path
        editPath = view.canWrite && session.kind != .informal ? SiteRoute.coachingSessionPart(session.id, "edit").path : nil
        let showsVisibility = view.isCoach
        notes = session.notes.map {
            NoteLine(text: $0.text, visibility: showsVisibility ? CoachingRequest.visibilityLabel($0.visibility, educatorName: educator) : nil)
        }
        hasNotes = !notes.isEmpty
        if view.canWrite {
            let text = FieldView(name: "text", label: "Add a note", type: "textarea", value: noteText, errors: errors, required: false, rows: 5)
            let visibility = ChoiceView.visibility(chosen: noteVisibility, educatorName: educator, errors: errors)
            let groups = questions.groups.map { QuestionGroup(heading: $0.heading, questions: $0.questions) }
            noteForm = NoteForm(action: SiteRoute.coachingSessionPart(session.id, "notes").path, text: text, visibility: visibility,
                                questions: groups, hasQuestions: !groups.isEmpty)
            errorSummary = ErrorSummary(notice: notice, noticeHref: "#\(text.id)", [ErrorSummary.field(text), visibility.summaryItem])
        } else {
            noteForm = nil
            errorSummary = ErrorSummary(notice: notice)
        }
        let lookFors = view.cycle?.lookFors ?? []
        observationPath = SiteRoute.coachingSessionPart(session.id, "observation").path
        observation = session.observation.map { note in
            let index = lookFors.firstIndex { $0.id == note.lookForID }
            return ObservationLine(time: note.time.spoken, lookFor: index.map { "#\($0 + 1) \(lookFors[$0].text)" }, text: note.text)
        }
        hasObservation = !observation.isEmpty
        tally = session.tally(of: lookFors).enumerated().map { TallyLine(number: $0.offset + 1, text: $0.element.lookFor.text, count: $0.element.count) }
        hasTally = hasObservation && !tally.isEmpty
        observationVisibility = view.isCoach ? CoachingRequest.visibilityLabel(session.observationVisibility, educatorName: educator) : nil
        feedback = session.feedback.map { feedback in
            FeedbackPart(wentWell: feedback.wentWell.nonEmpty, toGrow: feedback.toGrow.nonEmpty, nextStep: feedback.nextStep,
                         visibility: view.isCoach ? CoachingRequest.visibilityLabel(feedback.visibility, educatorName: educator) : nil,
                         response: feedback.educatorResponse.nonEmpty, usefulness: feedback.usefulness?.label)
        }
        feedbackPath = SiteRoute.coachingSessionPart(session.id, "feedback").path
        if view.canWrite {
            feedbackLinkLabel = session.feedback == nil ? "Write feedback" : "Change the feedback"
        } else if !view.isCoach, session.feedback != nil {
            feedbackLinkLabel = "Respond to the feedback"
        } else {
            feedbackLinkLabel = nil
        }
        alliancePath = mayAnswerAlliance ? SiteRoute.coachingSessionPart(session.id, "alliance").path : nil
        allianceDone = view.alliance.map { "Alliance pulse answered on \($0.answeredOn.longForm)." }
    }
}
