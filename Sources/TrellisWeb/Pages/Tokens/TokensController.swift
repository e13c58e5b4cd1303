import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// API tokens in the pages: a person's own at /account/tokens and the district's service tokens at /district/tokens
/// (admins). Making one answers with its secret on the page itself rather than through a redirect: it is shown once and
/// never travels in a cookie or a URL. Revoking asks first on a page of its own.
struct TokensController {
    let renderer: PageRenderer
    let tokens: APITokenService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        for kind in [APIGrant.Kind.personal, .service] {
            let base = SiteRoute.apiTokens(kind).path
            router.get(RouterPath(base)) { request, context in try await list(kind, context) }
            router.post(RouterPath(base)) { request, context in try await create(kind, request, context) }
            router.get(RouterPath(base + "/:id/revoke")) { request, context in try await confirmRevoke(kind, context) }
            router.post(RouterPath(base + "/:id/revoke")) { request, context in try await revoke(kind, context) }
        }
    }

    private func section(_ kind: APIGrant.Kind) -> NavSection { kind == .personal ? .account : .district }

    func list(_ kind: APIGrant.Kind, _ context: TrellisRequestContext, form: APITokenService.Form = .init(),
              errors: FieldErrors = FieldErrors()) async throws -> Response {
        let actor = try context.requireActor()
        let view = TokensView(kind: kind, tokens: try await tokens.tokens(actor, kind: kind),
                              offered: tokens.scopesOffered(to: actor, kind: kind), form: form, errors: errors, now: tokens.now)
        return renderer.render("tokens_list", title: ErrorSummary.title(view.heading, view.errorSummary), content: view, context: context,
                               status: errors.isEmpty ? .ok : .unprocessableContent, section: section(kind))
    }

    func create(_ kind: APIGrant.Kind, _ request: Request, _ context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let data = try await FormData.from(request)
        let form = APITokenService.Form(name: data["name"], scopes: data.all("scopes"), expiresInDays: data["expires_in_days"])
        do {
            let created = try await tokens.create(actor, kind: kind, form: form, address: context.peerAddress)
            let view = TokenSecretView(name: created.token.name, secret: created.secret,
                                       scopes: created.token.sortedScopes.map(\.rawValue).joined(separator: ", "),
                                       expires: created.token.expiresAt.map(ReviewDates.day) ?? "never", listPath: SiteRoute.apiTokens(kind).path)
            return renderer.render("tokens_secret", title: "Your new token", content: view, context: context, status: .created,
                                   section: section(kind))
        } catch let errors as FieldErrors {
            return try await list(kind, context, form: form, errors: errors)
        }
    }

    struct ConfirmView {
        let question: String
        let consequence: String
        let action: String
        let removeLabel = "Revoke token"
        let keepPath: String
    }

    func confirmRevoke(_ kind: APIGrant.Kind, _ context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let token = try await tokens.token(actor, kind: kind, id: .init(try context.parameters.require("id")))
        let view = ConfirmView(question: "Revoke the token “\(token.name)”?",
                               consequence: "Programs using it (\(token.prefix)…) are refused from their next call. This cannot be undone; you can make a new token.",
                               action: SiteRoute.apiTokenRevocation(kind, token.id).path, keepPath: SiteRoute.apiTokens(kind).path)
        return renderer.render("confirm", title: view.question, content: view, context: context, section: section(kind))
    }

    func revoke(_ kind: APIGrant.Kind, _ context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = APIToken.ID(try context.parameters.require("id"))
        let token = try await tokens.token(actor, kind: kind, id: id)
        try await tokens.revoke(actor, kind: kind, id: id, address: context.peerAddress)
        return Flash.redirect(to: .apiTokens(kind), Flash(message: "The token “\(token.name)” is revoked."), secure: secure)
    }
}
