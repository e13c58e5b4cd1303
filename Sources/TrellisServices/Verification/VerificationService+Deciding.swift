import Foundation
import TrellisCore
import TrellisStore

/// Verifying and refusing. Each decision writes the plan's new status, the verification record, the ledger entry (when
/// verified), the audit event and the owner's notification in one transaction. A decision is made once: the plan's
/// version, the unique signature of a verification and the unique plan of a ledger entry each refuse a second one, so
/// two admins clicking at once get one entry and the later one a clear conflict.
extension VerificationService {
    /// Credits the district's PGP hours to the owner's ledger as a `.pgp` entry tagged with the focus areas of the
    /// signed plan's goals, and moves the plan to verified. `version` is the plan version the admin's page showed.
    @discardableResult
    public func verify(_ actor: Actor, _ planID: GrowthPlan.ID, expecting version: Int?, address: String? = nil) async throws -> ClockHourEntry {
        let decision = try await prepare(actor, planID, expecting: version, to: .verified, context: .init())
        let scope = decision.scope, plan = decision.plan
        let hours = try await scope.growthPlanClockHours()
        let signed = try decision.signature.snapshot.plan()
        let district = try await OrganizationStore(env.database).find(id: actor.organizationID)?.name ?? ""
        let entry = ClockHourEntry(id: env.ids.make(), personID: plan.ownerID, date: env.today,
                                   activity: "Professional growth plan, \(plan.schoolYear.label)", provider: district, hours: hours,
                                   focusCategories: signed.goals.flatMap { $0.focusCategories ?? [] },
                                   source: .pgp(planID: planID, schoolYear: plan.schoolYear))
        let verification = Verification(id: env.ids.make(), organizationID: actor.organizationID, planID: planID,
                                        signatureID: decision.signature.id, outcome: .verified(hours: hours.asDouble),
                                        decidedBy: actor.personID, decidedAt: env.clock.now())
        try await write(decision, verification, address: address,
                        audit: (.planVerified, "\(plan.schoolYear.label) plan verified: \(hours) clock hours credited (signed by \(decision.signature.signerName))"),
                        notice: (.planVerified, "Your \(plan.schoolYear.label) growth plan is verified: \(hours) clock hours are on your ledger.",
                                 "/clock-hours")) { tx in
            try await tx.clockHours.add(entry, recordedBy: actor.personID, at: env.clock.now())
        }
        return entry
    }

    /// Refuses the hours with a reason the educator sees; the plan goes back to them (signed → returned) to correct as
    /// a new submission reviewed again. The signature and its snapshot stay exactly as they were.
    public func refuse(_ actor: Actor, _ planID: GrowthPlan.ID, expecting version: Int?, reason: String, address: String? = nil) async throws {
        _ = try authorize(actor, .update)
        let text = reason.trimmingWhitespace()
        if text.isEmpty { throw FieldErrors("reason", "Write the reason the hours can't be verified; the educator sees it and corrects the plan.") }
        if text.count > 2000 { throw FieldErrors("reason", "Keep the reason under 2,000 characters.") }
        let decision = try await prepare(actor, planID, expecting: version, to: .returned, context: .init(hasReturnNote: true))
        let plan = decision.plan
        let verification = Verification(id: env.ids.make(), organizationID: actor.organizationID, planID: planID,
                                        signatureID: decision.signature.id, outcome: .refused(reason: text),
                                        decidedBy: actor.personID, decidedAt: env.clock.now())
        try await write(decision, verification, address: address,
                        audit: (.verificationRefused, "\(plan.schoolYear.label) plan not verified: \(text)"),
                        notice: (.verificationRefused,
                                 "The district could not verify your \(plan.schoolYear.label) growth plan: \(text) Correct it and ask for review again.",
                                 "/plans/\(planID)/review")) { _ in }
    }

    /// What a decision starts from, read afresh.
    struct Decision {
        let scope: OrganizationScope
        let plan: GrowthPlan
        let version: Int
        let owner: Person
        let signature: Signature
    }

    private func prepare(_ actor: Actor, _ planID: GrowthPlan.ID, expecting version: Int?, to status: PlanStatus,
                         context: PlanTransitionContext) async throws -> Decision {
        let scope = try authorize(actor, .update)
        let (stored, owner) = try await plan(planID, in: scope, latest: true)
        if let version, version != stored.version { throw try await decidedElsewhere(planID, stored.plan, in: scope) }
        guard stored.plan.status == .signed, let signature = try await scope.signatures.signatures(forPlan: planID).first else {
            throw try await decidedElsewhere(planID, stored.plan, in: scope)
        }
        if case .refused(let reasons) = PlanLifecycle.check(stored.plan, movingTo: status, context: context) {
            throw ServiceError.conflict(reasons.joined(separator: " "))
        }
        var plan = stored.plan
        plan.status = status
        return Decision(scope: scope, plan: plan, version: stored.version, owner: owner, signature: signature)
    }

    private func write(_ decision: Decision, _ verification: Verification, address: String?,
                       audit: (AuditEvent.Kind, String), notice: (PersonNotification.Kind, String, String),
                       also: @escaping @Sendable (OrganizationScope) async throws -> Void) async throws {
        let organization = decision.scope.organizationID, plan = decision.plan, owner = decision.owner
        do {
            try await env.database.transaction { transaction in
                let tx = OrganizationScope(transaction, organizationID: organization)
                _ = try await tx.plans.save(plan, expecting: decision.version, at: env.clock.now())
                try await tx.verifications.create(verification)
                try await also(tx)
                try await tx.audit.append(env.event(audit.0, in: organization, by: verification.decidedBy, about: owner.id,
                                                    detail: audit.1, address: address))
                try await tx.notifications.add(PersonNotification(id: env.ids.make(), organizationID: organization, personID: owner.id,
                                                                  kind: notice.0, message: notice.1, link: notice.2,
                                                                  createdAt: env.clock.now()))
            }
        } catch is PlanStore.Conflict {
            throw try await decidedElsewhere(plan.id, nil, in: decision.scope)
        } catch StoreError.duplicate {
            throw try await decidedElsewhere(plan.id, nil, in: decision.scope)
        }
    }

    /// The conflict to show when the plan is no longer waiting for this decision: says what happened instead.
    private func decidedElsewhere(_ planID: GrowthPlan.ID, _ known: GrowthPlan?, in scope: OrganizationScope) async throws -> ServiceError {
        let current: GrowthPlan?
        if let known { current = known } else { current = try await scope.plans.find(planID, latest: true)?.plan }
        let latest = try await scope.verifications.verifications(forPlan: planID).first
        let by = try await latest.asyncMap { try await scope.people.find($0.decidedBy)?.displayName } ?? nil
        switch current?.status {
        case .verified?, .archived?:
            return .conflict("This plan was already verified\(by.map { " by \($0)" } ?? ""); its hours are on the educator's ledger once.")
        case .returned? where latest?.outcome.isRefusal == true:
            return .conflict("This plan's verification was already refused\(by.map { " by \($0)" } ?? ""); it is back with the educator.")
        case .signed?:
            return .conflict("This page was opened before the plan last changed. Look over it again and decide.")
        default:
            return .conflict("This plan is no longer waiting for verification: it is \(current?.status.label.lowercased() ?? "gone").")
        }
    }
}

extension Verification.Outcome {
    var isRefusal: Bool {
        if case .refused = self { return true }
        return false
    }
}
