import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct DistrictSettingsServiceTests {
    @Test func onlyTheDistrictAdminWritesTheGuidingQuestionsAndEveryChangeIsAudited() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let settings = DistrictSettingsService(districts.environment)
            let admin = Actor(districts.north.admin)
            let text: [SMARTPart: String] = [.specific: "What will students do differently?\nFor which students?", .measurable: "What will you count?"]
            // run + check: a teacher may neither read nor write the bank
            await #expect(throws: ServiceError.forbidden) { try await settings.setGuidingQuestions(Actor(districts.north.educator), text: text) }
            await #expect(throws: ServiceError.forbidden) { try await settings.guidingQuestions(Actor(districts.north.leader)) }
            #expect(try await settings.guidingQuestions(admin).isDistrictOwn == false)
            #expect(try await settings.guidingQuestions(admin).bank == .standard)
            try await settings.setGuidingQuestions(admin, text: text, address: "203.0.113.9")
            let saved = try await settings.guidingQuestions(admin)
            #expect(saved.isDistrictOwn)
            #expect(saved.bank.questions(for: .specific) == ["What will students do differently?", "For which students?"])
            // what educators are offered follows
            let plans = PlanService(districts.environment, vault: nil)
            #expect(try await plans.guidingQuestions(Actor(districts.north.educator)) == saved.bank)
            #expect(try await plans.guidingQuestions(Actor(districts.south.educator)) == .standard, "another district keeps Trellis's")
            try await settings.resetGuidingQuestions(admin)
            #expect(try await plans.guidingQuestions(Actor(districts.north.educator)) == .standard)
            let log = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent()
            #expect(log.map(\.detail).contains("guiding questions written by the district (Specific 2, Measurable 1, Achievable 0, Relevant 0, Time-bound 0)"))
            #expect(log.map(\.detail).contains("guiding questions back to Trellis's own"))
        }
    }
}
