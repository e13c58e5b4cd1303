import TrellisCore
import TrellisStore

extension ServiceEnvironment {
    /// The relationship `id`, if the actor may do `action` to `part` of it. Someone who may not even read the part
    /// is told it does not exist (`notFound`, a 404), so ids tell nothing; someone who may read it but not do this
    /// is `forbidden`. Decided before anything is written.
    func coachingRelationship(_ actor: Actor, _ id: CoachingRelationship.ID, may action: Action,
                              _ part: CoachingPart) async throws -> CoachingRelationshipStore.Stored {
        guard let stored = try await scope(actor).coachingRelationships.find(id) else { throw ServiceError.notFound }
        let access = CoachingAccess(stored.relationship)
        guard Policy.can(actor, .read, .coaching(access, part)) else { throw ServiceError.notFound }
        guard action == .read || Policy.can(actor, action, .coaching(access, part)) else { throw ServiceError.forbidden }
        return stored
    }
}
