import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct PlanServiceTests {
    static let pdf = Data("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".utf8)

    func service(_ districts: TestDistricts) -> PlanService { service(districts.environment) }

    func service(_ environment: ServiceEnvironment) -> PlanService {
        PlanService(environment, vault: EvidenceVault(dataDirectory: FileManager.default.temporaryDirectory
            .appendingPathComponent("trellis-vault-\(UUID().uuidString)").path))
    }

    /// A plan with one goal aligned to WA-T-6 and one action step: ready to become active.
    func readyPlan(_ plans: PlanService, _ owner: Actor) async throws -> GrowthPlan.ID {
        let plan = try await plans.start(owner)
        var goal = GoalForm()
        goal.statement = "I will use exit tickets every week to adjust small-group instruction"
        let goalID = try await plans.saveGoal(owner, plan.id, goalID: nil, goal)
        try await plans.align(owner, plan.id, goalID: goalID, standards: ["wa-t-6"])
        var step = ActionStepForm()
        step.what = "Give a two-question exit ticket every Friday"
        try await plans.saveActionStep(owner, plan.id, goalID: goalID, stepID: nil, step)
        return plan.id
    }

    @Test func onePlanPerPersonPerSchoolYear() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            // run
            let plan = try await plans.start(teacher)
            // check
            #expect(plan.schoolYear.label == "2026–27")
            await #expect(throws: ServiceError.conflict("You already have a growth plan for 2026–27. Washington counts one plan per school year.")) {
                try await plans.start(teacher)
            }
            #expect(try await plans.myPlans(teacher).count == 1)
        }
    }

    @Test func activationSaysExactlyWhatIsMissingThenSucceeds() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let empty = try await plans.start(Actor(districts.north.colleague))
            // run + check
            do {
                _ = try await plans.move(Actor(districts.north.colleague), empty.id, to: .active)
                Issue.record("an empty plan became active")
            } catch let notReady as PlanNotReady {
                #expect(notReady.reasons == ["Add at least one goal."])
            }
            let ready = try await readyPlan(plans, teacher)
            #expect(try await plans.move(teacher, ready, to: .active).status == .active)
            await #expect(throws: ServiceError.forbidden) { try await plans.move(teacher, ready, to: .signed) }
        }
    }

    @Test func goalsAreSavedAsDraftsButEmptyGoalsAndDatesOutsideTheYearAreRefused() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let plan = try await plans.start(teacher)
            var form = GoalForm()
            form.statement = "   "
            await #expect(throws: FieldErrors("statement", "Write your goal in a sentence or two: what will change for your students, and what you will do.")) {
                try await plans.saveGoal(teacher, plan.id, goalID: nil, form)
            }
            form.statement = "get better at technology"
            form.targetDate = "2027-08-15"
            do {
                _ = try await plans.saveGoal(teacher, plan.id, goalID: nil, form)
                Issue.record("a date outside the school year was saved")
            } catch let errors as FieldErrors {
                #expect(errors["target_date"]?.contains("2026–27") == true)
            }
            form.targetDate = "2027-05-15"
            let goalID = try await plans.saveGoal(teacher, plan.id, goalID: nil, form)
            let saved = try await plans.load(teacher, plan.id).plan
            #expect(saved.goal(goalID)?.statement == "get better at technology", "a vague goal is still saved as a draft")
            await #expect(throws: FieldErrors("standards_\(goalID)", "Choose standards from the list.")) {
                try await plans.align(teacher, plan.id, goalID: goalID, standards: ["not-a-standard"])
            }
        }
    }

    @Test func evidenceFilesAreCheckedStoredAndServedOnlyToThoseWhoMaySeeThePlan() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let plan = try await plans.start(teacher)
            var form = EvidenceForm()
            form.caption = "Exit tickets, week 3"
            // run: refused files
            for (name, data, expected) in [
                ("report.pdf", Data([0x7F, 0x45, 0x4C, 0x46]) + Data(count: 100), "its content is not"),
                ("big.pdf", Data("%PDF-".utf8) + Data(count: 21 * 1024 * 1024), "largest accepted is 20 MB"),
                ("tool.exe", Data("MZ".utf8), "not one of them"),
            ] {
                do {
                    try await plans.addEvidence(teacher, plan.id, form, file: UploadedFile(filename: name, data: data))
                    Issue.record("\(name) was accepted")
                } catch let errors as FieldErrors {
                    #expect(errors["file"]?.contains(expected) == true, "\(errors["file"] ?? "")")
                }
            }
            // a real PDF
            let evidenceID = try await plans.addEvidence(teacher, plan.id, form, file: UploadedFile(filename: "exit tickets.pdf", data: Self.pdf))
            // check
            let (file, data) = try await plans.evidenceFile(teacher, plan.id, evidenceID: evidenceID)
            #expect(data == Self.pdf && file.mediaType == "application/pdf" && file.originalFilename == "exit tickets.pdf")
            #expect(try await plans.load(teacher, plan.id).plan.evidence.count == 1, "refused files left nothing behind")
            for outsider in [districts.north.coach, districts.north.leader, districts.north.admin, districts.north.colleague, districts.south.admin] {
                await #expect(throws: ServiceError.notFound) { try await plans.evidenceFile(Actor(outsider), plan.id, evidenceID: evidenceID) }
            }
            // shared with the coach and the school's leaders, they may read it
            try await plans.share(teacher, plan.id, coaches: [districts.north.coach.id.rawValue], withLeaders: true)
            #expect(try await plans.evidenceFile(Actor(districts.north.coach), plan.id, evidenceID: evidenceID).1 == Self.pdf)
            #expect(try await plans.evidenceFile(Actor(districts.north.leader), plan.id, evidenceID: evidenceID).1 == Self.pdf)
            await #expect(throws: ServiceError.notFound) { try await plans.evidenceFile(Actor(districts.north.admin), plan.id, evidenceID: evidenceID) }
            await #expect(throws: ServiceError.forbidden) {
                try await plans.checkIn(Actor(districts.north.coach), plan.id, CheckInForm())
            }
        }
    }

    @Test func checkInsAreDatedWithinTheYearAndNotInTheFuture() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let planID = try await readyPlan(plans, teacher)
            let goalID = try await plans.load(teacher, planID).plan.goals[0].id
            var form = CheckInForm()
            form.progress[goalID.rawValue] = GoalProgressLevel.allCases[1].rawValue
            form.date = plans.today.adding(days: 3)!.iso
            await #expect(throws: FieldErrors("date", "A check-in is about what has happened: choose today or an earlier day.")) {
                try await plans.checkIn(teacher, planID, form)
            }
            form.date = "2025-10-01"
            do {
                try await plans.checkIn(teacher, planID, form)
                Issue.record("a check-in outside the school year was saved")
            } catch let errors as FieldErrors {
                #expect(errors.messages.keys.sorted() == ["date"] && errors["date"]?.contains("2026–27") == true)
            }
            form.date = plans.today.iso
            form.whatHappened = "<script>alert(1)</script>"
            try await plans.checkIn(teacher, planID, form)
            let plan = try await plans.load(teacher, planID).plan
            #expect(plan.checkIns.count == 1 && plan.checkIns[0].whatHappened == "<script>alert(1)</script>")
            #expect(plan.daysSinceLastCheckIn(today: plans.today) == 0)
        }
    }

    @Test func aStaleWindowCannotOverwriteNewerChanges() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let plans = service(districts)
            let teacher = Actor(districts.north.educator)
            let plan = try await plans.start(teacher)
            let stale = try await plans.load(teacher, plan.id)
            var form = GoalForm()
            form.statement = "First window"
            _ = try await plans.saveGoal(teacher, plan.id, goalID: nil, form)
            let store = OrganizationScope(database, organizationID: districts.north.organization.id).plans
            await #expect(throws: PlanStore.Conflict.self) { try await store.save(stale.plan, expecting: stale.version, at: Date()) }
            #expect(try await plans.load(teacher, plan.id).plan.goals.count == 1)
        }
    }
}
