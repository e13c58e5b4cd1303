import Hummingbird
import TrellisCore
import TrellisServices

/// The JSON API's way in: everything under /api/v1 passes through here, where the bearer token is read,
/// the call is rate-limited and any error becomes an RFC 9457 problem object. No browser session, no CSRF:
/// a token is not sent by a browser on its own, so a cross-site form cannot use it.
enum APIGateway {
    /// The grant of the call being handled, for handlers that do not see the request context
    /// (the OpenAPI handlers receive only their typed input).
    @TaskLocal static var grant: APIGrant?

    /// The group the API's routes are registered on. Register it after the pages: the problem middleware it adds to
    /// the router applies to routes registered after it (and to addresses no route answers).
    static func group(on router: Router<TrellisRequestContext>, environment: ServiceEnvironment, config: AppConfig) -> RouterGroup<TrellisRequestContext> {
        router.add(middleware: APIProblemMiddleware())
        let api = router.group("api/v1")
            .add(middleware: BearerAuthenticator(tokens: APITokenService(environment)))
            .add(middleware: RateLimitMiddleware(limiter: APIRateLimiter(perMinute: config.apiRatePerMinute, clock: environment.clock)))
        return api
    }

    /// The call's grant, if its token has `scope`; otherwise a 403 problem naming the scope. The scope is only half
    /// of the answer: the handler still asks the service, which asks the policy, as the grant's actor.
    static func require(_ scope: APIScope) throws -> APIGrant {
        guard let grant else { throw APIProblem.unauthorized("Send an API token: Authorization: Bearer trl_…") }
        guard grant.allows(scope) else { throw APIProblem.missingScope(scope) }
        return grant
    }
}
