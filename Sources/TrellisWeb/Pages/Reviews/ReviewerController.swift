import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The reviewer's side: the requests waiting for a signed-in reviewer, and one request's page with its actions, for
/// a reviewer with an account (`/reviews/:request`) and for one outside Trellis through their link (`/review/:token`).
/// Both go through the same handlers; only the key differs. The link's routes need no sign-in but do need the form token.
struct ReviewerController {
    let renderer: PageRenderer
    let reviews: ReviewService
    let names: PlanService
    let secure: Bool

    func registerForMembers(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/reviews", use: waiting)
        router.get("/reviews/:request", use: page)
        router.post("/reviews/:request/comments", use: saveComments)
        router.post("/reviews/:request/return", use: returnPlan)
        router.post("/reviews/:request/sign", use: sign)
        router.get("/reviews/:request/evidence/:evidence/file", use: download)
    }

    func registerForLinks(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/review/:token", use: page)
        router.post("/review/:token/comments", use: saveComments)
        router.post("/review/:token/return", use: returnPlan)
        router.post("/review/:token/sign", use: sign)
        router.get("/review/:token/evidence/:evidence/file", use: download)
        router.get("/review-done", use: done)
    }

    // MARK: Requests waiting

    struct WaitingView {
        struct Line {
            let title: String
            let detail: String
            let path: String
        }
        let lines: [Line]
        let hasLines: Bool
    }

    func waiting(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let open = try await reviews.waiting(actor)
        let plans = open.map { (request: $0, plan: try? $0.snapshot.plan()) }
        let owners = try await names.names(actor, of: Set(plans.compactMap { $0.plan?.ownerID }))
        let lines = plans.map { item in
            WaitingView.Line(title: "\(item.plan.flatMap { owners[$0.ownerID] } ?? "A colleague")’s \(item.plan?.schoolYear.label ?? "") growth plan",
                             detail: "Submission \(item.request.submission), sent on \(ReviewDates.day(item.request.requestedAt))",
                             path: SiteRoute.review(item.request.id).path)
        }
        return renderer.render("reviews", title: "Reviews waiting for you", content: WaitingView(lines: lines, hasLines: !lines.isEmpty),
                               context: context, section: .reviews)
    }

    // MARK: One request

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await unusableLinkAsPage(context) {
            let key = try key(context)
            let review = try await open(key, context)
            var typed = ReviewPageView.Typed()
            typed.signerName = context.identity.flatMap { review.request.reviewer.isOutside ? nil : $0.displayName } ?? review.request.reviewer.name
            typed.certificate = review.request.reviewer.certificateNumber
            return render(review, key: key, typed: typed, errors: FieldErrors(), context: context, status: .ok)
        }
    }

    func saveComments(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await unusableLinkAsPage(context) {
            let (key, review, data) = try await submitted(request, context)
            let typed = Self.typed(data, review)
            return try await act(key, review, typed, context) {
                try await reviews.saveComments(key, Self.form(data, typed))
                return Flash.redirect(to: route(key), Flash(message: "Your comments are saved. The educator sees them once you decide."), secure: secure)
            }
        }
    }

    func returnPlan(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await unusableLinkAsPage(context) {
            let (key, review, data) = try await submitted(request, context)
            let typed = Self.typed(data, review)
            return try await act(key, review, typed, context) {
                try await reviews.returnPlan(key, Self.form(data, typed), address: context.peerAddress)
                let message = "You returned \(review.ownerName)’s plan for changes. They see your note and comments, and will send it again when it is revised."
                return Flash.redirect(to: Self.isLink(key) ? .reviewLinkDone : .reviews, Flash(message: message), secure: secure)
            }
        }
    }

    func sign(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await unusableLinkAsPage(context) {
            let (key, review, data) = try await submitted(request, context)
            let typed = Self.typed(data, review)
            return try await act(key, review, typed, context) {
                var version = Int(data["version"]) ?? -1
                // Comments typed before signing are kept with the signed submission, not lost to the signature.
                let saved = Dictionary(review.request.comments.map { ($0.goalID, $0.text) }, uniquingKeysWith: { $0 + "\n\n" + $1 })
                if typed.comments.contains(where: { $0.value.trimmingWhitespace() != (saved[$0.key] ?? "") }) {
                    try await reviews.saveComments(key, Self.form(data, typed))
                    version = try await reviews.open(key).version
                }
                let signature = try await reviews.sign(key, .init(name: typed.signerName, certificateNumber: typed.certificate, attests: typed.attests),
                                                       version: version, address: context.peerAddress)
                let message = "You signed \(review.ownerName)’s plan on \(signature.signedOn.longForm). SHA-256 of the signed plan: \(signature.snapshot.sha256)."
                return Flash.redirect(to: Self.isLink(key) ? .reviewLinkDone : .review(review.request.id), Flash(message: message), secure: secure)
            }
        }
    }

    func download(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await unusableLinkAsPage(context) {
            let (file, data) = try await reviews.evidenceFile(try key(context), Evidence.ID(try context.parameters.require("evidence")))
            return EvidenceDownload.response(file, data)
        }
    }

    /// After an outside reviewer decides, their link opens nothing; the message of the decision is shown here.
    func done(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        renderer.render("review_done", title: "Thank you", content: ReviewDoneView(), context: context)
    }

    struct ReviewDoneView {
        let closing = "Your review is recorded. You can close this page."
    }

    // MARK: Shared steps

    private func key(_ context: TrellisRequestContext) throws -> ReviewService.ReviewerKey {
        if let token = context.parameters.get("token") { return .link(token: token) }
        return .member(try context.requireActor(), ReviewRequest.ID(try context.parameters.require("request")))
    }

    private static func isLink(_ key: ReviewService.ReviewerKey) -> Bool {
        if case .link = key { return true }
        return false
    }

    private func route(_ key: ReviewService.ReviewerKey) -> SiteRoute {
        switch key {
        case .member(_, let id): .review(id)
        case .link(let token): .reviewLink(token: token)
        }
    }

    /// Opens the review; the owner of the plan is not its reviewer, even though they may read what was said.
    private func open(_ key: ReviewService.ReviewerKey, _ context: TrellisRequestContext) async throws -> ReviewService.Review {
        let review = try await reviews.open(key)
        if case .member(let actor, _) = key, review.plan.ownerID == actor.personID { throw ServiceError.notFound }
        return review
    }

    private func submitted(_ request: Request, _ context: TrellisRequestContext) async throws -> (ReviewService.ReviewerKey, ReviewService.Review, FormData) {
        let key = try key(context)
        let review = try await open(key, context)
        return (key, review, try await FormData.from(request))
    }

    /// Runs an action; refused input comes back on the page with everything typed, a stale form with a notice.
    private func act(_ key: ReviewService.ReviewerKey, _ review: ReviewService.Review, _ typed: ReviewPageView.Typed,
                     _ context: TrellisRequestContext, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let errors as FieldErrors {
            return render(try await open(key, context), key: key, typed: typed, errors: errors, context: context, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return render(try await open(key, context), key: key, typed: typed, errors: FieldErrors(), notice: message, context: context,
                          status: .conflict)
        }
    }

    /// A link that opens nothing gets a page saying so, with nothing changed: 410 when it expired, 404 otherwise.
    private func unusableLinkAsPage(_ context: TrellisRequestContext, _ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let unusable as ReviewLinkUnusable {
            let heading = unusable == .expired ? "This review link has expired" : "This review link doesn't work"
            return renderer.render("error", title: heading,
                                   content: ErrorPageMiddleware.ErrorView(heading: heading, message: unusable.message, requestID: nil),
                                   context: context, status: unusable == .expired ? .gone : .notFound)
        }
    }

    private func render(_ review: ReviewService.Review, key: ReviewService.ReviewerKey, typed: ReviewPageView.Typed, errors: FieldErrors,
                        notice: String? = nil, context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        let view: ReviewPageView
        switch key {
        case .member(_, let id):
            view = ReviewPageView(review, typed: typed, errors: errors, notice: notice, today: reviews.today,
                                  actionPath: { SiteRoute.reviewAction(id, $0).path }, download: { SiteRoute.reviewEvidenceFile(id, $0).path })
        case .link(let token):
            view = ReviewPageView(review, typed: typed, errors: errors, notice: notice, today: reviews.today,
                                  actionPath: { SiteRoute.reviewLinkAction(token: token, $0).path },
                                  download: { SiteRoute.reviewLinkEvidenceFile(token: token, $0).path })
        }
        return renderer.render("review", title: ErrorSummary.title(view.title, view.errorSummary), content: view, context: context,
                               status: status, section: Self.isLink(key) ? nil : .reviews)
    }

    private static func typed(_ data: FormData, _ review: ReviewService.Review) -> ReviewPageView.Typed {
        var typed = ReviewPageView.Typed()
        typed.comments[nil] = data["comment_plan"]
        for goal in review.plan.goals { typed.comments[goal.id] = data["comment_\(goal.id)"] }
        typed.note = data["note"]
        typed.signerName = data["signer_name"]
        typed.certificate = data["certificate_number"]
        typed.attests = data["attest"] == "yes"
        return typed
    }

    private static func form(_ data: FormData, _ typed: ReviewPageView.Typed) -> ReviewService.ReviewForm {
        ReviewService.ReviewForm(version: Int(data["version"]) ?? -1, comments: typed.comments, note: typed.note)
    }
}
