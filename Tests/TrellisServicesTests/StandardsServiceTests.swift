import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct StandardsServiceTests {
    @Test func thePublishedFixtureImportsAsPublished() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let admin = Actor(districts.north.admin)
            // run
            let result = try await standards.importCASE(admin, data: try CASEFixtures.data("Utf8TestFramework.json"))
            let imported = result.definition, outcome = result.outcome
            // check
            #expect(result.tolerated.isEmpty)
            #expect(outcome.createdFramework && outcome.added == imported.standards.count)
            let stored = try await standards.framework(admin, imported.framework.identifier)
            #expect(stored.framework.title == "UTF8 𝑑 Test")
            #expect(stored.standards.map(\.identifier) == imported.standards.map(\.identifier))
            #expect(stored.standards.contains { $0.title.contains("𝑑") })
        }
    }

    @Test func reImportUpdatesInPlaceRetiresWhatIsGoneAndNeverDuplicates() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let admin = Actor(districts.north.admin)
            let first = try await standards.importCASE(admin, data: CASEFixtures.small()).definition
            // run
            let same = try await standards.importCASE(admin, data: CASEFixtures.small()).outcome
            let changed = try await standards.importCASE(admin, data: CASEFixtures.small(firstTitle: "Plan and model literacy instruction", includeChild: false)).outcome
            // check
            #expect(!same.createdFramework && same.added == 0 && same.updated == 0 && same.unchanged == 3 && same.retired == 0)
            #expect(changed.updated == 1 && changed.retired == 1 && changed.added == 0)
            let stored = try await standards.framework(admin, first.framework.identifier)
            #expect(stored.standards.map(\.code) == ["LIT-1", "LIT-2", "LIT-2.1"], "sequence order, parents before children, nothing duplicated")
            #expect(stored.standards.first?.title == "Plan and model literacy instruction")
            #expect(stored.standards.last?.isRetired == true)
            #expect(try await standards.frameworks(admin).filter { !$0.framework.isBuiltIn }.count == 1)
        }
    }

    @Test(arguments: [
        ("not json at all", "not valid JSON"),
        (#"{"CFItems":[]}"#, "CFDocument"),
        (#"{"CFDocument":{"identifier":"d","title":"T","creator":"c","uri":"u"},"CFItems":[{"fullStatement":"x","uri":"u"}]}"#, "CFItems[0]: missing identifier"),
    ])
    func aBadFileIsRefusedWholeWithItsProblemAndNothingIsWritten(_ text: String, _ expected: String) async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let admin = Actor(districts.north.admin)
            // run
            do {
                _ = try await standards.importCASE(admin, data: Data(text.utf8))
                Issue.record("imported")
            } catch let errors as FieldErrors {
                // check
                #expect(errors["file"]?.contains(expected) == true, "\(errors["file"] ?? "")")
            }
            #expect(try await OrganizationScope(database, organizationID: districts.north.organization.id).frameworks.all().isEmpty)
        }
    }

    @Test func aTwentyMegabyteFileIsRefusedWithoutBeingRead() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let big = Data(repeating: UInt8(ascii: " "), count: 20 * 1024 * 1024)
            await #expect(throws: FieldErrors.self) { try await StandardsService(districts.environment).importCASE(Actor(districts.north.admin), data: big) }
            #expect(try await OrganizationScope(database, organizationID: districts.north.organization.id).frameworks.all().isEmpty)
        }
    }

    @Test func exportThenImportGivesTheSameFramework() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = StandardsService(districts.environment)
            let original = try await north.importCASE(Actor(districts.north.admin), data: CASEFixtures.small()).definition
            // run: export from the north, import into the south
            let exported = try await north.exportCASE(Actor(districts.north.admin), original.framework.identifier, baseURI: "https://trellis.example")
            let copy = try await north.importCASE(Actor(districts.south.admin), data: exported).definition
            // check
            let south = try await north.framework(Actor(districts.south.admin), copy.framework.identifier)
            let stored = try await north.framework(Actor(districts.north.admin), original.framework.identifier)
            #expect(south.framework.identifier == stored.framework.identifier)
            #expect(south.standards.map(\.identifier) == stored.standards.map(\.identifier))
            #expect(south.standards.map(\.parentIdentifier) == stored.standards.map(\.parentIdentifier))
            #expect(south.standards.map(\.title) == stored.standards.map(\.title))
        }
    }

    @Test func anotherDistrictsFrameworkIsNotFound() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let north = try await standards.importCASE(Actor(districts.north.admin), data: CASEFixtures.small()).definition
            await #expect(throws: ServiceError.notFound) { try await standards.framework(Actor(districts.south.admin), north.framework.identifier) }
            await #expect(throws: ServiceError.forbidden) { try await standards.importCASE(Actor(districts.north.educator), data: CASEFixtures.small()) }
            #expect(try await standards.framework(Actor(districts.north.educator), north.framework.identifier).standards.count == 3)
        }
    }

    @Test func handMadeFrameworksCanBeEditedReorderedAndRetired() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let editor = FrameworkEditor(districts.environment)
            let standards = StandardsService(districts.environment)
            let admin = Actor(districts.north.admin)
            let framework = try await editor.createFramework(admin, title: "North Valley Priorities", description: "")
            // run
            let first = try await editor.addStandard(admin, to: framework.identifier, .init(code: "NV-1", title: "Belonging"))
            let second = try await editor.addStandard(admin, to: framework.identifier, .init(code: "NV-2", title: "Literacy"))
            _ = try await editor.addStandard(admin, to: framework.identifier, .init(code: "NV-2a", title: "Fluency", parentIdentifier: second.identifier))
            try await editor.move(admin, in: framework.identifier, second.identifier, up: true)
            try await editor.updateStandard(admin, in: framework.identifier, first.identifier, .init(code: "NV-1", title: "Belonging and safety"))
            try await editor.setRetired(admin, in: framework.identifier, first.identifier, retired: true)
            // check
            let stored = try await standards.framework(admin, framework.identifier)
            #expect(stored.standards.map(\.code) == ["NV-2", "NV-2a", "NV-1"])
            #expect(stored.standards.last?.title == "Belonging and safety")
            #expect(stored.standards.last?.isRetired == true)
            await #expect(throws: FieldErrors.self) { try await editor.addStandard(admin, to: framework.identifier, .init(code: "NV-2", title: "Again")) }
            await #expect(throws: FieldErrors.self) { try await editor.addStandard(admin, to: framework.identifier, .init(code: "", title: "")) }
            await #expect(throws: ServiceError.self) { try await editor.addStandard(admin, to: "wa-teacher-criteria", .init(code: "X", title: "Y")) }
        }
    }

    @Test func rolesDecideWhichStandardsAreSuggested() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let teacher = Actor(districts.north.educator), principal = Actor(districts.north.leader)
            let goal = "I will use exit tickets every week to adjust small-group instruction"
            // run + check: the defaults
            #expect(try await standards.suggestions(teacher, for: goal).first?.standard.code == "WA-T-6")
            #expect(try await standards.suggestions(principal, for: goal).allSatisfy { $0.standard.code.hasPrefix("WA-P") })
            // the district chooses the principal criteria for educators too
            try await standards.setRoleAssignments(Actor(districts.north.admin), [.educator: ["wa-principal-criteria"]])
            #expect(try await standards.suggestions(teacher, for: goal).allSatisfy { $0.standard.code.hasPrefix("WA-P") })
            await #expect(throws: FieldErrors.self) { try await standards.setRoleAssignments(Actor(districts.north.admin), [.educator: ["nope"]]) }
            #expect(try await standards.roleAssignments(Actor(districts.south.admin)) == StandardsService.defaultRoleAssignments)
        }
    }
}
