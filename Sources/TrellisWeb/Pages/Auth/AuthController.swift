import Hummingbird
import TrellisCore
import TrellisServices

/// Signing in and out, and choosing a password from a one-time link.
struct AuthController {
    let renderer: PageRenderer
    let accounts: AccountService
    let secure: Bool

    struct SignInView {
        let email: String
        let error: String?
        let next: String
        let action = SiteRoute.signIn.path
    }

    struct ResetView {
        let personName: String
        let action: String
        let newPassword: FieldView
        let confirmPassword: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/signin", use: signInPage)
        router.post("/signin", use: signIn)
        router.post("/signout", use: signOut)
        router.get("/reset/:token", use: resetPage)
        router.post("/reset/:token", use: reset)
    }

    func signInPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        if context.identity != nil { return .redirect(to: SiteRoute.home.path, type: .normal) }
        let next = Self.safeNext(request.uri.queryParameters["next"].map(String.init) ?? "")
        return renderer.render("signin", title: "Sign in", content: SignInView(email: "", error: nil, next: next), context: context)
    }

    func signIn(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let form = try await FormData.from(request)
        let next = Self.safeNext(form["next"])
        do {
            let signedIn = try await accounts.signIn(email: form["email"], password: form["password"], address: context.peerAddress)
            // A new session id on every sign-in, so a session id planted before sign-in is worth nothing.
            context.sessions.createSession(TrellisSession(personID: signedIn.person.id, organizationID: signedIn.person.organizationID,
                                                          credentialVersion: signedIn.credentialVersion))
            return .redirect(to: next.isEmpty ? SiteRoute.home.path : next, type: .normal)
        } catch let error as AccountService.SignInError {
            let status: HTTPResponse.Status = if case .throttled = error { .tooManyRequests } else { .unauthorized }
            return renderer.render("signin", title: "Sign in",
                                   content: SignInView(email: form["email"], error: error.message, next: next),
                                   context: context, status: status)
        }
    }

    func signOut(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        if let actor = context.actor {
            try await accounts.signOut(actor, address: context.peerAddress)
        }
        context.sessions.clearSession()
        return Flash.redirect(to: .signIn, Flash(message: "You are signed out."), secure: secure)
    }

    func resetPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        guard let person = try await accounts.passwordReset(token: token) else { return expiredLink(context) }
        return renderer.render("reset", title: "Choose a password",
                               content: resetView(person, token: token, errors: FieldErrors()), context: context)
    }

    func reset(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let form = try await FormData.from(request)
        guard let person = try await accounts.passwordReset(token: token) else { return expiredLink(context) }
        do {
            try await accounts.completePasswordReset(token: token, new: form["new_password"], confirmation: form["confirm_password"],
                                                     address: context.peerAddress)
        } catch let errors as FieldErrors {
            return renderer.render("reset", title: "Choose a password", content: resetView(person, token: token, errors: errors),
                                   context: context, status: .unprocessableContent)
        } catch ServiceError.notFound {
            return expiredLink(context)
        }
        context.sessions.clearSession()
        return Flash.redirect(to: .signIn, Flash(message: "Your password is set. Sign in with your email and new password."), secure: secure)
    }

    private func resetView(_ person: Person, token: String, errors: FieldErrors) -> ResetView {
        // Passwords are never echoed back into a page, even after a mistake.
        ResetView(personName: person.displayName, action: SiteRoute.passwordReset(token: token).path,
                  newPassword: FieldView(name: "new_password", label: "New password", type: "password", value: "", errors: errors,
                                         hint: "At least \(PasswordRules.minimumLength) characters. A few words you will remember work well.",
                                         autocomplete: "new-password"),
                  confirmPassword: FieldView(name: "confirm_password", label: "New password again", type: "password", value: "",
                                             errors: errors, autocomplete: "new-password"))
    }

    private func expiredLink(_ context: TrellisRequestContext) -> Response {
        renderer.render("error", title: "This link no longer works",
                        content: ErrorPageMiddleware.ErrorView(
                            heading: "This link no longer works",
                            message: "A set-password link works once and for a few days. Ask your district administrator for a new one.",
                            requestID: nil),
                        context: context, status: .notFound)
    }

    /// Only a path on this site, never another site: `next` comes from a URL anyone can craft (see `SafeRedirect`).
    static func safeNext(_ text: String) -> String {
        SafeRedirect.path(text) ?? ""
    }
}
