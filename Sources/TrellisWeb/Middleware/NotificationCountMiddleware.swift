import Hummingbird
import TrellisServices

/// Reads the signed-in person's unread notification count for the navigation. Every signed-in page asks, so the
/// store answers from its recent reads when it can (`NotificationStore.unreadCount`); a failure to count never
/// costs the page: the navigation then shows no number.
struct NotificationCountMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let notifications: NotificationService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let actor = context.actor {
            do {
                context.unreadNotifications = try await notifications.unreadCount(actor)
            } catch {
                context.logger.warning("unread notifications not counted: \(String(describing: error))")
            }
        }
        return try await next(request, context)
    }
}
