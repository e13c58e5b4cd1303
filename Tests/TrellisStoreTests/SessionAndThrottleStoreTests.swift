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

    @Test func parallelReservationsEachGetTheirOwnCount() async throws {
        try await TestDatabase.with { database in
            // setup
            let throttle = ThrottleStore(database)
            let key = "account:ada@school.org", cutoff = now.addingTimeInterval(-900)
            // run: 25 attempts reserved at once, as parallel sign-ins do
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<25 {
                    group.addTask { try await throttle.reserveAttempt(for: key, at: now, forgettingBefore: cutoff).failures }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            // check: no two saw the same count, so none was judged on a stale one
            #expect(counts.sorted() == Array(1...25))
            #expect(try await throttle.state(for: key).failures == 25)
        }
    }

    @Test func reservationsAreReleasedRecordedAndForgotten() async throws {
        try await TestDatabase.with { database in
            // setup
            let throttle = ThrottleStore(database)
            let key = "address:10.0.0.1", cutoff = now.addingTimeInterval(-900)
            _ = try await throttle.reserveAttempt(for: key, at: now, forgettingBefore: cutoff)
            _ = try await throttle.reserveAttempt(for: key, at: now, forgettingBefore: cutoff)
            // run
            try await throttle.releaseAttempt(for: key)
            try await throttle.recordFailure(for: key, at: now.addingTimeInterval(5), lockedUntil: nil)
            let afterOne = try await throttle.state(for: key)
            let later = now.addingTimeInterval(2000)
            let restarted = try await throttle.reserveAttempt(for: key, at: later, forgettingBefore: later.addingTimeInterval(-900))
            try await throttle.recordFailure(for: key, at: later, lockedUntil: later.addingTimeInterval(60))
            // check: one failure was left at the recorded time; after the window the count starts again; a lock resets it
            #expect(afterOne == ThrottleState(failures: 1, lastFailureAt: now.addingTimeInterval(5)))
            #expect(restarted == ThrottleState(failures: 1, lastFailureAt: later))
            #expect(try await throttle.state(for: key) == ThrottleState(failures: 0, lastFailureAt: later, lockedUntil: later.addingTimeInterval(60)))
            try await throttle.releaseAttempt(for: key)
            #expect(try await throttle.state(for: key).failures == 0, "never below zero")
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
