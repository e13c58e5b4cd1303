import TrellisCore
import TrellisServices

/// The reviewer's page: the submitted snapshot with a comment box under each goal and one for the whole plan, what
/// changed since the previous submission, and the decision (return with a note, or sign). Read-only once decided.
struct ReviewPageView {
    /// A goal of the snapshot with what the reviewers said about it.
    struct GoalWithComments {
        let goal: PlanSnapshotView.GoalPart
        let previousComments: [String]
        let hasPreviousComments: Bool
        let comment: FieldView?
        let savedComments: [String]
        let hasSavedComments: Bool
    }

    struct Change {
        let part: String
        let before: String
        let after: String
    }

    /// What the reviewer typed, kept through a refused submission.
    struct Typed {
        var comments: [Goal.ID?: String] = [:]
        var note = ""
        var signerName = ""
        var certificate = ""
        var attests = false
    }

    let title: String
    let errorSummary: ErrorSummary?
    let submittedOn: String
    let submission: Int
    let reviewerName: String
    let isOpen: Bool
    let decision: String?
    let goals: [GoalWithComments]
    let snapshot: PlanSnapshotView
    let planComment: FieldView?
    let savedPlanComments: [String]
    let hasSavedPlanComments: Bool
    let previousSubmission: Int?
    let previousReturnNote: String?
    let previousPlanComments: [String]
    let changes: [Change]
    let hasChanges: Bool
    let version: Int
    let commentsAction: String
    let returnAction: String
    let signAction: String
    let note: FieldView
    let signerName: FieldView
    let certificate: FieldView
    let attests: Bool
    let attestError: String?
    let today: String

    init(_ review: ReviewService.Review, typed: Typed, errors: FieldErrors, notice: String?, today: CalendarDate,
         actionPath: (String) -> String, download: (Evidence.ID) -> String) {
        let request = review.request, plan = review.plan
        title = "Review of \(review.ownerName)’s \(plan.schoolYear.label) growth plan"
        submittedOn = ReviewDates.day(request.requestedAt)
        submission = request.submission
        reviewerName = request.reviewer.name
        isOpen = review.isOpen
        switch request.state {
        case .open: decision = nil
        case .signed: decision = "You signed this submission on \(request.decidedAt.map(ReviewDates.day) ?? ""). It no longer changes."
        case .returned: decision = "You returned this submission for changes."
        case .withdrawn: decision = "\(review.ownerName) withdrew this request."
        }
        snapshot = PlanSnapshotView(plan, standards: review.standards, download: download)
        let previous = review.previous
        func field(_ goalID: Goal.ID?, label: String) -> FieldView? {
            guard review.isOpen else { return nil }
            let name = goalID.map { "comment_\($0)" } ?? "comment_plan"
            let saved = request.comments(on: goalID).map(\.text).joined(separator: "\n\n")
            return FieldView(name: name, label: label, type: "textarea", value: typed.comments[goalID] ?? saved, errors: errors,
                             required: false, rows: 3)
        }
        goals = zip(plan.goals, snapshot.goals).map { goal, part in
            let earlier = previous?.comments(on: goal.id).map(\.text) ?? []
            let saved = review.isOpen ? [] : request.comments(on: goal.id).map(\.text)
            return GoalWithComments(goal: part, previousComments: earlier, hasPreviousComments: !earlier.isEmpty,
                                    comment: field(goal.id, label: "Your comment on goal \(part.number)"),
                                    savedComments: saved, hasSavedComments: !saved.isEmpty)
        }
        planComment = field(nil, label: "Your comment on the whole plan")
        savedPlanComments = review.isOpen ? [] : request.comments(on: nil).map(\.text)
        hasSavedPlanComments = !savedPlanComments.isEmpty
        previousSubmission = previous?.submission
        previousReturnNote = previous?.returnNote.nonEmpty
        previousPlanComments = previous?.comments(on: nil).map(\.text) ?? []
        changes = (review.changes?.changes ?? []).map { Change(part: $0.part, before: $0.before.nonEmpty ?? "—", after: $0.after.nonEmpty ?? "—") }
        hasChanges = !changes.isEmpty
        version = review.version
        commentsAction = actionPath("comments")
        returnAction = actionPath("return")
        signAction = actionPath("sign")
        note = FieldView(name: "note", label: "What should the educator change?", type: "textarea", value: typed.note, errors: errors,
                         hint: "Required to return the plan. They see it on their plan with your comments.", required: false, rows: 4)
        signerName = FieldView(name: "signer_name", label: "Your full name", value: typed.signerName, errors: errors,
                               autocomplete: "name", required: false)
        certificate = FieldView(name: "certificate_number", label: "Your Washington certificate number", value: typed.certificate,
                                errors: errors, hint: "6 to 10 digits, sometimes followed by one letter, such as 412345F.", autocomplete: "off", required: false)
        attests = typed.attests
        attestError = errors["attest"]
        self.today = today.longForm
        let commentFields = ([planComment] + goals.map(\.comment)).compactMap { $0 }
        errorSummary = ErrorSummary(notice: notice, commentFields.map(ErrorSummary.field)
            + [ErrorSummary.field(note), ErrorSummary.field(signerName), ErrorSummary.field(certificate),
               ErrorSummary.field(id: "field-attest", attestError)])
    }
}
