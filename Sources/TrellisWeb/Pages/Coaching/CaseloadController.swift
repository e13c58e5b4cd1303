import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// `/coaching`: a coach's caseload, or "My coaching" for someone without the coach role (`/coaching/mine` for a person
/// with both roles).
struct CaseloadController {
    let renderer: PageRenderer
    let caseloads: CaseloadService
    let coaching: CoachingService

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching", use: home)
        router.get("/coaching/mine", use: mine)
    }

    func home(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard actor.has(.coach) else { return try await mine(request, context: context) }
        let order = request.uri.queryParameters.get("order").flatMap(CaseloadOrder.init(rawValue:)) ?? .lastContact
        let quietOnly = request.uri.queryParameters.get("quiet") == "1"
        let caseload = try await caseloads.caseload(actor, order: order, quietOnly: quietOnly)
        let source = CaseloadView.Source(caseload: caseload, order: order, quietOnly: quietOnly, isAlsoEducator: actor.has(.educator),
                                         maySeeCounts: CoachingCountsService.maySee(actor))
        return renderer.render("coaching_caseload", source: source, context: context, section: .coaching) { source in
            ("Your caseload", CaseloadView(source))
        }
    }

    func mine(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let view = MyCoachingView(try await coaching.mine(actor), isCoach: actor.has(.coach), maySeeCounts: CoachingCountsService.maySee(actor))
        return renderer.render("coaching_mine", title: "My coaching", content: view, context: context, section: .coaching)
    }
}

/// "My coaching": the person's coaches, proposals waiting for their answer, requests they sent, and asking a coach.
struct MyCoachingView {
    struct Line {
        let name: String
        let path: String
        let since: String
        let message: String?
        let actionPath: String
        let actionLabel: String
    }

    let coaches: [Line]
    let hasCoaches: Bool
    let awaiting: [Line]
    let hasAwaiting: Bool
    let sent: [Line]
    let hasSent: Bool
    let askPath = SiteRoute.coachingAsk.path
    let caseloadPath: String?
    let countsPath: String?

    init(_ mine: CoachingService.MyCoaching, isCoach: Bool, maySeeCounts: Bool) {
        func day(_ date: Date?) -> String { date.map(ReviewDates.day) ?? "" }
        coaches = mine.coaches.map { item in
            Line(name: item.otherName, path: SiteRoute.coachingRelationship(item.relationship.id).path, since: "Since \(day(item.relationship.startedAt))",
                 message: nil, actionPath: SiteRoute.coachingRelationshipPart(item.relationship.id, "end").path, actionLabel: "End coaching")
        }
        awaiting = mine.awaitingMyAnswer.map { item in
            Line(name: item.otherName, path: SiteRoute.coachingRelationshipPart(item.relationship.id, "answer").path,
                 since: "Invited you \(day(item.relationship.proposedAt))", message: item.relationship.message.nonEmpty,
                 actionPath: SiteRoute.coachingRelationshipPart(item.relationship.id, "answer").path, actionLabel: "Answer")
        }
        sent = mine.sent.map { item in
            Line(name: item.otherName, path: SiteRoute.coachingRelationshipPart(item.relationship.id, "end").path,
                 since: "Asked \(day(item.relationship.proposedAt))", message: item.relationship.message.nonEmpty,
                 actionPath: SiteRoute.coachingRelationshipPart(item.relationship.id, "end").path, actionLabel: "Withdraw")
        }
        hasCoaches = !coaches.isEmpty
        hasAwaiting = !awaiting.isEmpty
        hasSent = !sent.isEmpty
        caseloadPath = isCoach ? SiteRoute.coaching.path : nil
        countsPath = maySeeCounts ? SiteRoute.coachingCounts.path : nil
    }
}
