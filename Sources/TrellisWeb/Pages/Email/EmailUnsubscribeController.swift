import Hummingbird
import TrellisCore
import TrellisServices

/// The link at the foot of every email, `/email/unsubscribe/<token>`: opened in a browser it asks first; posted (a
/// mail client's one-click unsubscribe, RFC 8058, or the button on that page) it turns that kind's emails off. No
/// sign-in: the email's own token is the key, and it can only turn email off. Outside the form-token check, since mail
/// clients post without one. A token that opens nothing is a plain 404.
struct EmailUnsubscribeController {
    let renderer: PageRenderer
    let preferences: NotificationPreferenceService

    struct UnsubscribeView {
        let heading: String
        let message: String
        /// Where the button posts; nil once done.
        let action: String?
        let preferencesPath = SiteRoute.notificationPreferences.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/email/unsubscribe/:token", use: ask)
        router.post("/email/unsubscribe/:token", use: unsubscribe)
    }

    func ask(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let kind = try await preferences.unsubscribeTarget(token: token) else { return Self.notFound }
        return renderer.render("email_unsubscribe", title: "Stop these emails", content: UnsubscribeView(
            heading: "Stop these emails?", message: "You get email when this happens: \(kind). Stop it, and it reaches you only in Trellis.",
            action: SiteRoute.emailUnsubscribe(token: token).path), context: context)
    }

    func unsubscribe(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let kind = try await preferences.unsubscribe(token: token) else { return Self.notFound }
        return renderer.render("email_unsubscribe", title: "Emails stopped", content: UnsubscribeView(
            heading: "Emails stopped", message: "No more email for this: \(kind). It still reaches you in Trellis.", action: nil),
            context: context)
    }

    /// Nothing said about why: a guessed token learns nothing.
    static var notFound: Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .notFound, headers: headers, body: .init(byteBuffer: ByteBuffer(string: "Not found\n")))
    }
}
