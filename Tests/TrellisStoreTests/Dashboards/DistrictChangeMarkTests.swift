import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// The district change mark: moved once by each transaction that writes what the dashboards and caseloads show, never by
/// one that rolls back, and what lets another instance keep its dashboard until something changes.
@Suite struct DistrictChangeMarkTests {
    @Test func aTransactionThatChangesWhatTheDashboardsShowMovesTheMarkOnce() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            await database.changeMarksWritten()
            let north = districts.north.organization.id, south = districts.south.organization.id
            let before = try await marks(database, north, south)
            // run: one transaction renames a person and changes their roles (two writes that move a dashboard)
            var renamed = districts.north.educator
            renamed.displayName = "Renamed Teacher"
            try await database.transaction { [renamed] tx in
                let people = OrganizationScope(tx, organizationID: north).people
                try await people.update(renamed)
                try await people.setRoles([.educator, .coach], of: renamed.id)
            }
            // check: north's mark moved by one; south's did not
            let after = try await marks(database, north, south)
            #expect(after.0 == before.0 + 1)
            #expect(after.1 == before.1)
        }
    }

    @Test func aRolledBackTransactionLeavesTheMarkAsItWas() async throws {
        struct Refused: Error {}
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            await database.changeMarksWritten()
            let north = districts.north.organization.id
            let before = try await marks(database, north, north).0
            // run
            await #expect(throws: Refused.self) {
                try await database.transaction { tx in
                    try await OrganizationScope(tx, organizationID: north).people.setRoles([.educator, .leader], of: districts.north.educator.id)
                    throw Refused()
                }
            }
            // check
            #expect(try await marks(database, north, north).0 == before)
        }
    }

    @Test func anotherInstanceKeepsItsDashboardUntilSomethingChanges() async throws {
        try await TestDatabase.withTwoInstances(recentReads: .milliseconds(300)) { first, second in
            // setup: the second instance makes a dashboard figure
            let districts = try await TestDistricts.make(first)
            await first.changeMarksWritten()
            let north = districts.north.organization.id
            let figures = OrganizationScope(second, organizationID: north).dashboardReads
            let made = MadeCount()
            #expect(try await figures.kept("school") { made.next() } == 1)
            // run + check: well past the lifetime of a kept read, with nothing changed, it is not made again
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await figures.kept("school") { made.next() } == 1)
            // the first instance writes a person the dashboard shows; once the second reads the mark again, it makes it anew
            var renamed = districts.north.educator
            renamed.displayName = "Renamed Teacher"
            try await first.transaction { [renamed] in try await OrganizationScope($0, organizationID: north).people.update(renamed) }
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await figures.kept("school") { made.next() } == 2)
        }
    }

    @Test func whatEveryPageShowsIsKeptOnAnotherInstanceThroughOtherChangesAndFollowsItsOwnWithinTheMarksLifetime() async throws {
        try await TestDatabase.withTwoInstances(recentReads: .milliseconds(300)) { first, second in
            // setup: the second instance reads what the navigation shows of a teacher (unread count, the cohorts link)
            let districts = try await TestDistricts.make(first)
            let north = districts.north, now = districts.clock.now()
            await first.changeMarksWritten()
            let there = OrganizationScope(second, organizationID: north.organization.id)
            #expect(try await there.notifications.unreadCount(for: north.educator.id) == 0)
            #expect(try await !there.cohorts.isInAnyCohort(north.educator.id))
            // run: a notification row added behind the stores' back (no mark moves), and a person renamed on the first
            // instance (the district's own mark moves), then well past a recent read's lifetime
            try await first.execute("""
                INSERT INTO notifications (id, organization_id, person_id, kind, message, link, created_at)
                VALUES ('behind', \(bind: north.organization.id.rawValue), \(bind: north.educator.id.rawValue), 'plan_signed', 'x', '/', 0)
                """)
            var renamed = north.colleague
            renamed.displayName = "Renamed Colleague"
            try await first.transaction { [renamed] in try await OrganizationScope($0, organizationID: north.organization.id).people.update(renamed) }
            await first.changeMarksWritten()
            try await Task.sleep(for: .milliseconds(500))
            // check: still the kept count, nothing of the notifications having been written through a store
            #expect(try await there.notifications.unreadCount(for: north.educator.id) == 0)
            // run: a notification and a cohort with the teacher in it, written on the first instance
            let here = OrganizationScope(first, organizationID: north.organization.id)
            try await here.notifications.add(PersonNotification(id: .init("here"), organizationID: north.organization.id, personID: north.educator.id,
                                                                kind: .reviewRequested, message: "Please review", link: "/reviews", createdAt: now))
            try await here.cohorts.create(Cohort(id: .init("cohort-north"), organizationID: north.organization.id, name: "Digital Learning Cohort",
                                                 facilitatorID: north.coach.id, schoolYear: SchoolYear(startingIn: 2026),
                                                 members: [CohortMember(personID: north.educator.id, role: "teacher")]), at: now)
            await first.changeMarksWritten()
            try await Task.sleep(for: .milliseconds(500))
            // check: the second instance read both marks again, and both anew
            #expect(try await there.notifications.unreadCount(for: north.educator.id) == 2)
            #expect(try await there.cohorts.isInAnyCohort(north.educator.id))
        }
    }
}

extension DistrictChangeMarkTests {
    @Test func whoIsSignedInIsKeptOnAnotherInstanceUntilAnAccessChangeWhichMovesItsMarkBeforeItAnswers() async throws {
        try await TestDatabase.withTwoInstances(recentReads: .milliseconds(300)) { first, second in
            // setup: the second instance reads a teacher's session and account, as every request of theirs does; it
            // asked for the session before the first created it, and keeps nothing of that absence
            let districts = try await TestDistricts.make(first)
            let north = districts.north, now = districts.clock.now()
            let teacher = north.educator.id, district = north.organization.id
            await first.changeMarksWritten()
            #expect(try await SessionStore(second).get(key: "teacher-session", now: now) == nil)
            #expect(try await SessionStore(first).create(key: "teacher-session", value: "signed in", expiresAt: nil))
            let there = OrganizationScope(second, organizationID: district)
            #expect(try await SessionStore(second).get(key: "teacher-session", now: now)?.value == "signed in")
            #expect(try await there.people.findAccount(teacher)?.person.isActive == true)
            // run: both rows changed behind the stores' back (no mark moves), then well past a recent read's lifetime
            try await first.execute("UPDATE sessions SET value = 'changed behind'")
            try await first.execute("UPDATE people SET display_name = 'Changed Behind' WHERE id = \(bind: teacher.rawValue)")
            try await Task.sleep(for: .milliseconds(500))
            // check: what the second instance kept is still what it answers
            #expect(try await SessionStore(second).get(key: "teacher-session", now: now)?.value == "signed in")
            #expect(try await there.people.findAccount(teacher)?.person.displayName == north.educator.displayName)
            // run: the first instance ends the session and deactivates the teacher, through the stores
            let before = try await marks(first, .init(DistrictChanges.sessions), .init(DistrictChanges.people(district.rawValue)))
            try await SessionStore(first).remove(key: "teacher-session")
            var deactivated = north.educator
            deactivated.isActive = false
            try await OrganizationScope(first, organizationID: district).people.update(deactivated)
            // check: both marks had moved when the writes answered (not in a write started afterwards) ...
            let after = try await marks(first, .init(DistrictChanges.sessions), .init(DistrictChanges.people(district.rawValue)))
            #expect(after.0 == before.0 + 1)
            #expect(after.1 == before.1 + 1)
            // ... and once the second instance read them again, it no longer knows the session, and the teacher is inactive
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await SessionStore(second).get(key: "teacher-session", now: now) == nil)
            #expect(try await there.people.findAccount(teacher)?.person.isActive == false)
        }
    }
}

/// Both districts' marks, read afresh.
private func marks(_ database: Database, _ one: Organization.ID, _ other: Organization.ID) async throws -> (Int, Int) {
    try await database.atomically { tx in
        (try await tx.districtChangeMark(one.rawValue), try await tx.districtChangeMark(other.rawValue))
    }
}

private final class MadeCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int { lock.withLock { count += 1; return count } }
}
