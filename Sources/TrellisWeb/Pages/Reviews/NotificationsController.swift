import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A person's notifications: the list (newest first, unread marked), opening one (which marks it read and goes to
/// its page), and marking all read. Opening is a form, not a link, because it changes something.
struct NotificationsController {
    let renderer: PageRenderer
    let notifications: NotificationService
    let secure: Bool

    struct ListView {
        struct Line {
            let message: String
            let when: String
            let isUnread: Bool
            let openAction: String
        }
        let lines: [Line]
        let hasLines: Bool
        let hasUnread: Bool
        let readAllAction = SiteRoute.notificationsRead.path
        let reviewsPath = SiteRoute.reviews.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/notifications", use: list)
        router.post("/notifications/read", use: readAll)
        router.post("/notifications/:notification/open", use: open)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let lines = try await notifications.recent(actor).map { notice in
            ListView.Line(message: notice.message, when: ReviewDates.moment(notice.createdAt), isUnread: notice.isUnread,
                          openAction: SiteRoute.notificationOpening(notice.id).path)
        }
        let view = ListView(lines: lines, hasLines: !lines.isEmpty, hasUnread: lines.contains(where: \.isUnread))
        return renderer.render("notifications", title: "Notifications", content: view, context: context, section: .notifications)
    }

    /// Marks the notification read and follows its link, only ever to a page of this site.
    func open(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = PersonNotification.ID(try context.parameters.require("notification"))
        guard let link = try await notifications.markRead(actor, id) else { throw ServiceError.notFound }
        return .redirect(to: SafeRedirect.path(link) ?? SiteRoute.notifications.path, type: .normal)
    }

    func readAll(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        try await notifications.markRead(actor)
        return Flash.redirect(to: .notifications, Flash(message: "Every notification is marked read."), secure: secure)
    }
}
