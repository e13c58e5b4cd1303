import Hummingbird
import TrellisServices

/// Finds out whether the signed-in person is in a cohort, for the "Cohorts" link. The store answers from its recent
/// reads when it can, so a warm page still needs no database round trip; a failure never costs the page.
struct CohortNavigationMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let cohorts: CohortService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let actor = context.actor {
            do {
                context.isInCohort = try await cohorts.isInAnyCohort(actor)
            } catch {
                context.logger.warning("cohort membership not read: \(String(describing: error))")
            }
        }
        return try await next(request, context)
    }
}
