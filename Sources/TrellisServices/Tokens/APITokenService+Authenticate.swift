import Foundation
import TrellisCore
import TrellisStore

extension APITokenService {
    /// The grant a bearer secret carries, or nil when it opens nothing: unknown, revoked, expired, its owner
    /// deactivated, or its owner no longer holding the roles one of its scopes needs (a service token's admin who is
    /// no longer an admin). The actor is rebuilt from the owner's current record on every call, never a kept copy,
    /// so a role change or deactivation applies to the next call on every instance.
    public func authenticate(bearer secret: String) async throws -> APIGrant? {
        // A secret of another shape is not looked up at all.
        guard secret.hasPrefix(Self.secretPrefix), secret.utf8.count <= 100 else { return nil }
        guard let found = try await APITokenLookup(env.database).find(secretHash: Self.hash(secret)) else { return nil }
        let now = env.clock.now()
        let token = found.token, owner = found.owner
        guard token.isLive(at: now), owner.isActive else { return nil }
        let actor = Actor(owner)
        guard !token.scopes.isEmpty, token.scopes.isSubset(of: Policy.apiScopes(for: actor, kind: token.kind)) else { return nil }
        if token.lastUsedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            // Worth knowing, not worth refusing the call over.
            do {
                try await OrganizationScope(env.database, organizationID: token.organizationID).apiTokens.noteUse(token.id, at: now)
            } catch {
                env.logger.warning("could not note an API token's use", metadata: ["token": "\(token.id)", "error": "\(error)"])
            }
        }
        return APIGrant(tokenID: token.id.rawValue, kind: token.kind, actor: actor, scopes: token.scopes)
    }
}

extension APITokenService {
    /// For the command line (district IT, the contract test): makes a token as the person with `email` in the district,
    /// exactly as if they made it on their account page, so the policy and the scopes their roles allow still apply.
    public func create(forPersonWithEmail email: String, in organization: Organization, kind: APIGrant.Kind, form: Form) async throws -> Created {
        let scope = OrganizationScope(env.database, organizationID: organization.id)
        guard let address = EmailAddress(email), let person = try await scope.people.find(email: address) else {
            throw FieldErrors("email", "Nobody in \(organization.name) has the email \(email).")
        }
        guard person.isActive else { throw FieldErrors("email", "\(person.displayName) is deactivated; a token of theirs would open nothing.") }
        do {
            return try await create(Actor(person), kind: kind, form: form)
        } catch ServiceError.forbidden {
            throw FieldErrors("service", "Only a district admin makes service tokens; \(person.displayName) is not one.")
        }
    }
}
