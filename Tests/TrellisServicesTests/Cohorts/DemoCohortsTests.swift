import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// The demo district's cohorts: the seed's cohort with a finished vision, three themes and a PLC per school whose
/// roll-ups show progress, and, with generated educators, the 30-member cohort the benchmark measures.
@Suite struct DemoCohortsTests {
    @Test func theDemoCohortShowsAWholePictureAndTheBenchmarkCohortHasThirtyInFivePLCs() async throws {
        try await TestDatabase.with { database in
            // setup
            let env = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4))
            let (organization, _) = try await DemoDistrict(env).ensure(educators: 40)
            let people = OrganizationScope(database, organizationID: organization.id).people
            let marcus = Actor(try #require(try await people.find(email: EmailAddress("marcus.whitfield@cascade.example")!)))
            let amara = Actor(try #require(try await people.find(email: EmailAddress(DemoDistrict.benchmarkEducatorEmail)!)))
            let cohorts = CohortService(env)
            // run
            let featured = try await cohorts.overview(marcus, try #require(try await cohorts.myCohorts(marcus).first).id)
            let benchmark = try await cohorts.overview(amara, try #require(try await cohorts.myCohorts(amara).first).id)
            // check
            #expect(featured.cohort.cohort.name == "Cascade Digital Learning Cohort")
            #expect(Set(featured.cohort.cohort.members.map(\.role)).isSuperset(of: ["academic technology coach", "building leader",
                                                                                    "technology support specialist", "trainer"]))
            #expect(featured.themes.count == 3)
            #expect(featured.statements.count == 12, "every statement is behind a theme")
            #expect(featured.rounds.allSatisfy { !$0.isOpen })
            #expect(featured.plcs.count == 2)
            #expect(featured.plcs.allSatisfy { $0.plc.goal != nil && !$0.plc.steps.isEmpty && $0.rollUp.linkedCount >= 2 })
            #expect(featured.plcs.contains { $0.rollUp.percent > 0 }, "real progress shows")
            #expect(benchmark.cohort.cohort.members.count == 30)
            #expect(benchmark.plcs.count == 5)
            #expect(benchmark.plcs.map { $0.plc.memberIDs.count } == [6, 6, 6, 6, 6])
        }
    }
}
