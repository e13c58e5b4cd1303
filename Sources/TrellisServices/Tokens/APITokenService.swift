import Crypto
import Foundation
import TrellisCore
import TrellisStore

/// API tokens: a person's own (made, listed and revoked on their account page) and the district's service tokens for
/// integrations (its admins'). A token's secret is shown once, when it is made; only its SHA-256 is kept, and it is
/// never written to the log or the audit trail. Authentication is in APITokenService+Authenticate.swift.
public struct APITokenService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// What a person fills in to make a token, as typed.
    public struct Form: Sendable, Hashable {
        public var name: String
        public var scopes: [String]
        /// Whole days until it expires; empty for a token that does not expire.
        public var expiresInDays: String

        public init(name: String = "", scopes: [String] = [], expiresInDays: String = "90") {
            self.name = name
            self.scopes = scopes
            self.expiresInDays = expiresInDays
        }
    }

    /// A token just made, with its secret: the only time the secret exists outside the caller's hands.
    public struct Created: Sendable {
        public let token: APIToken
        public let secret: String
    }

    /// Every secret starts with this, so a leaked one is recognisable (and secret scanners can be taught it).
    public static let secretPrefix = "trl_"
    public static let longestName = 100
    /// The longest life a token may be given, in days.
    public static let longestLifeDays = 3650

    /// The service's clock, so pages say "expired" by the same time the gateway goes by.
    public var now: Date { env.clock.now() }

    /// The scopes `actor` may give a token of `kind`, in order.
    public func scopesOffered(to actor: Actor, kind: APIGrant.Kind) -> [APIScope] {
        Policy.apiScopes(for: actor, kind: kind).sorted()
    }

    /// The actor's own tokens (`.personal`), or the district's service tokens, newest first.
    public func tokens(_ actor: Actor, kind: APIGrant.Kind) async throws -> [APIToken] {
        try allow(actor, .read, kind)
        return try await env.scope(actor).apiTokens.tokens(ownedBy: kind == .personal ? actor.personID : nil)
    }

    /// Makes a token; a mistake in the form is a `FieldErrors` for the fields "name", "scopes" and "expires_in_days".
    public func create(_ actor: Actor, kind: APIGrant.Kind, form: Form, address: String? = nil) async throws -> Created {
        try allow(actor, .create, kind)
        var errors = FieldErrors()
        let name = form.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            errors["name"] = "Give the token a name that says where it is used, e.g. “HR sync”."
        } else if name.count > Self.longestName {
            errors["name"] = "Keep the name to \(Self.longestName) characters; it has \(name.count)."
        }
        let offered = Policy.apiScopes(for: actor, kind: kind)
        let chosen = form.scopes.compactMap(APIScope.init(rawValue:))
        if form.scopes.isEmpty {
            errors["scopes"] = "Choose at least one thing the token may do."
        } else if chosen.count != form.scopes.count || !Set(chosen).isSubset(of: offered) {
            let unknown = form.scopes.filter { APIScope(rawValue: $0).map { !offered.contains($0) } ?? true }
            errors["scopes"] = "Your roles do not allow \(unknown.joined(separator: ", ")); choose among the scopes listed."
        }
        let days = form.expiresInDays.trimmingCharacters(in: .whitespaces)
        var expiresAt: Date?
        if !days.isEmpty {
            if let number = Int(days), (1...Self.longestLifeDays).contains(number) {
                expiresAt = env.clock.now().addingTimeInterval(TimeInterval(number) * 86_400)
            } else {
                errors["expires_in_days"] = "Choose when the token expires: a number of days from 1 to \(Self.longestLifeDays), or never."
            }
        }
        try errors.throwIfAny()

        let secret = Self.makeSecret()
        let token = APIToken(id: env.ids.make(), organizationID: actor.organizationID, personID: actor.personID, kind: kind,
                             name: name, prefix: Self.prefix(of: secret), scopes: Set(chosen), createdAt: env.clock.now(),
                             expiresAt: expiresAt)
        try await env.database.atomically { db in
            let scope = OrganizationScope(db, organizationID: actor.organizationID)
            try await scope.apiTokens.create(token, secretHash: Self.hash(secret))
            try await scope.audit.append(env.event(.apiTokenCreated, in: actor.organizationID, by: actor.personID, about: actor.personID,
                                                   detail: Self.auditDetail(token), address: address))
        }
        return Created(token: token, secret: secret)
    }

    /// The token, for its revoke page; not found unless it is the actor's own (or, for a service token, the district's).
    public func token(_ actor: Actor, kind: APIGrant.Kind, id: APIToken.ID) async throws -> APIToken {
        try allow(actor, .read, kind)
        guard let token = try await env.scope(actor).apiTokens.find(id), token.kind == kind,
              kind == .service || token.personID == actor.personID else { throw ServiceError.notFound }
        return token
    }

    /// Revokes the token at once; revoking one already revoked changes nothing.
    public func revoke(_ actor: Actor, kind: APIGrant.Kind, id: APIToken.ID, address: String? = nil) async throws {
        try allow(actor, .update, kind)
        let token = try await token(actor, kind: kind, id: id)
        guard token.revokedAt == nil else { return }
        try await env.database.atomically { db in
            let scope = OrganizationScope(db, organizationID: actor.organizationID)
            try await scope.apiTokens.revoke(id, at: env.clock.now())
            try await scope.audit.append(env.event(.apiTokenRevoked, in: actor.organizationID, by: actor.personID, about: token.personID,
                                                   detail: Self.auditDetail(token), address: address))
        }
    }

    /// `trl_` and 32 random bytes, base64url.
    static func makeSecret() -> String { secretPrefix + OneTimeToken.make() }

    /// The part of a secret lists show: `trl_` and its next eight characters.
    static func prefix(of secret: String) -> String { String(secret.prefix(secretPrefix.count + 8)) }

    static func hash(_ secret: String) -> String { SHA256.hex(of: Data(secret.utf8)) }

    /// What the audit trail says of a token: its kind, name, visible prefix and scopes, never its secret.
    static func auditDetail(_ token: APIToken) -> String {
        "\(token.kind.rawValue) token “\(token.name)” (\(token.prefix)…): \(token.sortedScopes.map(\.rawValue).joined(separator: " "))"
    }

    private func allow(_ actor: Actor, _ action: Action, _ kind: APIGrant.Kind) throws {
        let resource = Resource.apiTokens(organizationID: actor.organizationID, ownerID: kind == .personal ? actor.personID : nil)
        guard Policy.can(actor, action, resource) else { throw ServiceError.forbidden }
    }
}
