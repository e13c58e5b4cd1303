import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// API tokens on both databases: found by the hash of their secret with the owner's current record, kept within their
/// district, revoked once, and their use noted at most once a minute.
@Suite struct APITokenStoreTests {
    static func token(_ id: String, of person: Person, kind: APIGrant.Kind = .personal, at date: Date, expiresAt: Date? = nil) -> APIToken {
        APIToken(id: .init(id), organizationID: person.organizationID, personID: person.id, kind: kind, name: "Sync \(id)",
                 prefix: "trl_abcd1234", scopes: [.plansRead, .schoolsRead], createdAt: date, expiresAt: expiresAt)
    }

    @Test func aTokenIsFoundByItsHashWithItsOwnersCurrentRolesAndOnlyInItsDistrict() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let coach = districts.north.coach, now = districts.clock.now()
            let north = OrganizationScope(database, organizationID: coach.organizationID)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            try await north.apiTokens.create(Self.token("t1", of: coach, at: now), secretHash: "hash-one")
            // run
            let found = try #require(try await APITokenLookup(database).find(secretHash: "hash-one"))
            // check: the token as stored, the owner with every role; nothing under another hash or in another district
            #expect(found.token.id == .init("t1") && found.token.scopes == [.plansRead, .schoolsRead] && found.token.kind == .personal)
            #expect(found.token.prefix == "trl_abcd1234" && found.token.lastUsedAt == nil && found.token.revokedAt == nil)
            #expect(found.owner.id == coach.id && found.owner.roles == [.coach, .educator] && found.owner.isActive)
            #expect(try await APITokenLookup(database).find(secretHash: "hash-two") == nil)
            #expect(try await south.apiTokens.find(.init("t1")) == nil)
            #expect(try await south.apiTokens.tokens(ownedBy: coach.id).isEmpty)
            #expect(try await north.apiTokens.tokens(ownedBy: coach.id).map(\.id) == [.init("t1")])

            // run: the roles change and the person is deactivated; check: the next lookup sees it, nothing kept
            _ = try await north.people.find(coach.id)
            try await north.people.setRoles([.educator], of: coach.id)
            var changed = coach
            changed.roles = [.educator]
            changed.isActive = false
            try await north.people.update(changed)
            let after = try #require(try await APITokenLookup(database).find(secretHash: "hash-one"))
            #expect(after.owner.roles == [.educator] && !after.owner.isActive)
        }
    }

    @Test func aHashIsUniqueAcrossTheInstallation() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let now = districts.clock.now()
            try await OrganizationScope(database, organizationID: districts.north.organization.id).apiTokens
                .create(Self.token("t1", of: districts.north.educator, at: now), secretHash: "same")
            // run + check
            await #expect(throws: (any Error).self) {
                try await OrganizationScope(database, organizationID: districts.south.organization.id).apiTokens
                    .create(Self.token("t2", of: districts.south.educator, at: now), secretHash: "same")
            }
        }
    }

    @Test func personalAndServiceTokensAreListedApartAndRevokedOnce() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let admin = districts.north.admin, clock = districts.clock
            let store = OrganizationScope(database, organizationID: admin.organizationID).apiTokens
            try await store.create(Self.token("own", of: admin, at: clock.now()), secretHash: "h1")
            try await store.create(Self.token("hr", of: admin, kind: .service, at: clock.now().addingTimeInterval(1)), secretHash: "h2")
            try await store.create(Self.token("sis", of: districts.north.leader, kind: .service, at: clock.now().addingTimeInterval(2)), secretHash: "h3")
            // run + check: the admin's own list holds only their personal token; the district's all service tokens, newest first
            #expect(try await store.tokens(ownedBy: admin.id).map(\.id.rawValue) == ["own"])
            #expect(try await store.tokens(ownedBy: nil).map(\.id.rawValue) == ["sis", "hr"])
            // run: revoke twice, a minute apart
            let first = clock.now()
            try await store.revoke(.init("hr"), at: first)
            try await store.revoke(.init("hr"), at: first.addingTimeInterval(60))
            // check: the first time stays
            #expect(try await store.find(.init("hr"))?.revokedAt == Date(millisecondsSince1970: first.millisecondsSince1970))
            #expect(try await store.find(.init("own"))?.revokedAt == nil)
        }
    }

    @Test func useIsNotedAtMostOnceAMinuteAndExpiryIsKept() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let teacher = districts.north.educator, now = districts.clock.now()
            let store = OrganizationScope(database, organizationID: teacher.organizationID).apiTokens
            let expiry = now.addingTimeInterval(86_400)
            try await store.create(Self.token("t1", of: teacher, at: now, expiresAt: expiry), secretHash: "h1")
            // run: used now, 30 s later, 61 s later
            try await store.noteUse(.init("t1"), at: now)
            try await store.noteUse(.init("t1"), at: now.addingTimeInterval(30))
            let afterHalfAMinute = try await store.find(.init("t1"))
            try await store.noteUse(.init("t1"), at: now.addingTimeInterval(61))
            let afterAMinute = try await store.find(.init("t1"))
            // check
            #expect(afterHalfAMinute?.lastUsedAt == Date(millisecondsSince1970: now.millisecondsSince1970))
            #expect(afterAMinute?.lastUsedAt == Date(millisecondsSince1970: now.addingTimeInterval(61).millisecondsSince1970))
            let token = try #require(afterAMinute)
            #expect(token.expiresAt == Date(millisecondsSince1970: expiry.millisecondsSince1970))
            #expect(token.isLive(at: now) && !token.isLive(at: expiry))
        }
    }
}
