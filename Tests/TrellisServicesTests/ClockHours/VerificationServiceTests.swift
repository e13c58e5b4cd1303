import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct VerificationServiceTests {
    @Test func verifyingCreditsThePlanOnceTellsTheOwnerAndShowsOnTheTracker() async throws {
        try await TestDatabase.with { database in
            // setup: a signed plan whose goal is tagged equity-based practice; the educator holds a certificate
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let verification = VerificationService(env), admin = Actor(north.admin)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            try await ReadyPlans.certify(database, north.educator, number: "412345F")
            // check: the queue and the detail
            #expect(try await verification.queue(admin).map(\.planID) == [plan.id])
            #expect(try await verification.queue(admin, school: north.otherSchool.id).isEmpty)
            let detail = try await verification.detail(admin, plan.id)
            #expect(detail.isIntact && detail.signature?.signerName == "Nguyễn Thị Hồng" && detail.hours == ClockHours(25))
            // run
            let entry = try await verification.verify(admin, plan.id, expecting: detail.version)
            // check: one PGP entry with the goal's tags, the plan verified, audit and notification written
            #expect(entry.hours == ClockHours(25) && entry.growthPlan?.planID == plan.id && entry.focusCategories == [.equityBasedPractice])
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            #expect(try await scope.plans.find(plan.id, latest: true)?.plan.status == .verified)
            #expect(try await scope.audit.recent().map(\.kind).contains(.planVerified))
            #expect(try await NotificationService(env).recent(Actor(north.educator)).contains { $0.kind == .planVerified && $0.link == "/clock-hours" })
            #expect(try await verification.queue(admin).isEmpty)
            let overview = try await ClockHourService(env).overview(Actor(north.educator), of: north.educator.id)
            #expect(overview.ledger.map(\.id) == [entry.id])
            #expect(overview.standings.first?.progress?.summary == "25 of 100 clock hours")
            // run: the same click again, from the same page
            await #expect(throws: ServiceError.conflict("This plan was already verified by Ada Admin; its hours are on the educator's ledger once.")) {
                try await verification.verify(admin, plan.id, expecting: detail.version)
            }
            #expect(try await scope.clockHours.entries(of: north.educator.id).count == 1)
        }
    }

    @Test func twoAdminsVerifyingAtOnceGiveOneEntryAndOneConflict() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let verification = VerificationService(env)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            let version = try await verification.detail(Actor(north.admin), plan.id).version
            // run: two verifications at the same moment (the second admin is the same person: the race is what matters)
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask { (try? await verification.verify(Actor(north.admin), plan.id, expecting: version)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // check
            #expect(outcomes.filter { $0 }.count == 1 && outcomes.count == 2)
            #expect(try await OrganizationScope(database, organizationID: north.organization.id).clockHours.entries(of: north.educator.id).count == 1)
        }
    }

    @Test func refusingNeedsAReasonReturnsThePlanAndKeepsTheSignature() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let verification = VerificationService(env), admin = Actor(north.admin)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            let version = try await verification.detail(admin, plan.id).version
            // run / check: only admins decide, and a refusal needs a reason
            for someone in [north.educator, north.leader, north.coach] {
                await #expect(throws: ServiceError.forbidden) { try await verification.verify(Actor(someone), plan.id, expecting: version) }
                await #expect(throws: ServiceError.forbidden) { try await verification.refuse(Actor(someone), plan.id, expecting: version, reason: "No") }
            }
            await #expect(throws: FieldErrors("reason", "Write the reason the hours can't be verified; the educator sees it and corrects the plan.")) {
                try await verification.refuse(admin, plan.id, expecting: version, reason: "  ")
            }
            try await verification.refuse(admin, plan.id, expecting: version, reason: "The reflection names no evidence from spring.")
            // check: returned, the signature intact, the reason reaches the educator
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            #expect(try await scope.plans.find(plan.id, latest: true)?.plan.status == .returned)
            #expect(try await ReviewService(env).checkSignatures(Actor(north.educator), plan.id).map(\.isIntact) == [true])
            #expect(try await scope.clockHours.entries(of: north.educator.id).isEmpty)
            let notice = try await NotificationService(env).recent(Actor(north.educator)).first { $0.kind == .verificationRefused }
            #expect(notice?.message.contains("names no evidence from spring") == true)
            let overview = try await ClockHourService(env).overview(Actor(north.educator), of: north.educator.id)
            #expect(overview.refusals.map(\.reason) == ["The reflection names no evidence from spring."])
            #expect(try await scope.audit.recent().map(\.kind).contains(.verificationRefused))
            await #expect(throws: ServiceError.self) { try await verification.verify(admin, plan.id, expecting: nil) }
        }
    }

    @Test func anotherDistrictsPlanIsNotFound() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment
            let plan = try await SignedPlans.signed(env, owner: districts.north.educator, reviewer: districts.north.leader)
            let verification = VerificationService(env), southAdmin = Actor(districts.south.admin)
            // run / check
            #expect(try await verification.queue(southAdmin).isEmpty)
            await #expect(throws: ServiceError.notFound) { try await verification.detail(southAdmin, plan.id) }
            await #expect(throws: ServiceError.notFound) { try await verification.verify(southAdmin, plan.id, expecting: nil) }
            await #expect(throws: ServiceError.notFound) {
                try await ClockHourService(env).overview(southAdmin, of: districts.north.educator.id)
            }
        }
    }

    @Test func aFinishedYearIsArchivedAndItsFormsStayAvailable() async throws {
        try await TestDatabase.with { database in
            // setup: a verified 2026–27 plan
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let verification = VerificationService(env), admin = Actor(north.admin)
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            try await verification.verify(admin, plan.id, expecting: nil)
            // run / check: not before the year is over
            await #expect(throws: FieldErrors("school_year", "The 2026–27 school year isn't over until June 30, 2027; archive it after that.")) {
                try await verification.archive(admin, schoolYear: "2026")
            }
            districts.clock.advance(by: 300 * 24 * 3600)
            #expect(try await verification.archive(admin, schoolYear: "2026") == 1)
            // check: archived, never deleted: the owner still opens it, and its form is still made
            #expect(try await PlanService(env, vault: nil).load(Actor(north.educator), plan.id).plan.status == .archived)
            let today = env.today
            let forms = try await verification.forms(admin, from: CalendarDate(iso: "2026-07-01")!, to: today)
            #expect(forms.map(\.educatorName) == ["Zoë Ångström"])
            #expect(forms.first?.clockHours == 25 && forms.first?.reviewerCertificateNumber == "512345" && forms.first?.verifierName == "Ada Admin")
            let rows = try await ClockHourService(env).entries(admin, from: CalendarDate(iso: "2026-07-01")!, to: today)
            #expect(rows.map(\.source) == ["PGP 2026–27"])
            await #expect(throws: FieldErrors("to", "The end date must be on or after the start date (July 1, 2026).")) {
                try await verification.forms(admin, from: CalendarDate(iso: "2026-07-01")!, to: CalendarDate(iso: "2026-06-30")!)
            }
            await #expect(throws: ServiceError.forbidden) {
                try await verification.forms(Actor(north.educator), from: CalendarDate(iso: "2026-07-01")!, to: today)
            }
        }
    }
}
