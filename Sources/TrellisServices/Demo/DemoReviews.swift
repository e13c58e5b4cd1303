import Crypto
import Foundation
import TrellisCore
import TrellisStore

/// The review side of the demo district: finished plans from last school year, a plan with an outside reviewer,
/// one returned with comments, one signed and waiting for the district, and everyone's certificates, so every
/// page of review, signature and clock hours shows something real.
struct DemoReviews {
    let plans: DemoPlans
    let scope: OrganizationScope
    let ids: any IdentifierSource
    let now: Date

    /// A plan with everything a review asks for: goals aligned, steps, evidence and a reflection on each goal.
    func complete(owner: Person.ID, year: SchoolYear, status: PlanStatus, statement: String, standards: [String]) -> GrowthPlan {
        let goal = plans.goal(statement, measure: "Student work scored with a shared rubric", target: "80% at standard",
                              standards: standards, steps: [("Plan the unit with my coach", -150, .done), ("Teach and collect work samples", -90, .done)])
        var plan = GrowthPlan(id: ids.make(), organizationID: scope.organizationID, ownerID: owner, schoolYear: year, status: status, goals: [goal])
        plan.evidence = [Evidence(id: ids.make(), content: .note("Rubric scores: 19 of 24 students at standard in May."),
                                  caption: "May rubric scores", date: year.endDate.adding(days: -40) ?? year.endDate, goalIDs: [goal.id])]
        plan.reflection = Reflection(goals: [GoalReflection(goalID: goal.id, studentChange: "More students explain their thinking in writing.",
                                                            practiceChange: "I plan feedback time into every lesson.",
                                                            evidenceThatShowsIt: "The May rubric scores and student drafts.")],
                                     nextSteps: "Share the rubric with my grade-level team next year.")
        return plan
    }

    /// Writes a plan with one submission to `reviewer`, signed when `signer` is given.
    @discardableResult
    func submit(_ plan: GrowthPlan, to reviewer: Reviewer, signedBy signer: (name: String, number: String)? = nil,
                outcome: ReviewRequest.State = .open, note: String = "", comments: [ReviewComment] = []) async throws -> Signature? {
        var submitted = plan
        submitted.status = .inReview
        let snapshot = try PlanSnapshot.of(submitted) { SHA256.hex(of: $0) }
        var request = ReviewRequest(id: ids.make(), organizationID: scope.organizationID, planID: plan.id, submission: 1, reviewer: reviewer,
                                    snapshot: snapshot, requestedAt: now.addingTimeInterval(-9 * 86_400),
                                    linkExpiresAt: reviewer.isOutside ? now.addingTimeInterval(5 * 86_400) : nil)
        request.state = outcome
        request.returnNote = note
        request.comments = comments
        if outcome != .open { request.decidedAt = now.addingTimeInterval(-2 * 86_400) }
        try await scope.plans.create(plan, at: now)
        // An outside reviewer's link in the demo is made up and never shown: nobody can use it.
        try await scope.reviews.create(request, tokenHash: reviewer.isOutside ? SHA256.hex(of: Data(UUID().uuidString.utf8)) : nil)
        guard let signer else { return nil }
        let signed = plan.schoolYear.endDate.adding(days: -14) ?? plan.schoolYear.endDate
        let signature = Signature(id: ids.make(), organizationID: scope.organizationID, planID: plan.id, reviewRequestID: request.id,
                                  signerID: reviewer.personID, signerName: signer.name, certificateNumber: signer.number,
                                  signedOn: signed, signedAt: now.addingTimeInterval(-3 * 86_400), snapshot: snapshot)
        try await scope.signatures.create(signature)
        return signature
    }

    /// The district's verification of a signed plan, with its hours on the owner's ledger.
    func verify(_ plan: GrowthPlan, _ signature: Signature, by admin: Person.ID, district: String) async throws {
        let verifiedOn = plan.schoolYear.endDate.adding(days: 10) ?? plan.schoolYear.endDate
        try await scope.verifications.create(Verification(id: ids.make(), organizationID: scope.organizationID, planID: plan.id,
                                                          signatureID: signature.id, outcome: .verified(hours: 25), decidedBy: admin,
                                                          decidedAt: now.addingTimeInterval(-120 * 86_400)))
        try await scope.clockHours.add(ClockHourEntry(id: ids.make(), personID: plan.ownerID, date: verifiedOn,
                                                      activity: "Professional Growth Plan \(plan.schoolYear.label)", provider: district,
                                                      hours: ClockHours(25), source: .pgp(planID: plan.id, schoolYear: plan.schoolYear)),
                                       recordedBy: admin, at: now)
    }

    /// Other learning an admin recorded, so every renewal tracker has more than growth plans on it.
    func recordLearning(for person: Person.ID, by admin: Person.ID, seed: Int) async throws {
        let courses: [(String, String, Int, [FocusCategory])] = [
            ("Culturally responsive teaching institute", "Puget Sound ESD", 12, [.equityBasedPractice]),
            ("Integrating computational thinking in science", "Pacific Science Center", 15, [.stem]),
            ("Since Time Immemorial curriculum training", "OSPI Office of Native Education", 6, [.tribalRelations]),
            ("Restorative practices summer course", "Cascade School District", 10, [.equityBasedPractice]),
            ("Instructional leadership academy", "AWSP", 9, [.leadership]),
        ]
        for offset in 0..<2 {
            let course = courses[(seed + offset * 2) % courses.count]
            let date = plans.today.adding(days: -(200 + 150 * offset + seed * 11)) ?? plans.today
            try await scope.clockHours.add(ClockHourEntry(id: ids.make(), personID: person, date: date, activity: course.0, provider: course.1,
                                                          hours: ClockHours(course.2), focusCategories: course.3, source: .recorded(by: admin)),
                                           recordedBy: admin, at: now)
        }
    }

    /// A certificate for each featured person, expiring in a few years, so every renewal tracker has a cycle.
    func certify(_ person: Person.ID, number: String, type: CertificateType, expiresIn years: Int) async throws {
        let today = plans.today
        let expires = CalendarDate(iso: "\(today.year + years)-06-30")!, issued = CalendarDate(iso: "\(today.year + years - 5)-07-01")!
        try await scope.certificates.save(Certificate(id: ids.make(), personID: person, type: type, number: CertificateNumber(rawValue: number)!,
                                                      issuedOn: issued, expiresOn: expires))
    }
}
