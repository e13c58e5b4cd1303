import Foundation
import TrellisCore
import TrellisStore

extension VerificationService {
    /// A decision with whose plan it was about and its school year.
    public typealias Record = VerificationStore.Record

    /// One page of the district's decisions on signed plans, oldest first; only those decided at or after `since` when
    /// given. The verification records, never plan content; district admins only, as the verification pages.
    public func records(_ actor: Actor, decidedSince since: Date?, _ request: PageRequest) async throws -> Page<Record> {
        guard Policy.can(actor, .read, .verifications(actor.organizationID)) else { throw ServiceError.forbidden }
        let fetched = try await env.scope(actor).verifications.page(decidedSince: since, after: request.after, limit: request.limit + 1)
        return Page(fetched, limit: request.limit) {
            KeysetPosition(time: $0.verification.decidedAt, id: $0.verification.id.rawValue)
        }
    }
}
