import TrellisCore
import TrellisServices

/// The owner's "Review and signature" page: what is missing or the request form, the open request, every
/// submission with what the reviewer said, and the signatures with their check. Shared viewers read it without forms.
struct PlanReviewView {
    struct Option {
        let value: String
        let label: String
        let selected: Bool
    }

    /// The form for asking, as typed, with its messages.
    struct Ask {
        let action: String
        let version: Int
        let againLabel: Bool
        let memberChecked: Bool
        let outsideChecked: Bool
        let colleagues: [Option]
        let hasColleagues: Bool
        let kindError: String?
        let colleagueError: String?
        let name: FieldView
        let email: FieldView
        let certificate: FieldView
    }

    struct OpenRequest {
        let reviewer: String
        let outsideEmail: String?
        let since: String
        let linkExpires: String?
        let withdrawAction: String?
    }

    struct CommentGroup {
        let heading: String
        let texts: [String]
    }

    struct Submission {
        let number: Int
        let state: String
        let reviewer: String
        let requestedOn: String
        let decidedOn: String?
        let returnNote: String?
        let comments: [CommentGroup]
        let hasComments: Bool
    }

    struct SignatureLine {
        let signer: String
        let certificate: String
        let signedOn: String
        let sha256: String
        let checked: Bool
        let intact: Bool
        let checkMessage: String?
    }

    let header: PlanHeader
    let errorSummary: ErrorSummary?
    let isOwner: Bool
    let missing: [String]
    let hasMissing: Bool
    let ask: Ask?
    let open: OpenRequest?
    let isSigned: Bool
    let correctAction: String?
    let submissions: [Submission]
    let hasSubmissions: Bool
    let signatures: [SignatureLine]
    let hasSignatures: Bool
    let checkPath: String
    let overviewPath: String

    struct Source {
        let loaded: PlanService.Loaded
        let requests: [ReviewRequest]
        let signatures: [Signature]
        /// The answer to "Check the signature", when it was asked.
        let checks: [Signature.ID: Bool]?
        let colleagues: [(person: Person, certificate: CertificateNumber)]
        let form: AskForReviewForm
        let errors: FieldErrors
        let notice: String?
    }

    init(_ source: Source) {
        let loaded = source.loaded, plan = loaded.plan, errors = source.errors
        header = PlanHeader(loaded, current: nil, onReviewPage: true)
        isOwner = loaded.isOwner
        let canAsk = loaded.isOwner && (plan.status == .active || plan.status == .returned)
        let decision = PlanLifecycle.check(plan, movingTo: .inReview, context: .init(hasReviewer: true))
        // A draft is not yet a plan to review: the first thing missing is starting it.
        missing = canAsk ? decision.reasons
            : loaded.isOwner && plan.status == .draft ? ["Make your plan active first, from its overview; then finish the steps and ask here."] : []
        hasMissing = !missing.isEmpty
        let form = source.form
        let chosenKind = form.kind.isEmpty ? (form.colleague.isEmpty ? "" : "member") : form.kind
        ask = canAsk && decision.isAllowed ? Ask(
            action: SiteRoute.planReview(plan.id).path, version: loaded.version, againLabel: plan.status == .returned,
            memberChecked: chosenKind == "member", outsideChecked: chosenKind == "outside",
            colleagues: source.colleagues.map { Option(value: $0.person.id.rawValue, label: "\($0.person.displayName) — certificate \($0.certificate.rawValue)",
                                                      selected: $0.person.id.rawValue == form.colleague) },
            hasColleagues: !source.colleagues.isEmpty, kindError: errors["reviewer_kind"], colleagueError: errors["reviewer"],
            name: FieldView(name: "reviewer_name", label: "Their full name", value: form.name, errors: errors, autocomplete: "off", required: false),
            email: FieldView(name: "reviewer_email", label: "Their email address", type: "email", value: form.email, errors: errors,
                             hint: "Trellis does not email them: you send the link yourself.", autocomplete: "off", required: false),
            certificate: FieldView(name: "reviewer_certificate", label: "Their Washington certificate number", value: form.certificate,
                                   errors: errors, hint: "6 to 10 digits, sometimes followed by one letter, such as 412345F.", autocomplete: "off", required: false)) : nil
        if let ask {
            errorSummary = ErrorSummary(notice: source.notice, noticeHref: "#ask-heading", [
                ErrorSummary.field(id: "reviewer-kind-member", ask.kindError), ErrorSummary.field(id: "field-reviewer", ask.colleagueError),
                ErrorSummary.field(ask.name), ErrorSummary.field(ask.email), ErrorSummary.field(ask.certificate),
            ])
        } else {
            errorSummary = ErrorSummary(notice: source.notice)
        }
        let current = plan.status == .inReview ? source.requests.last(where: \.isOpen) : nil
        open = current.map { request in
            var email: String?
            if case .outside(_, let address, _) = request.reviewer { email = address.value }
            return OpenRequest(reviewer: request.reviewer.name, outsideEmail: email, since: ReviewDates.day(request.requestedAt),
                               linkExpires: request.linkExpiresAt.map(ReviewDates.moment),
                               withdrawAction: loaded.isOwner ? SiteRoute.planReviewWithdrawal(plan.id).path : nil)
        }
        isSigned = plan.status == .signed
        correctAction = isSigned && loaded.isOwner ? SiteRoute.planSection(plan.id, "status").path : nil
        submissions = source.requests.reversed().map(Self.submission)
        hasSubmissions = !submissions.isEmpty
        signatures = source.signatures.map { signature in
            let intact = source.checks?[signature.id]
            let message = intact.map { intact in
                intact
                    ? "The stored snapshot still matches its SHA-256: the plan is exactly as \(signature.signerName) signed it on \(signature.signedOn.longForm)."
                    : "The stored snapshot does NOT match its SHA-256: it was changed after \(signature.signerName) signed it. Tell your district admin."
            }
            return SignatureLine(signer: signature.signerName, certificate: signature.certificateNumber, signedOn: signature.signedOn.longForm,
                                 sha256: signature.snapshot.sha256, checked: intact != nil, intact: intact ?? false, checkMessage: message)
        }
        hasSignatures = !signatures.isEmpty
        checkPath = SiteRoute.planReview(plan.id).path + "?check=1#signatures-heading"
        overviewPath = SiteRoute.plan(plan.id).path
    }

    private static func submission(_ request: ReviewRequest) -> Submission {
        let goals = (try? request.snapshot.plan().goals) ?? []
        var groups: [CommentGroup] = []
        let whole = request.comments(on: nil).map(\.text)
        if !whole.isEmpty { groups.append(CommentGroup(heading: "The whole plan", texts: whole)) }
        for (index, goal) in goals.enumerated() {
            let texts = request.comments(on: goal.id).map(\.text)
            if !texts.isEmpty { groups.append(CommentGroup(heading: "Goal \(index + 1): \(goal.statement)", texts: texts)) }
        }
        return Submission(number: request.submission, state: request.state.label,
                          reviewer: request.reviewer.name + (request.reviewer.isOutside ? " (outside Trellis)" : ""),
                          requestedOn: ReviewDates.day(request.requestedAt), decidedOn: request.decidedAt.map(ReviewDates.day),
                          returnNote: request.returnNote.nonEmpty, comments: groups, hasComments: !groups.isEmpty)
    }
}
