import Foundation
import TrellisCore
import TrellisDocuments
import TrellisStore

/// Certificates, clock-hour ledgers and renewal progress. An educator reads their own and keeps their own
/// certificates; district admins keep everyone's and record other learning (`Policy`, `.clockHours`).
/// Renewal rules are the district's data (`ClockHourService+Rules`), evaluated by `RenewalEvaluator`.
public struct ClockHourService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// One certificate and where it stands; `progress` is nil when no rule set renews its type.
    public struct Standing: Sendable {
        public let certificate: Certificate
        public let progress: RenewalProgress?
    }

    /// A plan whose hours the district refused and that has not been verified since: the reason, for its owner.
    public struct Refusal: Sendable, Hashable {
        public let planID: GrowthPlan.ID
        public let schoolYear: SchoolYear
        public let reason: String
        public let refusedOn: CalendarDate
    }

    /// A person's page: certificates with renewal progress, the ledger (newest first) and what may be done.
    public struct Overview: Sendable {
        public let person: Person
        public let standings: [Standing]
        public let ledger: [ClockHourEntry]
        public let refusals: [Refusal]
        public let recorderNames: [Person.ID: String]
        public let today: CalendarDate
        /// Whether the actor may add, change and remove this person's certificates.
        public let canEditCertificates: Bool
        /// Whether the actor may record other learning on this ledger (district admins).
        public let canRecord: Bool
        public var totalHours: ClockHours { ledger.reduce(.zero) { $0 + $1.hours } }
    }

    public func overview(_ actor: Actor, of personID: Person.ID) async throws -> Overview {
        let (scope, person) = try await authorize(actor, .read, personID)
        let certificates = try await scope.certificates.certificates(of: personID)
        let ledger = try await scope.clockHours.entries(of: personID)
        let rules = try await scope.renewalRules.ruleSets()
        let start = try await scope.schoolYearStart()
        let today = env.today
        let focus = try await goalFocus(of: ledger, in: scope)
        let standings = certificates.map { certificate in
            Standing(certificate: certificate, progress: RenewalRuleSet.governing(certificate, heldCertificates: certificates, among: rules, today: today)
                .map { RenewalEvaluator.evaluate(certificate: certificate, ledger: ledger, pgpGoalsFocus: focus, rules: $0, today: today, schoolYearStart: start) })
        }
        return Overview(person: person, standings: standings, ledger: ledger, refusals: try await refusals(of: personID, in: scope),
                        recorderNames: try await scope.people.names(of: Set(ledger.compactMap(\.recordedByID))), today: today,
                        canEditCertificates: Policy.can(actor, .update, .clockHours(organizationID: actor.organizationID, personID: personID)),
                        canRecord: Policy.can(actor, .create, .clockHours(organizationID: actor.organizationID, personID: personID)))
    }

    /// Every ledger entry dated from `from` to `to` (both included), oldest first, as rows for HR. District admins only.
    public func entries(_ actor: Actor, from: CalendarDate, to: CalendarDate) async throws -> [ClockHoursCSV.Row] {
        guard Policy.can(actor, .read, .verifications(actor.organizationID)) else { throw ServiceError.forbidden }
        try DateRange.check(from: from, to: to)
        let scope = env.scope(actor)
        let recorded = try await scope.clockHours.entries(from: from, to: to)
        let people = Dictionary(uniqueKeysWithValues: try await scope.people.find(ids: Set(recorded.flatMap { [$0.entry.personID, $0.recordedBy] }))
            .map { ($0.id, $0) })
        var numbers: [Person.ID: [String]] = [:]
        for id in Set(recorded.map(\.entry.personID)) {
            numbers[id] = try await scope.certificates.certificates(of: id).map(\.number.rawValue)
        }
        return recorded.map { line in
            let entry = line.entry, person = people[entry.personID]
            let isPlan = entry.growthPlan != nil
            return ClockHoursCSV.Row(
                educatorName: person?.displayName ?? "", email: person?.email.value ?? "", certificateNumbers: numbers[entry.personID] ?? [],
                date: entry.date, activity: entry.activity, provider: entry.provider, hours: entry.hours.asDouble,
                categories: entry.focusCategories.map(\.label),
                source: entry.growthPlan.map { "PGP \($0.schoolYear.label)" } ?? "recorded by admin",
                verifiedBy: people[line.recordedBy]?.displayName ?? "", verifiedOn: isPlan ? entry.date : nil)
        }
    }

    /// The person, when the policy lets the actor `action` their clock hours; someone of another district is not found.
    func authorize(_ actor: Actor, _ action: Action, _ personID: Person.ID) async throws -> (OrganizationScope, Person) {
        let scope = env.scope(actor)
        guard let person = try await scope.people.find(personID) else { throw ServiceError.notFound }
        guard Policy.can(actor, action, .clockHours(organizationID: actor.organizationID, personID: personID)) else {
            throw ServiceError.forbidden
        }
        return (scope, person)
    }

    /// The focus tags of the goals of the signed plans the ledger credits, read from what was signed.
    private func goalFocus(of ledger: [ClockHourEntry], in scope: OrganizationScope) async throws -> [GoalFocus] {
        var focus: [GoalFocus] = []
        for plan in ledger.compactMap(\.growthPlan) {
            guard let signed = try await scope.signatures.signatures(forPlan: plan.planID).first,
                  let goals = try? signed.snapshot.plan() else { continue }
            focus += GoalFocus.of(goals)
        }
        return focus
    }

    private func refusals(of personID: Person.ID, in scope: OrganizationScope) async throws -> [Refusal] {
        var refusals: [Refusal] = []
        for plan in try await scope.plans.plans(ownedBy: personID) where plan.status != .verified && plan.status != .archived {
            guard let latest = try await scope.verifications.verifications(forPlan: plan.id).first,
                  case .refused(let reason) = latest.outcome else { continue }
            refusals.append(Refusal(planID: plan.id, schoolYear: SchoolYear(startingIn: plan.schoolYear), reason: reason,
                                    refusedOn: CalendarDate(latest.decidedAt, in: ServiceEnvironment.districtTimeZone)))
        }
        return refusals
    }
}

extension ClockHourEntry {
    /// The admin who recorded the entry by hand; nil for a PGP (its verifier is on the verification record).
    public var recordedByID: Person.ID? {
        if case .recorded(let id) = source { return id }
        return nil
    }
}
