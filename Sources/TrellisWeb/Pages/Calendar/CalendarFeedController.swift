import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// A person's private calendar address (`/account/calendar`): whether they have one, making a new one (shown once, as
/// only its hash is kept; the old one stops working), ending it; and the feed itself at `/calendar/<token>.ics`, which a
/// calendar application fetches without a session. A wrong or ended token is a plain 404.
struct CalendarFeedController {
    let renderer: PageRenderer
    let feeds: CalendarFeedService
    let baseURL: String
    let secure: Bool

    struct SettingsView {
        let hasAddress: Bool
        let madeOn: String?
        let resetAction = SiteRoute.calendarReset.path
        let removeAction = SiteRoute.calendarRemoval.path
        let notificationsPath = SiteRoute.notificationPreferences.path
        let passwordPath = SiteRoute.changePassword.path
    }

    /// The account pages, for signed-in people.
    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get(RouterPath(SiteRoute.calendarSettings.path), use: page)
        router.post(RouterPath(SiteRoute.calendarReset.path), use: reset)
        router.post(RouterPath(SiteRoute.calendarRemoval.path), use: remove)
    }

    /// The feed, for calendar applications: no session, no form token.
    func registerFeed(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/calendar/:file", use: feed)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let made = try await feeds.addressMadeAt(actor)
        return renderer.render("account_calendar", title: "Your calendar address",
                               content: SettingsView(hasAddress: made != nil, madeOn: made.map(ReviewDates.moment)),
                               context: context, section: .account)
    }

    func reset(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let token = try await feeds.reset(actor)
        // Shown once, through the flash cookie: the address never travels in a redirect's URL.
        return Flash.redirect(to: .calendarSettings, Flash(
            message: "Your new calendar address is ready. Add it to your calendar application as a subscription (by URL); any earlier address no longer works.",
            link: baseURL + SiteRoute.calendarFeed(token: token).path,
            linkNote: "Keep this address to yourself: anyone who has it can read your calendar. It is shown only now."), secure: secure)
    }

    func remove(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        try await feeds.remove(actor)
        return Flash.redirect(to: .calendarSettings, Flash(message: "Your calendar address no longer works."), secure: secure)
    }

    func feed(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let file = try context.parameters.require("file")
        guard file.hasSuffix(".ics"), let text = try await feeds.feed(token: String(file.dropLast(4))) else {
            return EmailUnsubscribeController.notFound
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/calendar; charset=utf-8"
        headers[.contentDisposition] = "inline; filename=\"trellis.ics\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
