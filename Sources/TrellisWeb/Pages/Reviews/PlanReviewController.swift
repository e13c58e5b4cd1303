import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The owner's side of review: the "Review and signature" page, asking for review, withdrawing, checking signatures.
/// Correcting a signed plan is a status change on the plan (`PlansController.changeStatus`, to `active`).
struct PlanReviewController {
    let renderer: PageRenderer
    let plans: PlanService
    let reviews: ReviewService
    let baseURL: String
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/review", use: page)
        router.post("/plans/:plan/review", use: ask)
        router.post("/plans/:plan/review/withdraw", use: withdraw)
    }

    /// `?check=1` checks every signature's snapshot against its SHA-256: a read, so a link will do.
    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await render(context, form: AskForReviewForm(), errors: FieldErrors(), check: request.uri.queryParameters.get("check") == "1",
                         status: .ok)
    }

    func ask(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let form = AskForReviewForm(try await FormData.from(request))
        do {
            let requested = try await reviews.request(actor, planID, expecting: form.version, reviewer: try form.choice(),
                                                      address: context.peerAddress)
            let reviewer = requested.request.reviewer
            guard let token = requested.linkToken, let expires = requested.request.linkExpiresAt else {
                return Flash.redirect(to: .planReview(planID),
                                      Flash(message: "Your plan is in review. \(reviewer.name) sees your request in Trellis."), secure: secure)
            }
            let until = ReviewDates.moment(expires)
            var email = ""
            if case .outside(_, let address, _) = reviewer { email = " (\(address.value))" }
            return Flash.redirect(to: .planReview(planID), Flash(
                message: "Your plan is in review. Trellis does not email \(reviewer.name): send them the link below yourself.",
                link: baseURL + SiteRoute.reviewLink(token: token).path, linkExpires: until,
                linkNote: "Send this link to \(reviewer.name)\(email); it works once, until \(until). Trellis does not show it again: if it is lost, withdraw the request and ask again."),
                secure: secure)
        } catch let errors as FieldErrors {
            return try await render(context, form: form, errors: errors, status: .unprocessableContent)
        } catch let notReady as PlanNotReady {
            return try await render(context, form: form, errors: FieldErrors(), notice: "Not yet: " + notReady.reasons.joined(separator: " "),
                                    status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await render(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func withdraw(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        try await reviews.withdraw(actor, planID, address: context.peerAddress)
        return Flash.redirect(to: .planReview(planID),
                              Flash(message: "The request is withdrawn. Your plan is active again and can be changed."), secure: secure)
    }

    private func render(_ context: TrellisRequestContext, form: AskForReviewForm, errors: FieldErrors, notice: String? = nil,
                        check: Bool = false, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let loaded = try await plans.load(actor, planID, latest: status != .ok)
        let history = try await reviews.history(actor, planID)
        let checks = check ? Dictionary(try await reviews.checkSignatures(actor, planID).map { ($0.signature.id, $0.isIntact) },
                                        uniquingKeysWith: { first, _ in first }) : nil
        let asking = loaded.isOwner && (loaded.plan.status == .active || loaded.plan.status == .returned)
        let colleagues = asking ? try await reviews.eligibleReviewers(actor) : []
        let view = PlanReviewView(.init(loaded: loaded, requests: history.requests, signatures: history.signatures, checks: checks,
                                        colleagues: colleagues, form: form, errors: errors, notice: notice))
        return renderer.render("plan_review", title: ErrorSummary.title("Review and signature", view.errorSummary), content: view,
                               context: context, status: status, section: .plans)
    }
}
