import Foundation
import TrellisCore
import TrellisStore

/// A district's renewal rules per certificate type (Washington's until an admin changes them) and the clock hours a
/// verified PGP earns. Edited by district admins (`.settings`); problems are refused with `RenewalRuleSet.problems`'s
/// sentences, each at the field it is about.
extension ClockHourService {
    /// A rule set as typed on the page; every value as text, so a refused form comes back as written.
    public struct RuleSetForm: Sendable, Hashable {
        public struct FocusLine: Sendable, Hashable {
            /// A focus category slug; empty to leave the row out.
            public var category: String
            public var amount: String
            /// "hours" or "percent" (of the required hours).
            public var unit: String
            public var metByGrowthPlanGoal: Bool
            public var onlyWithSTEMEndorsement: Bool
            public init(category: String = "", amount: String = "", unit: String = "hours", metByGrowthPlanGoal: Bool = false,
                        onlyWithSTEMEndorsement: Bool = false) {
                self.category = category
                self.amount = amount
                self.unit = unit
                self.metByGrowthPlanGoal = metByGrowthPlanGoal
                self.onlyWithSTEMEndorsement = onlyWithSTEMEndorsement
            }
        }
        public var name: String
        public var cycleYears: String
        public var requiredHours: String
        /// Both empty: growth plans count no hours.
        public var growthPlanHours: String
        public var growthPlanMaximum: String
        public var focus: [FocusLine]

        public init(name: String, cycleYears: String, requiredHours: String, growthPlanHours: String, growthPlanMaximum: String, focus: [FocusLine]) {
            self.name = name
            self.cycleYears = cycleYears
            self.requiredHours = requiredHours
            self.growthPlanHours = growthPlanHours
            self.growthPlanMaximum = growthPlanMaximum
            self.focus = focus
        }

        public init(_ rules: RenewalRuleSet) {
            self.init(name: rules.name, cycleYears: String(rules.cycleYears), requiredHours: rules.requiredHours.text,
                      growthPlanHours: rules.growthPlanCredit?.hoursEach.text ?? "",
                      growthPlanMaximum: rules.growthPlanCredit.map { String($0.maximumCounted) } ?? "",
                      focus: rules.focusRequirements.map { requirement in
                          let (amount, unit): (String, String) = switch requirement.amount {
                          case .hours(let hours): (hours.text, "hours")
                          case .percentOfRequiredHours(let percent): (ClockHours(hundredths: Int((percent * 100).rounded())).text, "percent")
                          }
                          return FocusLine(category: requirement.category.rawValue, amount: amount, unit: unit,
                                           metByGrowthPlanGoal: requirement.metByGrowthPlanGoal,
                                           onlyWithSTEMEndorsement: requirement.appliesTo == .stemRelatedEndorsement)
                      })
        }
    }

    public func ruleSets(_ actor: Actor) async throws -> [RenewalRuleStore.Stored] {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).renewalRules.all()
    }

    public func ruleSet(_ actor: Actor, for type: CertificateType) async throws -> RenewalRuleStore.Stored {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).renewalRules.find(type)
    }

    /// Saves the district's rules for `type` from the form made at `version` (0: Washington's defaults were shown).
    @discardableResult
    public func saveRuleSet(_ actor: Actor, for type: CertificateType, _ form: RuleSetForm, expecting version: Int,
                            address: String? = nil) async throws -> RenewalRuleSet {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let current = try await env.scope(actor).renewalRules.find(type)
        let rules = try Self.parse(form, for: type, keeping: current.rules)
        try await writeRules(actor, type, address: address, detail: "\(type.label): \(rules.name), \(rules.requiredHours) hours in \(rules.cycleYears) years") {
            try await $0.renewalRules.save(rules, for: type, expecting: version)
        }
        return rules
    }

    /// Goes back to Washington's rules for `type`.
    public func resetRuleSet(_ actor: Actor, for type: CertificateType, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        try await writeRules(actor, type, address: address, detail: "\(type.label): back to Washington's rules") { try await $0.renewalRules.reset(type) }
    }

    public func growthPlanHours(_ actor: Actor) async throws -> ClockHours {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).growthPlanClockHours()
    }

    /// Sets the clock hours a verified PGP earns from now on; plans verified before keep what they were credited.
    public func setGrowthPlanHours(_ actor: Actor, _ text: String, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let hours: ClockHours
        switch ClockHours.entryHours(from: text) {
        case .success(let parsed): hours = parsed
        case .failure(let problem): throw FieldErrors("pgp_clock_hours", problem.message)
        }
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.setGrowthPlanClockHours(hours)
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "a verified growth plan earns \(hours) clock hours", address: address))
        }
    }

    private func writeRules(_ actor: Actor, _ type: CertificateType, address: String?, detail: String,
                            _ change: @escaping @Sendable (OrganizationScope) async throws -> Void) async throws {
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await change(scope)
                try await scope.audit.append(env.event(.renewalRulesChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                       detail: detail, address: address))
            }
        } catch is RenewalRuleStore.Conflict {
            throw ServiceError.conflict("Another admin saved the \(type.label) rules since this page was opened, so these changes are not saved yet. "
                                        + "What you wrote is kept here: look over the latest rules and save again.")
        }
    }
}
