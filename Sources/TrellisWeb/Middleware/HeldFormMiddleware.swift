import Hummingbird
import TrellisServices

/// Nothing typed is lost to an expired sign-in. A form worth keeping (see `HeldForms`) that arrives signed out is kept,
/// with a token in an HttpOnly cookie, and the person is sent to sign in and back to the page it was written on, where
/// the form is applied as them (the policy decides, as for any post).
///
/// The kept form already passed the CSRF check when it arrived (that check needs no sign-in), and it is applied only
/// in the browser that holds the cookie.
struct HeldFormMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    static let cookieName = "trellis_held_form"
    let forms: HeldForms
    let service: HeldFormService
    let secure: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if context.identity == nil, request.method == .post, let page = forms.page(forPosted: path),
           request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: FormData.maximumBytes))
            let token = try await service.hold(path: path, page: page, body: body)
            var response = Response.redirect(to: SiteRoute.signIn.path + "?next=\(page.addingPercentEncodingForQuery())", type: .normal)
            response.setCookie(cookie(token, maxAge: Int(service.lifetime)))
            Flash.attach(Flash(message: "Your sign-in had expired. Sign in again and what you wrote will be saved."), to: &response, secure: secure)
            return response
        }
        // Applied on the page it belongs to, which is where signing in again leads.
        if context.identity != nil, request.method == .get, request.mayCarryCookie(Self.cookieName),
           let token = request.cookies[Self.cookieName]?.value, !token.isEmpty,
           forms.isPage(path) {
            var response: Response
            if let held = try await service.take(token: token, page: path), let apply = forms.apply(forPosted: held.path) {
                response = try await apply(context, FormData(held.body))
                if response.status == .seeOther {
                    Flash.attach(Flash(message: "What you wrote before signing in again is saved."), to: &response, secure: secure)
                }
            } else {
                response = try await next(request, context)
            }
            response.setCookie(cookie("", maxAge: 0))
            return response
        }
        return try await next(request, context)
    }

    private func cookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
