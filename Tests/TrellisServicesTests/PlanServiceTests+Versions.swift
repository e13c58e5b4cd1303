import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices

/// Changes made from an older version of a plan, and the alignment page's one save.
extension PlanServiceTests {
    @Test func aChangeMadeFromAnOlderVersionIsRefusedWithTheStaleMessage() async throws {
        try await TestDatabase.with { database in
            // setup: two windows read the same version
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let planID = try await readyPlan(plans, teacher)
            let seen = try await plans.load(teacher, planID).version
            let goalID = try await plans.load(teacher, planID).plan.goals[0].id
            var first = GoalForm()
            first.statement = "First window"
            var second = GoalForm()
            second.statement = "Second window"
            // run
            _ = try await plans.saveGoal(teacher, planID, goalID: goalID, first, expecting: seen)
            // check: every kind of change from the older version is refused, and the first window's goal stands
            let stale = ServiceError.conflict(PlanService.changedElsewhere)
            await #expect(throws: stale) { try await plans.saveGoal(teacher, planID, goalID: goalID, second, expecting: seen) }
            await #expect(throws: stale) { try await plans.deleteGoal(teacher, planID, goalID: goalID, expecting: seen) }
            await #expect(throws: stale) { try await plans.align(teacher, planID, alignments: [goalID: []], expecting: seen) }
            var step = ActionStepForm()
            step.what = "Another step"
            await #expect(throws: stale) { try await plans.saveActionStep(teacher, planID, goalID: goalID, stepID: nil, step, expecting: seen) }
            var checkIn = CheckInForm()
            checkIn.date = plans.today.iso
            checkIn.whatHappened = "Something"
            await #expect(throws: stale) { try await plans.checkIn(teacher, planID, checkIn, expecting: seen) }
            await #expect(throws: stale) { try await plans.reflect(teacher, planID, ReflectionForm(), expecting: seen) }
            var note = EvidenceForm()
            note.kind = "note"
            note.note = "Observed"
            note.caption = "Observation"
            note.version = seen
            await #expect(throws: stale) { try await plans.addEvidence(teacher, planID, note, file: nil) }
            let plan = try await plans.load(teacher, planID).plan
            #expect(plan.goals.map(\.statement) == ["First window"] && plan.goals[0].actionSteps.count == 1 && plan.checkIns.isEmpty && plan.evidence.isEmpty)
            // the current version is accepted
            let current = try await plans.load(teacher, planID).version
            _ = try await plans.saveGoal(teacher, planID, goalID: goalID, second, expecting: current)
            #expect(try await plans.load(teacher, planID).plan.goals[0].statement == "Second window")
        }
    }

    @Test func aSaveFromAnotherInstanceIsAConflictHereWhileThisInstanceStillKeepsTheOlderVersion() async throws {
        try await TestDatabase.withTwoInstances(recentReads: .seconds(60)) { first, second in
            // setup: both instances have read the plan at the same version, and keep it
            let districts = try await TestDistricts.make(first)
            let here = service(districts)
            let elsewhere = service(ServiceEnvironment(database: second, clock: districts.clock, passwords: PasswordHasher(cost: 4)))
            let teacher = Actor(districts.north.educator)
            let planID = try await readyPlan(here, teacher)
            let seen = try await here.load(teacher, planID).version
            #expect(try await elsewhere.load(teacher, planID).version == seen)
            var checkIn = CheckInForm()
            checkIn.date = here.today.iso
            checkIn.whatHappened = "Saved in the other window"
            // run: the other instance saves a check-in; then this one, which still keeps the version both pages were
            // made from, saves another from that version
            try await elsewhere.checkIn(teacher, planID, checkIn, expecting: seen)
            checkIn.whatHappened = "Saved from the older page"
            // check: refused as changed elsewhere, and only the first check-in is written
            await #expect(throws: ServiceError.conflict(PlanService.changedElsewhere)) {
                try await here.checkIn(teacher, planID, checkIn, expecting: seen)
            }
            let latest = try await here.load(teacher, planID, latest: true)
            #expect(latest.plan.checkIns.map(\.whatHappened) == ["Saved in the other window"])
            #expect(latest.version == seen + 1)
        }
    }

    @Test func alignmentOfEveryGoalIsSavedInOneChange() async throws {
        try await TestDatabase.with { database in
            // setup: two goals, the first already aligned
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let planID = try await readyPlan(plans, teacher)
            var form = GoalForm()
            form.statement = "Read aloud daily to build vocabulary"
            let second = try await plans.saveGoal(teacher, planID, goalID: nil, form)
            let first = try await plans.load(teacher, planID).plan.goals[0].id
            let before = try await plans.load(teacher, planID).version
            // run
            try await plans.align(teacher, planID, alignments: [first: ["wa-t-3", "wa-t-6", "wa-t-3"], second: ["wa-t-6"]], expecting: before)
            // check: both goals, duplicates dropped, one new version
            let after = try await plans.load(teacher, planID)
            #expect(after.plan.goals.map(\.alignedStandardIdentifiers) == [["wa-t-3", "wa-t-6"], ["wa-t-6"]])
            #expect(after.version == before + 1)
            // a standard not offered refuses the whole change, at that goal
            await #expect(throws: FieldErrors("standards_\(second)", "Choose standards from the list.")) {
                try await plans.align(teacher, planID, alignments: [first: [], second: ["made-up"]])
            }
            #expect(try await plans.load(teacher, planID).plan.goals[0].alignedStandardIdentifiers == ["wa-t-3", "wa-t-6"])
            // a goal that is not in the plan is not found
            await #expect(throws: ServiceError.notFound) { try await plans.align(teacher, planID, alignments: [Goal.ID("nope"): []]) }
        }
    }
}
