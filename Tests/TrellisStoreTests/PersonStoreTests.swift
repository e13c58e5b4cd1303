import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct PersonStoreTests {
    @Test func keepsNamesExactlyAndRolesTogether() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = OrganizationScope(database, organizationID: districts.north.organization.id).people
            // run
            let found = try #require(try await people.find(districts.north.leader.id))
            let coach = try #require(try await people.find(districts.north.coach.id))
            // check
            #expect(found.displayName == "Nguyễn Thị Hồng")
            #expect(try await people.find(districts.north.educator.id)?.displayName == "Zoë Ångström")
            #expect(coach.roles == [.coach, .educator])
            #expect(try await people.find(email: EmailAddress("COACH@north.example")!)?.id == coach.id)
        }
    }

    @Test func anotherDistrictsIdsAreNotFoundWhateverTheId() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = OrganizationScope(database, organizationID: districts.north.organization.id)
            let southPerson = districts.south.educator
            // run + check
            #expect(try await north.people.find(southPerson.id) == nil)
            #expect(try await north.people.findAccount(southPerson.id) == nil)
            #expect(try await north.schools.find(districts.south.school.id) == nil)
            #expect(try await north.people.all().allSatisfy { $0.organizationID == districts.north.organization.id })
            #expect(try await north.people.names(of: [southPerson.id]).isEmpty)
            var moved = southPerson
            moved.displayName = "Changed from the north"
            await #expect(throws: StoreError.notFound) { try await north.people.update(moved) }
            await #expect(throws: StoreError.notFound) { try await north.people.setPasswordHash("x", of: southPerson.id) }
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            #expect(try await south.people.find(southPerson.id)?.displayName == southPerson.displayName)
        }
    }

    @Test func emailIsUniqueAcrossTheInstallation() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            let copy = Person(id: .init(UUID().uuidString), organizationID: districts.south.organization.id,
                              email: districts.north.educator.email, displayName: "Copy", schoolID: nil, roles: [.educator])
            // run + check
            await #expect(throws: StoreError.duplicate("email")) {
                try await south.people.create(copy, passwordHash: nil, at: Date())
            }
        }
    }

    @Test func passwordChangeMovesTheCredentialVersion() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = OrganizationScope(database, organizationID: districts.north.organization.id).people
            let before = try #require(try await people.findAccount(districts.north.educator.id)).credentialVersion
            // run
            let after = try await people.setPasswordHash("new-hash", of: districts.north.educator.id)
            // check
            #expect(after == before + 1)
            #expect(try await people.passwordHash(of: districts.north.educator.id) == "new-hash")
        }
    }
}
