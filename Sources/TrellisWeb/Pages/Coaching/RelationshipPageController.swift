import Hummingbird
import TrellisCore
import TrellisServices

/// The relationship's page, for its coach and its educator; anyone else is told it does not exist.
struct RelationshipPageController {
    let renderer: PageRenderer
    let sessions: CoachingSessionService

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/coaching/relationships/:relationship", use: page)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let overview = try await sessions.overview(try context.requireActor(), try CoachingRequest.relationshipID(context))
        let view = RelationshipView(overview)
        return renderer.render("coaching_relationship", title: view.heading, content: view, context: context, section: .coaching)
    }
}
