import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

@Suite struct RecentReadsTests {
    @Test func aChangeWrittenHereIsSeenAtOnce() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = OrganizationScope(database, organizationID: districts.north.organization.id).people
            let teacher = districts.north.educator
            let before = try #require(try await people.findAccount(teacher.id))
            // run + check: roles, deactivation and a new password each show on the very next read
            try await people.setRoles([.educator, .coach], of: teacher.id)
            #expect(try await people.find(teacher.id)?.roles == [.educator, .coach])
            var inactive = teacher
            inactive.isActive = false
            try await people.update(inactive)
            #expect(try await people.find(teacher.id)?.isActive == false)
            _ = try await people.setPasswordHash("new hash", of: teacher.id)
            #expect(try await people.findAccount(teacher.id)?.credentialVersion == before.credentialVersion + 1)
        }
    }

    @Test func aSignOutIsSeenAtOnce() async throws {
        try await TestDatabase.with { database in
            // setup
            let sessions = SessionStore(database)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            _ = try await sessions.create(key: "key", value: "{}", expiresAt: now.addingTimeInterval(600))
            #expect(try await sessions.get(key: "key", now: now) != nil)
            // run
            try await sessions.remove(key: "key")
            // check
            #expect(try await sessions.get(key: "key", now: now) == nil)
        }
    }

    @Test func aRoleChangedOnAnotherInstanceIsSeenWithinTheLifetime() async throws {
        try await TestDatabase.withTwoInstances(recentReads: .milliseconds(300)) { first, second in
            // setup: this instance read the teacher a moment ago; another instance of the installation changes a role
            let districts = try await TestDistricts.make(first)
            let organization = districts.north.organization.id, teacher = districts.north.educator
            let people = OrganizationScope(second, organizationID: organization).people
            #expect(try await people.find(teacher.id)?.roles == [.educator])
            try await OrganizationScope(first, organizationID: organization).people.setRoles([.educator, .coach], of: teacher.id)
            // run
            try await Task.sleep(for: second.recentReads.lifetime + .milliseconds(100))
            // check
            #expect(try await people.find(teacher.id)?.roles == [.educator, .coach])
        }
    }

    @Test func nothingReadInsideATransactionIsKept() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let organization = districts.north.organization.id
            let teacher = districts.north.educator
            // run: a transaction gives the teacher a role, reads it, then fails
            await #expect(throws: CancellationError.self) {
                try await database.transaction { tx in
                    let people = OrganizationScope(tx, organizationID: organization).people
                    try await people.setRoles([.educator, .districtAdmin], of: teacher.id)
                    #expect(try await people.find(teacher.id)?.roles.contains(.districtAdmin) == true)
                    throw CancellationError()
                }
            }
            // check: the rolled-back role is not remembered
            #expect(try await OrganizationScope(database, organizationID: organization).people.find(teacher.id)?.roles == [.educator])
        }
    }

    @Test func entriesLastTheirLifetimeAndNoLonger() async throws {
        // setup
        let reads = RecentReads(lifetime: .milliseconds(50))
        let off = RecentReads(lifetime: .zero)
        // run
        reads.keep("value", "key", readSince: reads.ticket())
        off.keep("value", "key", readSince: off.ticket())
        // check
        #expect(reads.value("key", as: String.self) == "value")
        #expect(off.value("key", as: String.self) == nil, "a lifetime of zero keeps nothing")
        try await Task.sleep(for: .milliseconds(80))
        #expect(reads.value("key", as: String.self) == nil)
    }

    @Test func aPlanSavedElsewhereIsShownWithinTheLifetimeAndChangedOnlyFromItsLatestVersion() async throws {
        try await TestDatabase.with { database in
            // setup: this instance shows a plan; another instance then saves it
            let districts = try await TestDistricts.make(database)
            let plans = OrganizationScope(database, organizationID: districts.north.organization.id).plans
            let plan = GrowthPlan(id: .init(UUID().uuidString), organizationID: districts.north.organization.id,
                                  ownerID: districts.north.educator.id, schoolYear: SchoolYear(startingIn: 2026))
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            try await plans.create(plan, at: now)
            #expect(try await plans.find(plan.id)?.version == 1)
            try await database.execute("UPDATE growth_plans SET version = 2 WHERE id = \(bind: plan.id.rawValue)")
            // run + check: a change starts from the latest version, so the old one cannot overwrite it
            #expect(try await plans.find(plan.id, latest: true)?.version == 2)
            await #expect(throws: PlanStore.Conflict.self) { try await plans.save(plan, expecting: 1, at: now) }
            // a save here is seen here at once
            #expect(try await plans.save(plan, expecting: 2, at: now) == 3)
            #expect(try await plans.find(plan.id)?.version == 3)
        }
    }

    @Test func forgettingAPrefixForgetsExactlyTheKeysThatStartWithIt() {
        // setup: keys of two districts' caseloads, a dashboard, and keys without a "/"
        let reads = RecentReads(lifetime: .seconds(2))
        let keys = ["caseload:d1/coach1@2026-12-01", "caseload:d1/coach1@kept:name", "caseload:d1/coach2@2026-12-01",
                    "caseload:d2/coach1@2026-12-01", "dashboard:d1/school:s1", "session:abc", "sessions-other"]
        for key in keys { reads.keep(key, key, readSince: reads.ticket()) }
        // run
        reads.forgetAll(startingWith: "caseload:d1/coach1@")
        reads.forgetAll(startingWith: "session:")
        // check
        let left = keys.filter { reads.value($0, as: String.self) != nil }
        #expect(left == ["caseload:d1/coach2@2026-12-01", "caseload:d2/coach1@2026-12-01", "dashboard:d1/school:s1", "sessions-other"])
        // a key kept again after the forget is kept, and a whole district's prefix still finds it
        reads.keep("again", "caseload:d1/coach1@2026-12-01", readSince: reads.ticket())
        #expect(reads.value("caseload:d1/coach1@2026-12-01", as: String.self) == "again")
        reads.forgetAll(startingWith: "caseload:d1/")
        #expect(reads.value("caseload:d1/coach1@2026-12-01", as: String.self) == nil)
        #expect(reads.value("caseload:d1/coach2@2026-12-01", as: String.self) == nil)
        #expect(reads.value("caseload:d2/coach1@2026-12-01", as: String.self) == "caseload:d2/coach1@2026-12-01")
    }

    @Test func aReadThatBeganBeforeAWriteIsNotKept() {
        // setup: a read starts, and a write forgets its key before the read is done
        let reads = RecentReads(lifetime: .seconds(2))
        let ticket = reads.ticket()
        reads.forget("person:1")
        reads.forgetAll(startingWith: "session:")
        // run
        reads.keep("old row", "person:1", readSince: ticket)
        reads.keep("old session", "session:abc", readSince: ticket)
        reads.keep("unrelated", "person:2", readSince: ticket)
        // check
        #expect(reads.value("person:1", as: String.self) == nil)
        #expect(reads.value("session:abc", as: String.self) == nil)
        #expect(reads.value("person:2", as: String.self) == "unrelated")
        // a read that starts after the write is kept
        reads.keep("new row", "person:1", readSince: reads.ticket())
        #expect(reads.value("person:1", as: String.self) == "new row")
    }

    @Test func aReaderDuringATransactionDoesNotKeepTheRowItIsChanging() async throws {
        try await TestDatabase.with(connections: 4) { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let organization = districts.north.organization.id
            let teacher = districts.north.educator
            let outside = OrganizationScope(database, organizationID: organization).people
            // run: a transaction changes the roles; before it commits, another request reads the person (old roles)
            try await database.transaction { tx in
                try await OrganizationScope(tx, organizationID: organization).people.setRoles([.educator, .coach], of: teacher.id)
                #expect(try await outside.find(teacher.id)?.roles == [.educator], "not committed yet")
            }
            // check: after the commit, the next read sees the change at once
            #expect(try await outside.find(teacher.id)?.roles == [.educator, .coach])
        }
    }
}
