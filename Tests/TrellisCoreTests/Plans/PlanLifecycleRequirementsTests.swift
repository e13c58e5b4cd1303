import Testing
import TrellisCore

/// What a plan must have before it starts, goes for review, or is returned, and the reasons
/// given when it hasn't: all of them at once, goal by goal.
@Suite struct PlanLifecycleRequirementsTests {
    static func plan(_ status: PlanStatus, goals: [Goal], evidence: [Evidence] = [], reflection: Reflection = Reflection()) -> GrowthPlan {
        GrowthPlan(id: .init("plan-1"), organizationID: .init("north"), ownerID: .init("teacher"),
                   schoolYear: SamplePlans.year, status: status, goals: goals, evidence: evidence, reflection: reflection)
    }

    @Test func startingNeedsAGoal() {
        // setup
        let empty = Self.plan(.draft, goals: [])

        // run
        let decision = PlanLifecycle.check(empty, movingTo: .active)

        // check
        #expect(decision == .refused(["Add at least one goal."]))
    }

    @Test func startingListsEverythingMissingGoalByGoal() {
        // setup: goal 1 has no steps, goal 2 no standard, goal 3 is an empty row with a blank step
        var noSteps = SamplePlans.fluencyGoal(id: "g1")
        noSteps.actionSteps = []
        var noStandard = SamplePlans.familyGoal(id: "g2")
        noStandard.alignedStandardIdentifiers = []
        let blank = Goal(id: .init("g3"), statement: "  ", actionSteps: [ActionStep(id: .init("s"), what: " ")])
        let draft = Self.plan(.draft, goals: [noSteps, noStandard, blank])

        // run
        let decision = PlanLifecycle.check(draft, movingTo: .active)

        // check
        #expect(decision.reasons == [
            "Add at least one action step to goal 1.",
            "Goal 2 needs at least one aligned standard.",
            "Write a statement for goal 3.",
            "Goal 3 needs at least one aligned standard.",
            "Add at least one action step to goal 3.",
        ])
        #expect(!decision.isAllowed)
    }

    @Test func startingNeedsEveryGoalReadyNotJustOne() {
        // setup
        var unaligned = SamplePlans.familyGoal()
        unaligned.alignedStandardIdentifiers = []
        let draft = Self.plan(.draft, goals: [SamplePlans.fluencyGoal(), unaligned])

        // run
        let decision = PlanLifecycle.check(draft, movingTo: .active)

        // check
        #expect(decision.reasons == ["Goal 2 needs at least one aligned standard."])
    }

    @Test func startingIgnoresWhatOnlyMattersLater() {
        // setup: no reflection, no evidence, no reviewer, a vague goal: none of it blocks starting
        var rough = SamplePlans.fluencyGoal()
        rough.statement = "Get better at fluency"
        rough.targetDate = nil
        let draft = Self.plan(.draft, goals: [rough])

        // run
        let decision = PlanLifecycle.check(draft, movingTo: .active)

        // check
        #expect(decision == .allowed)
    }

    @Test func askingForReviewListsEverythingMissing() {
        // setup: an active plan that lost goal 2's standard while active, with nothing written yet
        var noStandard = SamplePlans.familyGoal()
        noStandard.alignedStandardIdentifiers = []
        let active = Self.plan(.active, goals: [SamplePlans.fluencyGoal(), noStandard])

        // run
        let decision = PlanLifecycle.check(active, movingTo: .inReview, context: PlanTransitionContext(hasReviewer: false))

        // check
        #expect(decision.reasons == [
            "Goal 2 needs at least one aligned standard.",
            "Write a reflection for each goal before asking for review.",
            "Add evidence for each goal before asking for review.",
            "Name a reviewer before asking for review.",
        ])
    }

    @Test func askingForReviewNamesTheGoalsStillMissingSomething() {
        // setup: goal 1 reflected on and documented; goal 2 half reflected, no evidence of its own
        let fluency = SamplePlans.fluencyGoal(), family = SamplePlans.familyGoal()
        let halfWritten = GoalReflection(goalID: family.id, studentChange: "More reading at home", practiceChange: " ")
        let active = Self.plan(.active, goals: [fluency, family],
                               evidence: [SamplePlans.evidence("e1", for: [fluency.id])],
                               reflection: Reflection(goals: [SamplePlans.reflection(on: fluency.id), halfWritten]))

        // run
        let decision = PlanLifecycle.check(active, movingTo: .inReview, context: PlanTransitionContext(hasReviewer: true))

        // check
        #expect(decision.reasons == [
            "Write a reflection for goal 2 before asking for review.",
            "Add evidence for goal 2 before asking for review.",
        ])
    }

    @Test func askingForReviewIsAllowedOnceEverythingIsThere() {
        // setup
        let active = SamplePlans.completePlan(status: .active)

        // run
        let withReviewer = PlanLifecycle.check(active, movingTo: .inReview, context: PlanTransitionContext(hasReviewer: true))
        let withoutReviewer = PlanLifecycle.check(active, movingTo: .inReview)

        // check
        #expect(withReviewer == .allowed)
        #expect(withoutReviewer == .refused(["Name a reviewer before asking for review."]))
    }

    @Test func returningNeedsANote() {
        // setup
        let inReview = SamplePlans.completePlan(status: .inReview)

        // run
        let withoutNote = PlanLifecycle.check(inReview, movingTo: .returned, context: PlanTransitionContext(hasReviewer: true))
        let withNote = PlanLifecycle.check(inReview, movingTo: .returned, context: PlanTransitionContext(hasReviewer: true, hasReturnNote: true))

        // check
        #expect(withoutNote.reasons == ["Write a note saying what to change before returning the plan."])
        #expect(withNote.isAllowed)
    }

    @Test func signingVerifyingAndArchivingAskNothingOfThePlan() {
        // setup: plans with nothing in them, already in the status the move starts from
        let moves: [(PlanStatus, PlanStatus)] = [(.inReview, .signed), (.returned, .active), (.signed, .verified), (.verified, .archived)]

        for (from, to) in moves {
            // run
            let decision = PlanLifecycle.check(Self.plan(from, goals: []), movingTo: to)

            // check
            #expect(decision == .allowed, "\(from) → \(to)")
        }
    }

    @Test func refusalForAWrongMoveComesBeforeMissingContent() {
        // setup: an empty draft can't be signed, and the only reason given is the wrong move
        let empty = Self.plan(.draft, goals: [])

        // run
        let decision = PlanLifecycle.check(empty, movingTo: .signed, context: SamplePlans.fullContext)

        // check
        #expect(decision.reasons == ["A plan can't go from draft to signed."])
    }
}
