import Crypto
import Foundation
import Hummingbird
import TrellisServices

/// Refuses any state-changing request that does not carry the form token matching the browser's CSRF cookie.
/// The cookie is HttpOnly and SameSite=Strict, so another site can neither read it nor send it; the token is
/// put in every form by the page renderer. Requests from another site (Sec-Fetch-Site) are refused outright.
/// The token is compared before any large body is read: a multipart form must send it as its first field,
/// as every Trellis upload form does (browsers send fields in the order of the form).
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    static let fieldName = "csrf_token"
    let secure: Bool

    var cookieName: String { secure ? "__Host-trellis_csrf" : "trellis_csrf" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let existing = (request.cookies[cookieName]?.value).flatMap { $0.count == 43 ? $0 : nil }
        let token = existing ?? OneTimeToken.make()
        context.csrfToken = token
        var request = request
        if ![.get, .head, .options].contains(request.method) {
            guard request.headers[.init("Sec-Fetch-Site")!] != "cross-site" else { throw CSRFRefusal() }
            guard let existing else { throw CSRFRefusal() }
            let sent: String
            if request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true {
                // Read once, up to the 1 MB a form may have; the page reads the same buffer again.
                sent = FormData(String(buffer: try await request.collectBody(upTo: FormData.maximumBytes)))[Self.fieldName]
            } else if let boundary = MultipartForm.boundary(of: request) {
                // Only the first field is read here: the token comes first, and the file is read after it matches.
                let first = try await MultipartLeadingField.read(&request, boundary: boundary)
                sent = first?.name == Self.fieldName ? first?.value ?? "" : ""
            } else {
                throw CSRFRefusal()
            }
            guard Self.equal(sent, existing) else { throw CSRFRefusal() }
        }
        var response = try await next(request, context)
        if existing == nil {
            response.setCookie(Cookie(name: cookieName, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// Compares in constant time, so response timing reveals nothing about the token.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// A form post without a valid token: shown as a friendly 403 that suggests reloading the page.
struct CSRFRefusal: Error {}
