import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Answering a proposal (`/coaching/relationships/:id/answer`) and ending a relationship or taking back a proposal
/// (`/coaching/relationships/:id/end`, asked first on a page of its own). Only its coach and its educator find
/// these pages; anyone else is told they do not exist.
struct RelationshipAnswerController {
    let renderer: PageRenderer
    let coaching: CoachingService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/relationships/:relationship/answer", use: answerPage)
        router.post("/coaching/relationships/:relationship/answer", use: answer)
        router.get("/coaching/relationships/:relationship/end", use: endPage)
        router.post("/coaching/relationships/:relationship/end", use: end)
    }

    func answerPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await renderAnswer(context, sharePlan: true, notice: nil, status: .ok)
    }

    func answer(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try Self.relationshipID(context)
        let form = try await FormData.from(request)
        let decision = form["decision"]
        guard decision == "accept" || decision == "decline" else { throw HTTPError(.badRequest) }
        let sharePlan = form["share_plan"] == "yes"
        do {
            let relationship = try await coaching.answer(actor, id, accept: decision == "accept", expecting: Int(form["version"]),
                                                         sharePlan: sharePlan, address: context.peerAddress)
            let name = try await coaching.name(actor, of: relationship.other(than: actor.personID)) ?? "They"
            let message = relationship.isActive ? "You and \(name) are working together now. \(name) is told." : "You declined. \(name) is told."
            return Flash.redirect(to: relationship.isActive ? .coachingRelationship(id) : .coaching, Flash(message: message), secure: secure)
        } catch ServiceError.conflict(let message) {
            return try await renderAnswer(context, sharePlan: sharePlan, notice: message, status: .conflict)
        }
    }

    func endPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await renderEnd(context, notice: nil, status: .ok)
    }

    func end(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try Self.relationshipID(context)
        let form = try await FormData.from(request)
        do {
            try await coaching.end(actor, id, expecting: Int(form["version"]), address: context.peerAddress)
        } catch ServiceError.conflict(let message) {
            return try await renderEnd(context, notice: message, status: .conflict)
        }
        return Flash.redirect(to: .coaching, Flash(message: "Done. The other person is told."), secure: secure)
    }

    private func renderAnswer(_ context: TrellisRequestContext, sharePlan: Bool, notice: String?, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let item = try await coaching.relationship(actor, try Self.relationshipID(context))
        let relationship = item.relationship
        let isEducator = actor.personID == relationship.educatorID
        var offerShare = false
        if isEducator, relationship.awaitsAnswer(from: actor.personID) {
            offerShare = try await coaching.canSharePlan(actor, with: relationship.coachID)
        }
        let view = AnswerView(item, actor: actor.personID, offerShare: offerShare, sharePlan: sharePlan, notice: notice)
        return renderer.render("coaching_answer", title: ErrorSummary.title(view.heading, view.errorSummary), content: view,
                               context: context, status: status, section: .coaching)
    }

    private func renderEnd(_ context: TrellisRequestContext, notice: String?, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let item = try await coaching.relationship(actor, try Self.relationshipID(context))
        let view = EndView(item, actor: actor.personID, notice: notice)
        return renderer.render("coaching_end", title: ErrorSummary.title(view.question, view.errorSummary), content: view,
                               context: context, status: status, section: .coaching)
    }

    static func relationshipID(_ context: TrellisRequestContext) throws -> CoachingRelationship.ID {
        CoachingRelationship.ID(try context.parameters.require("relationship"))
    }
}

/// A proposal as its answer page shows it; once answered, where it stands.
struct AnswerView {
    let errorSummary: ErrorSummary?
    let heading: String
    let proposal: String
    let message: String?
    let canAnswer: Bool
    /// When it can no longer be answered: where it stands now.
    let state: String
    let action: String
    let version: Int
    let offerShare: Bool
    let sharePlan: Bool
    let shareLabel: String
    let relationshipPath: String
    let backPath = SiteRoute.coaching.path

    init(_ item: CoachingService.Counterpart, actor: Person.ID, offerShare: Bool, sharePlan: Bool, notice: String?) {
        let relationship = item.relationship
        errorSummary = ErrorSummary(notice: notice)
        let fromCoach = relationship.proposedBy == .coach
        heading = "Coaching with \(item.otherName)"
        proposal = relationship.side(of: actor) == relationship.proposedBy
            ? (fromCoach ? "You invited \(item.otherName) on \(ReviewDates.day(relationship.proposedAt))." : "You asked \(item.otherName) on \(ReviewDates.day(relationship.proposedAt)).")
            : (fromCoach ? "\(item.otherName) invites you to work together as your coach." : "\(item.otherName) asks you to be their coach.")
        message = relationship.message.nonEmpty
        canAnswer = relationship.awaitsAnswer(from: actor)
        state = relationship.state.label
        action = SiteRoute.coachingRelationshipPart(relationship.id, "answer").path
        version = item.version
        self.offerShare = offerShare
        self.sharePlan = sharePlan
        shareLabel = "Share my growth plan with \(item.otherName)"
        relationshipPath = SiteRoute.coachingRelationship(relationship.id).path
    }
}

/// "End coaching with …?" (or "Withdraw …?") asked on a page of its own.
struct EndView {
    let errorSummary: ErrorSummary?
    let question: String
    let consequence: String
    let canEnd: Bool
    let state: String
    let action: String
    let version: Int
    let endLabel: String
    let keepPath: String

    init(_ item: CoachingService.Counterpart, actor: Person.ID, notice: String?) {
        let relationship = item.relationship
        errorSummary = ErrorSummary(notice: notice)
        let isProposal = relationship.state == .proposed
        question = isProposal ? "Withdraw your proposal to \(item.otherName)?" : "End coaching with \(item.otherName)?"
        consequence = isProposal ? "\(item.otherName) is told, and can no longer accept it."
            : "\(item.otherName) is told. Sessions and notes stay with the people who could see them; you can start again later."
        canEnd = relationship.isCurrent
        state = relationship.state.label
        action = SiteRoute.coachingRelationshipPart(relationship.id, "end").path
        version = item.version
        endLabel = isProposal ? "Withdraw" : "End coaching"
        keepPath = isProposal ? SiteRoute.coaching.path : SiteRoute.coachingRelationship(relationship.id).path
    }
}
