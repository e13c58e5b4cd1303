import Foundation
import TrellisCore
import TrellisServices
import TrellisStore

/// Plans signed the way the product signs them (asked for review and signed through `ReviewService`), so
/// verification tests start from a real signature and snapshot.
public enum SignedPlans {
    /// A 2026–27 plan of `owner`, reviewed and signed by `reviewer` (certified here); its goal carries `focus` tags.
    public static func signed(_ env: ServiceEnvironment, owner: Person, reviewer: Person,
                              focus: [FocusCategory] = [.equityBasedPractice]) async throws -> GrowthPlan {
        let database = env.database
        var plan = try await ReadyPlans.readyForReview(database, owner: owner, at: env.clock.now())
        let scope = OrganizationScope(database, organizationID: owner.organizationID)
        plan.goals[0].focusCategories = focus
        _ = try await scope.plans.save(plan, expecting: 1, at: env.clock.now())
        try await ReadyPlans.certify(database, reviewer, number: "512345")
        let reviews = ReviewService(env)
        let request = try await reviews.request(Actor(owner), plan.id, expecting: nil, reviewer: .member(reviewer.id)).request
        let key = ReviewService.ReviewerKey.member(Actor(reviewer), request.id)
        _ = try await reviews.sign(key, .init(name: reviewer.displayName, certificateNumber: "512345", attests: true),
                                   version: try await reviews.open(key).version)
        return plan
    }
}
