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

    /// The group the API's routes are registered on.
    static func group(on router: Router<TrellisRequestContext>, environment: ServiceEnvironment, config: AppConfig) -> RouterGroup<TrellisRequestContext> {
        router.group("api/v1")
    }
}
