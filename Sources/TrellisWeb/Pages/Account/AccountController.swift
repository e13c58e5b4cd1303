import Hummingbird
import TrellisCore
import TrellisServices

/// A person's own account: changing their password.
struct AccountController {
    let renderer: PageRenderer
    let accounts: AccountService
    let secure: Bool

    struct PasswordView {
        let action = SiteRoute.changePassword.path
        let current: FieldView
        let new: FieldView
        let confirm: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/account/password", use: page)
        router.post("/account/password", use: change)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        renderer.render("account_password", title: "Change your password", content: view(FieldErrors()), context: context, section: .account)
    }

    func change(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            let version = try await accounts.changePassword(actor, current: form["current_password"], new: form["new_password"],
                                                            confirmation: form["confirm_password"], address: context.peerAddress)
            // This session carries the new version; every other session of this person ends.
            context.sessions.createSession(TrellisSession(personID: actor.personID, organizationID: actor.organizationID, credentialVersion: version))
            return Flash.redirect(to: .home, Flash(message: "Your password is changed. Other devices are signed out."), secure: secure)
        } catch let errors as FieldErrors {
            return renderer.render("account_password", title: "Change your password", content: view(errors), context: context,
                                   status: .unprocessableContent, section: .account)
        }
    }

    private func view(_ errors: FieldErrors) -> PasswordView {
        PasswordView(
            current: FieldView(name: "current_password", label: "Current password", type: "password", value: "", errors: errors,
                               autocomplete: "current-password"),
            new: FieldView(name: "new_password", label: "New password", type: "password", value: "", errors: errors,
                           hint: "At least \(PasswordRules.minimumLength) characters.", autocomplete: "new-password"),
            confirm: FieldView(name: "confirm_password", label: "New password again", type: "password", value: "", errors: errors,
                               autocomplete: "new-password"))
    }
}
