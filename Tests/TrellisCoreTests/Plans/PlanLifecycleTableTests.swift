import Testing
import TrellisCore

/// Every status to every status, for a plan that meets every requirement: only the state
/// machine's shape decides, and each refusal says why in words a person can act on.
@Suite struct PlanLifecycleTableTests {
    struct Row: CustomTestStringConvertible, Sendable {
        let from: PlanStatus
        let to: PlanStatus
        let expected: PlanTransitionDecision
        init(_ from: PlanStatus, _ to: PlanStatus, _ reasons: [String]) {
            self.from = from
            self.to = to
            self.expected = reasons.isEmpty ? .allowed : .refused(reasons)
        }
        var testDescription: String { "\(from.rawValue) → \(to.rawValue)" }
    }

    static let allowed: [String] = []

    static let table: [Row] = [
        // From draft.
        Row(.draft, .draft, ["The plan is already a draft."]),
        Row(.draft, .active, allowed),
        Row(.draft, .inReview, ["A plan can't go from draft to in review."]),
        Row(.draft, .returned, ["A plan can't go from draft to returned for changes."]),
        Row(.draft, .signed, ["A plan can't go from draft to signed."]),
        Row(.draft, .verified, ["A plan can't go from draft to verified."]),
        Row(.draft, .archived, ["A plan can't go from draft to archived."]),
        // From active.
        Row(.active, .draft, ["A plan can't go from active to draft."]),
        Row(.active, .active, ["The plan is already active."]),
        Row(.active, .inReview, allowed),
        Row(.active, .returned, ["A plan can't go from active to returned for changes."]),
        Row(.active, .signed, ["A plan can't go from active to signed."]),
        Row(.active, .verified, ["A plan can't go from active to verified."]),
        Row(.active, .archived, ["A plan can't go from active to archived."]),
        // From in review.
        Row(.inReview, .draft, ["A plan can't go from in review to draft."]),
        Row(.inReview, .active, allowed),
        Row(.inReview, .inReview, ["The plan is already in review."]),
        Row(.inReview, .returned, allowed),
        Row(.inReview, .signed, allowed),
        Row(.inReview, .verified, ["A plan can't go from in review to verified."]),
        Row(.inReview, .archived, ["A plan can't go from in review to archived."]),
        // From returned for changes.
        Row(.returned, .draft, ["A plan can't go from returned for changes to draft."]),
        Row(.returned, .active, allowed),
        Row(.returned, .inReview, allowed),
        Row(.returned, .returned, ["The plan has already been returned for changes."]),
        Row(.returned, .signed, ["A plan can't go from returned for changes to signed."]),
        Row(.returned, .verified, ["A plan can't go from returned for changes to verified."]),
        Row(.returned, .archived, ["A plan can't go from returned for changes to archived."]),
        // From signed.
        Row(.signed, .draft, ["A plan can't go from signed to draft."]),
        Row(.signed, .active, allowed),
        Row(.signed, .inReview, ["A plan can't go from signed to in review."]),
        Row(.signed, .returned, allowed),
        Row(.signed, .signed, ["The plan is already signed."]),
        Row(.signed, .verified, allowed),
        Row(.signed, .archived, ["A plan can't go from signed to archived."]),
        // From verified.
        Row(.verified, .draft, ["A plan can't go from verified to draft."]),
        Row(.verified, .active, ["A plan can't go from verified to active."]),
        Row(.verified, .inReview, ["A plan can't go from verified to in review."]),
        Row(.verified, .returned, ["A plan can't go from verified to returned for changes."]),
        Row(.verified, .signed, ["A plan can't go from verified to signed."]),
        Row(.verified, .verified, ["The plan is already verified."]),
        Row(.verified, .archived, allowed),
        // From archived.
        Row(.archived, .draft, ["A plan can't go from archived to draft."]),
        Row(.archived, .active, ["A plan can't go from archived to active."]),
        Row(.archived, .inReview, ["A plan can't go from archived to in review."]),
        Row(.archived, .returned, ["A plan can't go from archived to returned for changes."]),
        Row(.archived, .signed, ["A plan can't go from archived to signed."]),
        Row(.archived, .verified, ["A plan can't go from archived to verified."]),
        Row(.archived, .archived, ["The plan is already archived."]),
    ]

    @Test func tableCoversEveryPairOnce() {
        // setup
        let pairs = Self.table.map { "\($0.from.rawValue)>\($0.to.rawValue)" }

        // check
        #expect(pairs.count == PlanStatus.allCases.count * PlanStatus.allCases.count)
        #expect(Set(pairs).count == pairs.count)
    }

    @Test(arguments: table)
    func transition(_ row: Row) {
        // setup
        let plan = SamplePlans.completePlan(status: row.from)

        // run
        let decision = PlanLifecycle.check(plan, movingTo: row.to, context: SamplePlans.fullContext)

        // check
        #expect(decision == row.expected)
        #expect(decision.isAllowed == (PlanLifecycle.transition(from: row.from, to: row.to) != nil))
    }

    @Test func eachMoveNamesWhoMakesIt() {
        // run
        let moves = PlanLifecycle.transitions.map { "\($0.from.rawValue) → \($0.to.rawValue): \($0.performer.rawValue)" }

        // check
        #expect(moves == [
            "draft → active: owner",
            "active → in_review: owner",
            "in_review → active: owner",
            "in_review → signed: reviewer",
            "in_review → returned: reviewer",
            "returned → in_review: owner",
            "returned → active: owner",
            "signed → verified: district_admin",
            "signed → returned: district_admin",
            "signed → active: owner",
            "verified → archived: district_admin",
        ])
        #expect(PlanLifecycle.transitions(from: .inReview).map(\.to) == [.active, .signed, .returned])
        #expect(PlanLifecycle.transitions(from: .archived).isEmpty)
        #expect(PlanLifecycle.transition(from: .active, to: .inReview)?.actionLabel == "Ask for review")
    }

    @Test(arguments: [
        (PlanStatus.draft, true), (.active, true), (.inReview, false), (.returned, true),
        (.signed, false), (.verified, false), (.archived, false),
    ])
    func editingPerStatus(status: PlanStatus, canEdit: Bool) {
        // setup
        let plan = SamplePlans.completePlan(status: status)

        // run, check
        #expect(status.canEdit == canEdit)
        #expect(plan.canEdit == canEdit)
    }

    @Test func signedAndLaterPlansAreCompleteAndNeverEditable() {
        // setup
        let afterSigning = PlanStatus.allCases.drop(while: { $0 != .signed })

        // check
        #expect(afterSigning.map(\.self) == [.signed, .verified, .archived])
        #expect(afterSigning.allSatisfy { $0.isComplete && !$0.canEdit })
        #expect(PlanStatus.allCases.filter(\.isComplete) == Array(afterSigning))
        // Only a signed plan goes back to work, as a new submission (a correction, or a refused verification):
        // its signature keeps the signed snapshot. Nothing verified or archived ever becomes editable.
        #expect(PlanLifecycle.transitions.filter { $0.from.isComplete && $0.to.canEdit }.allSatisfy { $0.from == .signed })
        #expect(PlanLifecycle.transitions.filter { [.verified, .archived].contains($0.from) }.allSatisfy { !$0.to.canEdit })
    }
}
