import Hummingbird
import TrellisServices

/// Reads what the navigation shows of the signed-in person: their unread notification count, and whether they facilitate
/// or belong to a cohort (the "Cohorts" link). Every signed-in page asks for both, so the stores answer from their recent
/// reads when they can; when those have run out, the two reads go to the database at the same time rather than one after
/// the other (on PostgreSQL each is a round trip). A failure to read either never costs the page: the navigation then
/// shows no number, or no link.
struct NavigationFactsMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let notifications: NotificationService
    let cohorts: CohortService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let actor = context.actor {
            async let unread = notifications.unreadCount(actor)
            async let inCohort = cohorts.isInAnyCohort(actor)
            do {
                context.unreadNotifications = try await unread
            } catch {
                context.logger.warning("unread notifications not counted: \(String(describing: error))")
            }
            do {
                context.isInCohort = try await inCohort
            } catch {
                context.logger.warning("cohort membership not read: \(String(describing: error))")
            }
        }
        return try await next(request, context)
    }
}
