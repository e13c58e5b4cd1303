import Crypto
import Foundation
import TrellisCore
import TrellisStore

/// The district's side of a finished PGP: the queue of signed plans, verifying one (its clock hours go on the owner's
/// ledger) or refusing it with a reason the educator sees, and archiving a finished school year. District admins only.
///
/// Admins see verification records, not plan content: the detail shows the signature (who signed, their certificate,
/// when, the snapshot's SHA-256 and whether it still matches), never the goals and evidence.
public struct VerificationService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// A signed plan waiting in the queue.
    public struct Waiting: Sendable, Hashable {
        public let planID: GrowthPlan.ID
        public let ownerName: String
        public let schoolName: String?
        public let schoolYear: SchoolYear
        public let signedOn: CalendarDate
        public let signerName: String
    }

    /// What an admin decides on: the plan's owner and year, and the signature that stands.
    public struct Detail: Sendable {
        public let planID: GrowthPlan.ID
        /// The plan version the decision forms carry, so a second admin's click on an old page is refused.
        public let version: Int
        public let status: PlanStatus
        public let owner: Person
        public let schoolName: String?
        public let schoolYear: SchoolYear
        public let signature: Signature?
        /// Whether the stored snapshot still matches its SHA-256.
        public let isIntact: Bool
        /// What verifying credits, by the district's setting.
        public let hours: ClockHours
        /// Earlier decisions on this plan's signatures, newest first (a refused submission, then a verified one).
        public let decisions: [Verification]
        public let deciderNames: [Person.ID: String]
        public var canDecide: Bool { status == .signed && signature != nil }
    }

    /// Signed plans, the longest-waiting first; only owners at `school` when given.
    public func queue(_ actor: Actor, school: School.ID? = nil) async throws -> [Waiting] {
        let scope = try authorize(actor, .read)
        let waiting = try await scope.verifications.waiting(school: school)
        let owners = Dictionary(uniqueKeysWithValues: try await scope.people.find(ids: Set(waiting.map(\.ownerID))).map { ($0.id, $0) })
        let schools = Dictionary(uniqueKeysWithValues: try await scope.schools.all().map { ($0.id, $0.name) })
        let start = try await scope.schoolYearStart()
        var lines: [Waiting] = []
        for item in waiting {
            guard let owner = owners[item.ownerID], let signature = try await scope.signatures.signatures(forPlan: item.planID).first else { continue }
            lines.append(Waiting(planID: item.planID, ownerName: owner.displayName, schoolName: owner.schoolID.flatMap { schools[$0] },
                                 schoolYear: SchoolYear(startingIn: item.schoolYear, start: start), signedOn: signature.signedOn,
                                 signerName: signature.signerName))
        }
        return lines
    }

    /// The district's schools, for the queue's filter.
    public func schools(_ actor: Actor) async throws -> [School] {
        try await authorize(actor, .read).schools.all()
    }

    public func detail(_ actor: Actor, _ planID: GrowthPlan.ID) async throws -> Detail {
        let scope = try authorize(actor, .read)
        let (stored, owner) = try await plan(planID, in: scope)
        let signature = try await scope.signatures.signatures(forPlan: planID).first
        let decisions = try await scope.verifications.verifications(forPlan: planID)
        let schoolName = try await owner.schoolID.asyncMap { try await scope.schools.find($0)?.name } ?? nil
        return Detail(planID: planID, version: stored.version, status: stored.plan.status, owner: owner, schoolName: schoolName,
                      schoolYear: stored.plan.schoolYear, signature: signature,
                      isIntact: signature?.snapshot.isIntact { SHA256.hex(of: $0) } ?? false,
                      hours: try await scope.growthPlanClockHours(), decisions: decisions,
                      deciderNames: try await scope.people.names(of: Set(decisions.map(\.decidedBy))))
    }

    /// Every decision on the plan's signatures, newest first, for the owner (a refusal's reason) and admins.
    public func decisions(_ actor: Actor, _ planID: GrowthPlan.ID) async throws -> [Verification] {
        if !Policy.can(actor, .read, .verifications(actor.organizationID)) {
            _ = try await PlanService(env, vault: nil).load(actor, planID)
        }
        return try await env.scope(actor).verifications.verifications(forPlan: planID)
    }

    func authorize(_ actor: Actor, _ action: Action) throws -> OrganizationScope {
        guard Policy.can(actor, action, .verifications(actor.organizationID)) else { throw ServiceError.forbidden }
        return env.scope(actor)
    }

    func plan(_ id: GrowthPlan.ID, in scope: OrganizationScope, latest: Bool = false) async throws -> (PlanStore.Stored, Person) {
        guard let stored = try await scope.plans.find(id, latest: latest), let owner = try await scope.people.find(stored.plan.ownerID) else {
            throw ServiceError.notFound
        }
        return (stored, owner)
    }
}
