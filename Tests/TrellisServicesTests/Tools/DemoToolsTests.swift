import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// The demo district's catalogue: about a dozen tools, a proposal waiting, two finished trials of Zoë and Hồng with
/// different verdicts shared for the adoption view, one running, and a licence renewing within 90 days.
@Suite struct DemoToolsTests {
    @Test func theDemoCatalogueHasFinishedAndRunningTrialsAndARenewalSoon() async throws {
        try await TestDatabase.with { database in
            // setup
            let env = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4))
            let (organization, _) = try await DemoDistrict(env).ensure()
            let people = OrganizationScope(database, organizationID: organization.id).people
            let priya = Actor(try #require(try await people.find(email: EmailAddress("priya.raman@cascade.example")!)))
            let zoe = Actor(try #require(try await people.find(email: EmailAddress("zoe.angstrom@cascade.example")!)))
            let kwame = Actor(try #require(try await people.find(email: EmailAddress("kwame.mensah@cascade.example")!)))
            // run
            let catalogue = try await ToolCatalogueService(env).catalogue(priya, CatalogueFilter())
            let proposals = try await ToolCatalogueService(env).proposals(priya)
            let rows = try await AdoptionService(env).rows(priya, .init())
            let soon = try await AdoptionService(env).rows(priya, .init(renewingSoon: true))
            let zoesTrials = try await EfficacyTrialService(env).mine(zoe)
            let kwamesTrials = try await EfficacyTrialService(env).mine(kwame)
            // check
            #expect(catalogue.count == 12 && proposals.count == 1)
            #expect(Set(zoesTrials.compactMap(\.trial.verdict)) == [.keep, .stop])
            #expect(kwamesTrials.count == 1 && kwamesTrials.first?.trial.isFinished == false)
            let verdicts = rows.flatMap(\.trials.trials).compactMap(\.verdict)
            #expect(Set(verdicts) == [.keep, .stop], "the running coach-only trial is not in the adoption view")
            #expect(soon.map(\.tool.name) == ["Fluency Garden"])
            #expect(rows.contains { !$0.warnings.isEmpty })
        }
    }
}
