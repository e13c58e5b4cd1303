import Hummingbird
import TrellisServices

/// Reads `Authorization: Bearer trl_…` and finds the grant it carries; without one, or with one that opens nothing,
/// the call is a 401 problem with `WWW-Authenticate: Bearer`. The rest of the call runs with the grant both in the
/// context and in `APIGateway.grant`, for handlers that see only their typed input. Cookies are never looked at.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let tokens: APITokenService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIProblem.unauthorized("Send an API token: Authorization: Bearer trl_…")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIProblem.unauthorized("The Authorization header must be \"Bearer\" followed by a token.")
        }
        guard let grant = try await tokens.authenticate(bearer: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            throw APIProblem.unauthorized("The token is not known, or it was revoked, has expired, or its person can no longer use it.",
                                         invalidToken: true)
        }
        var context = context
        context.apiGrant = grant
        return try await APIGateway.$grant.withValue(grant) {
            try await next(request, context)
        }
    }
}
