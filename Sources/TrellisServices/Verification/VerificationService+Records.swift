import Foundation
import TrellisCore
import TrellisDocuments
import TrellisStore

/// Archiving finished school years, and the verification forms HR receives.
///
/// Archiving hides, never deletes (Washington keeps a signed PGP until a year after the certificate it counted for
/// expires): an archived plan leaves the verification page's lists, and stays in its owner's list of plans (marked
/// Archived), on their clock-hour ledger, and in the verification forms of its date range.
extension VerificationService {
    /// A school year's verified and archived plans, for the archive form.
    public struct YearCount: Sendable, Hashable {
        public let schoolYear: SchoolYear
        public let verified: Int
        public let archived: Int
        /// Whether the year is over, so its plans may be archived.
        public let isFinished: Bool
    }

    public func yearCounts(_ actor: Actor) async throws -> [YearCount] {
        let scope = try authorize(actor, .read)
        let start = try await scope.schoolYearStart()
        let verified = Dictionary(uniqueKeysWithValues: try await scope.verifications.counts(in: .verified).map { ($0.schoolYear, $0.count) })
        let archived = Dictionary(uniqueKeysWithValues: try await scope.verifications.counts(in: .archived).map { ($0.schoolYear, $0.count) })
        return Set(verified.keys).union(archived.keys).sorted(by: >).map { year in
            let schoolYear = SchoolYear(startingIn: year, start: start)
            return YearCount(schoolYear: schoolYear, verified: verified[year] ?? 0, archived: archived[year] ?? 0,
                             isFinished: schoolYear.endDate < env.today)
        }
    }

    /// Moves every verified plan of a finished school year to archived (`startYear` is the year it starts in, as
    /// the form sends it); returns how many moved. A year not over yet is refused at the field.
    @discardableResult
    public func archive(_ actor: Actor, schoolYear text: String, address: String? = nil) async throws -> Int {
        let scope = try authorize(actor, .update)
        let start = try await scope.schoolYearStart()
        guard let startYear = Int(text.trimmingWhitespace()), SchoolYear.validStartYears.contains(startYear) else {
            throw FieldErrors("school_year", "Choose a school year to archive.")
        }
        let year = SchoolYear(startingIn: startYear, start: start)
        guard year.endDate < env.today else {
            throw FieldErrors("school_year", "The \(year.label) school year isn't over until \(year.endDate.longForm); archive it after that.")
        }
        let ids = try await scope.verifications.plans(in: .verified, schoolYear: startYear)
        guard !ids.isEmpty else { return 0 }
        let organization = actor.organizationID
        do {
            try await env.database.transaction { transaction in
                let tx = OrganizationScope(transaction, organizationID: organization)
                for id in ids {
                    guard let stored = try await tx.plans.find(id, latest: true), stored.plan.status == .verified else { continue }
                    var plan = stored.plan
                    plan.status = .archived
                    _ = try await tx.plans.save(plan, expecting: stored.version, at: env.clock.now())
                }
                try await tx.audit.append(env.event(.plansArchived, in: organization, by: actor.personID, about: nil,
                                                    detail: "\(ids.count) verified \(ids.count == 1 ? "plan" : "plans") of \(year.label) archived",
                                                    address: address))
            }
        } catch is PlanStore.Conflict {
            throw ServiceError.conflict("Another admin changed these plans at the same moment. Nothing was archived; try again.")
        }
        return ids.count
    }

    /// The verification form of every plan verified from `from` to `to` (both included, district time), oldest
    /// first, as plain values for the PDF and the ZIP of forms. Archived plans are included: the record is the
    /// verification, not the plan's status.
    public func forms(_ actor: Actor, from: CalendarDate, to: CalendarDate) async throws -> [VerificationForm.Content] {
        let scope = try authorize(actor, .read)
        try DateRange.check(from: from, to: to)
        let verifications = try await scope.verifications.verified(from: DateRange.start(of: from), until: DateRange.start(of: to.adding(days: 1) ?? to))
        let district = try await OrganizationStore(env.database).find(id: actor.organizationID)?.name ?? ""
        var forms: [VerificationForm.Content] = []
        for verification in verifications {
            guard let stored = try await scope.plans.find(verification.planID), let signature = try await scope.signatures.find(verification.signatureID),
                  let owner = try await scope.people.find(stored.plan.ownerID) else { continue }
            forms.append(try await VerificationFormContent.make(plan: stored.plan, owner: owner, verification: verification,
                                                                signature: signature, districtName: district, in: scope))
        }
        return forms
    }
}

/// A range of days as people type it for exports: both ends included, in the district's time zone.
public enum DateRange {
    /// Refuses a range that ends before it starts, at the `to` field.
    public static func check(from: CalendarDate, to: CalendarDate) throws {
        if to < from { throw FieldErrors("to", "The end date must be on or after the start date (\(from.longForm)).") }
    }

    /// The dates typed into `from` and `to`, or the messages for their fields.
    public static func parse(from fromText: String, to toText: String) throws -> (from: CalendarDate, to: CalendarDate) {
        var errors = FieldErrors()
        let from = CalendarDate(iso: fromText.trimmingWhitespace()), to = CalendarDate(iso: toText.trimmingWhitespace())
        if from == nil { errors["from"] = "Enter the start date as YYYY-MM-DD, such as 2026-07-01." }
        if to == nil { errors["to"] = "Enter the end date as YYYY-MM-DD, such as 2027-06-30." }
        try errors.throwIfAny()
        try check(from: from!, to: to!)
        return (from!, to!)
    }

    /// Midnight at the start of `date` where the districts are.
    static func start(of date: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ServiceEnvironment.districtTimeZone
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day)) ?? Date(timeIntervalSince1970: 0)
    }
}
