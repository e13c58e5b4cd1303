import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct DistrictSettingsStoreTests {
    @Test func aDistrictsOwnGuidingQuestionsRoundTripAndResetToTrellis() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = OrganizationScope(database, organizationID: districts.north.organization.id)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            let bank = GuidingQuestions([.specific: ["¿Qué verán tus estudiantes? 🌱"], .timeBound: []])
            #expect(try await north.guidingQuestions() == nil)
            // run
            try await north.setGuidingQuestions(bank)
            // check
            #expect(try await north.guidingQuestions() == bank)
            #expect(try await south.guidingQuestions() == nil, "one district's bank is its own")
            try await north.setGuidingQuestions(nil)
            #expect(try await north.guidingQuestions() == nil)
        }
    }
}
