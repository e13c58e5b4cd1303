import Foundation
import Hummingbird
import TrellisServices

/// A message carried across a redirect (post, redirect, get) in a short-lived cookie, shown once.
/// It may carry a one-time link, which must never travel in a URL.
struct Flash: Codable, Sendable, Hashable {
    var message: String
    var link: String? = nil
    var linkExpires: String? = nil
    /// What to do with the link, when not the usual "works once, until …" (e.g. to whom to send it).
    var linkNote: String? = nil

    static let cookieName = "trellis_flash"

    /// A redirect (303) that shows `flash` on the next page.
    static func redirect(to route: SiteRoute, _ flash: Flash?, secure: Bool) -> Response {
        var response = Response.redirect(to: route.path, type: .normal)
        if let flash { attach(flash, to: &response, secure: secure) }
        return response
    }

    /// Sets the cookie that shows `flash` on the next page.
    static func attach(_ flash: Flash, to response: inout Response, secure: Bool) {
        guard let data = try? JSONEncoder().encode(flash) else { return }
        response.setCookie(Cookie(name: cookieName, value: data.base64URLEncodedString(), maxAge: 60, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
    }

    /// The flash in the request, if any; the caller clears it with `clear`.
    static func read(_ request: Request) -> Flash? {
        guard request.mayCarryCookie(cookieName), let value = request.cookies[cookieName]?.value, !value.isEmpty,
              let data = Data(base64URLEncoded: value) else { return nil }
        return try? JSONDecoder().decode(Flash.self, from: data)
    }

    /// Removes the flash cookie so the message shows once.
    static func clear(_ response: inout Response, secure: Bool) {
        response.setCookie(Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
    }
}
