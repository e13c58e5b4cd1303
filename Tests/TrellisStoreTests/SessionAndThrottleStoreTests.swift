import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct SessionAndThrottleStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func sessionsExpireAndAreKeptOnlyAsHashes() async throws {
        try await TestDatabase.with { database in
            // setup
            let sessions = SessionStore(database)
            // run
            #expect(try await sessions.create(key: "secret-key", value: "{\"a\":1}", expiresAt: now.addingTimeInterval(60)))
            #expect(try await sessions.create(key: "secret-key", value: "{}", expiresAt: nil) == false)
            // check
            #expect(try await sessions.get(key: "secret-key", now: now)?.value == "{\"a\":1}")
            #expect(try await sessions.get(key: "secret-key", now: now.addingTimeInterval(61)) == nil)
            let stored: Int = try await database.withSQL { sql in
                let row = try await sql.raw("SELECT COUNT(*) AS n FROM sessions WHERE key_hash = 'secret-key'").first()
                return try row!.decode(column: "n", as: Int.self)
            }
            #expect(stored == 0)
            // an update without expiry keeps the old one
            try await sessions.set(key: "secret-key", value: "{\"a\":2}", expiresAt: nil)
            #expect(try await sessions.get(key: "secret-key", now: now)?.expiresAt != nil)
            try await sessions.removeExpired(now: now.addingTimeInterval(120))
            #expect(try await sessions.get(key: "secret-key", now: now) == nil)
        }
    }

    @Test func throttleStateRoundTripsAndClears() async throws {
        try await TestDatabase.with { database in
            // setup
            let throttle = ThrottleStore(database)
            let state = ThrottleState(failures: 4, lastFailureAt: now, lockedUntil: now.addingTimeInterval(900))
            // run
            try await throttle.save(state, for: "account:ada@school.org")
            try await throttle.save(state, for: "account:ada@school.org")
            // check
            #expect(try await throttle.state(for: "account:ada@school.org") == state)
            try await throttle.clear("account:ada@school.org")
            #expect(try await throttle.state(for: "account:ada@school.org") == ThrottleState())
        }
    }

    @Test func auditLogIsNewestFirstAndPerDistrict() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = OrganizationScope(database, organizationID: districts.north.organization.id).audit
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).audit
            for (index, kind) in [AuditEvent.Kind.signedIn, .rolesChanged, .signedOut].enumerated() {
                try await north.append(AuditEvent(id: .init("e\(index)"), organizationID: districts.north.organization.id, kind: kind,
                                                  actorID: districts.north.admin.id, subjectID: nil, detail: "<b>\(index)</b>",
                                                  address: "127.0.0.1", occurredAt: now.addingTimeInterval(Double(index))))
            }
            // run
            let events = try await north.recent()
            // check
            #expect(events.prefix(3).map(\.kind) == [.signedOut, .rolesChanged, .signedIn])
            #expect(events.first?.detail == "<b>2</b>")
            #expect(try await south.recent().allSatisfy { $0.organizationID == districts.south.organization.id })
            #expect(try await south.recent().contains { $0.id.rawValue == "e0" } == false)
        }
    }

    @Test func passwordResetLinksWorkOnceAndExpire() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let resets = OrganizationScope(database, organizationID: districts.north.organization.id).passwordResets
            let person = districts.north.educator.id
            try await resets.issue(token: "tok-1", for: person, by: nil, at: now, expiresAt: now.addingTimeInterval(3600))
            try await resets.issue(token: "tok-2", for: person, by: nil, at: now, expiresAt: now.addingTimeInterval(3600))
            // run + check: the newer link replaces the older; it works once; the other district cannot redeem it
            #expect(try await PasswordResetLookup(database).find(token: "tok-1", at: now) == nil)
            let southResets = OrganizationScope(database, organizationID: districts.south.organization.id).passwordResets
            #expect(try await southResets.redeem(token: "tok-2", at: now) == nil)
            #expect(try await PasswordResetLookup(database).find(token: "tok-2", at: now.addingTimeInterval(3601)) == nil)
            #expect(try await resets.redeem(token: "tok-2", at: now) == person)
            #expect(try await resets.redeem(token: "tok-2", at: now) == nil)
        }
    }
}
