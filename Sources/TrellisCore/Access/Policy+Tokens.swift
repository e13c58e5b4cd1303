/// API tokens in the policy: who manages which tokens, and which scopes a person may give a token.
///
/// A scope is offered only when the person's roles could use it through the policy somewhere: everyone reads schools,
/// standards, their own plans, clock hours and cohorts and writes their own plans; leaders also read the people of
/// their school and its coaching counts; district admins may choose every scope, `people:write` and
/// `verifications:read` among them. A token whose owner no longer holds the roles for one of its scopes stops working
/// altogether (`APITokenService.authenticate`) rather than quietly doing less.
extension Policy {
    /// Scopes everyone who works in the district may give their own token.
    static let everyonesScopes: Set<APIScope> = [.schoolsRead, .standardsRead, .plansRead, .plansWrite, .clockHoursRead, .cohortsRead]

    /// The scopes `actor` may choose for a token of `kind`. A service token acts as the admin who made it, so only an
    /// admin makes one, with any scope.
    public static func apiScopes(for actor: Actor, kind: APIGrant.Kind) -> Set<APIScope> {
        guard actor.isActive else { return [] }
        if actor.has(.districtAdmin) { return Set(APIScope.allCases) }
        guard kind == .personal else { return [] }
        var scopes = everyonesScopes
        if actor.has(.leader) { scopes.formUnion([.peopleRead, .coachingCountsRead]) }
        return scopes
    }

    /// A person's own tokens are theirs alone: they list, make and revoke them (read, create, update); nobody else
    /// sees them, not even an admin (deactivating the person stops them all). The district's service tokens
    /// (`ownerID` nil) are its admins'.
    static func canToken(_ actor: Actor, _ action: Action, ownerID: Person.ID?) -> Bool {
        guard action == .read || action == .create || action == .update else { return false }
        guard let ownerID else { return actor.has(.districtAdmin) }
        return ownerID == actor.personID
    }
}
