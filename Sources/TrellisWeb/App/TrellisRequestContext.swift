import Hummingbird
import HummingbirdAuth
import NIOCore
import TrellisCore

/// What Trellis knows about a request as it passes through middleware to a page.
public struct TrellisRequestContext: AuthRequestContext, SessionRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in person, set by the session authenticator.
    public var identity: Person?
    public let sessions: SessionContext<TrellisSession>
    /// The API token this request came with, set by the API's bearer authenticator (nil for pages).
    public var apiGrant: APIGrant?
    /// The CSRF token every form on the response must carry.
    public var csrfToken: String = ""
    /// A message from the previous request, shown once.
    var flash: Flash?
    /// The signed-in person's unread notifications, for the navigation; set by `NavigationFactsMiddleware`.
    var unreadNotifications: Int?
    /// Whether the person facilitates or belongs to a cohort, for the "Cohorts" link; set by `NavigationFactsMiddleware`.
    var isInCohort = false
    /// The network address of the connection (the proxy's, unless the proxy is trusted).
    public var peerAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in person as the policy sees them.
    public var actor: Actor? { identity.map(Actor.init) }

    /// The signed-in actor; pages behind sign-in use this.
    public func requireActor() throws -> Actor {
        guard let actor else { throw HTTPError(.unauthorized) }
        return actor
    }

    /// The largest body this request may send: set by `RequestBodyLimitMiddleware` from its kind and route
    /// (1 MB for a form, the configured evidence limit and room for its form for an upload). Until then, a form's.
    public var maxUploadSize: Int = FormData.maximumBytes
}

/// What a session remembers between requests.
public struct TrellisSession: Codable, Sendable {
    public var personID: Person.ID
    public var organizationID: Organization.ID
    /// Must equal the person's current credential version; a password change ends older sessions.
    public var credentialVersion: Int
}
