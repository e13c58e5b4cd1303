import Foundation
import TrellisCore
import TrellisStore

/// Plans in the state a review needs, written straight to the store so review tests start where reviews start.
public enum ReadyPlans {
    /// An active 2026–27 plan of `owner` with one goal that has an aligned standard, an action step, evidence
    /// and a reflection: everything "Ask for review" requires.
    public static func readyForReview(_ database: Database, owner: Person, at date: Date) async throws -> GrowthPlan {
        let goalID = Goal.ID("goal-\(UUID().uuidString.prefix(8))")
        let goal = Goal(id: goalID, statement: "I will use exit tickets every week to adjust small-group instruction 📈",
                        measure: "Weekly exit tickets", alignedStandardIdentifiers: ["wa-t-6"],
                        actionSteps: [ActionStep(id: .init("step-1"), what: "Give a two-question exit ticket every Friday")])
        let plan = GrowthPlan(
            id: .init(UUID().uuidString), organizationID: owner.organizationID, ownerID: owner.id, schoolYear: SchoolYear(startingIn: 2026),
            status: .active, goals: [goal],
            evidence: [Evidence(id: .init("evidence-1"), content: .note("Exit tickets from October"), caption: "October exit tickets",
                                date: CalendarDate(iso: "2026-10-30")!, goalIDs: [goalID])],
            reflection: Reflection(goals: [GoalReflection(goalID: goalID, studentChange: "More students explain their thinking",
                                                          practiceChange: "I regroup weekly")]))
        try await OrganizationScope(database, organizationID: owner.organizationID).plans.create(plan, at: date)
        return plan
    }

    /// Gives a person a Washington certificate, so they can be asked to review.
    public static func certify(_ database: Database, _ person: Person, number: String = "412345F") async throws {
        let certificate = Certificate(id: .init("cert-\(person.id)"), personID: person.id, type: .professionalTeacher,
                                      number: CertificateNumber(rawValue: number)!, issuedOn: CalendarDate(iso: "2022-07-01")!,
                                      expiresOn: CalendarDate(iso: "2027-06-30")!)
        try await OrganizationScope(database, organizationID: person.organizationID).certificates.save(certificate)
    }
}
