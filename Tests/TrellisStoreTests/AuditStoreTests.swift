import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct AuditStoreTests {
    /// Later than anything the test districts write, so a date filter from here sees only a test's own events.
    let base = Date(timeIntervalSince1970: 2_000_000_000)

    /// Appends `kinds` one second apart from `base`, by `actor` (or the admin) and about `subject`.
    private func append(_ kinds: [AuditEvent.Kind], to store: AuditStore, districts: TestDistricts, startingAt second: Int = 0,
                        actor: Person.ID? = nil, subject: Person.ID? = nil) async throws {
        for (index, kind) in kinds.enumerated() {
            let at = second + index
            try await store.append(AuditEvent(id: .init("e\(at)-\(kind.rawValue)"), organizationID: store.organizationID, kind: kind,
                                              actorID: actor ?? districts.north.admin.id, subjectID: subject, detail: "event \(at)",
                                              address: nil, occurredAt: base.addingTimeInterval(Double(at))))
        }
    }

    @Test func filtersByKindPersonAndDate() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = OrganizationScope(database, organizationID: districts.north.organization.id).audit
            let teacher = districts.north.educator.id
            try await append([.signedIn, .rolesChanged, .signedOut, .signInFailed], to: north, districts: districts)
            try await append([.personUpdated], to: north, districts: districts, startingAt: 10, subject: teacher)
            try await append([.signedIn], to: north, districts: districts, startingAt: 20, actor: teacher)
            let mine = AuditFilter(kinds: .all, from: base)
            // run
            let everything = try await north.page(mine).entries.map(\.event.detail)
            let routineHidden = try await north.page(AuditFilter(from: base)).entries.map(\.event.kind)
            let onlyFailed = try await north.page(AuditFilter(kinds: .only(.signInFailed))).entries.map(\.event.detail)
            let teachers = try await north.page(mine, people: [teacher]).entries.map(\.event.detail)
            let window = try await north.page(AuditFilter(kinds: .all, from: base.addingTimeInterval(1), until: base.addingTimeInterval(10)))
            // check
            #expect(everything == ["event 20", "event 10", "event 3", "event 2", "event 1", "event 0"], "newest first")
            #expect(routineHidden == [.personUpdated, .signInFailed, .rolesChanged], "sign-ins and sign-outs hidden, failures kept")
            #expect(onlyFailed == ["event 3"])
            #expect(teachers == ["event 20", "event 10"], "events by the person and events about them")
            #expect(window.entries.map(\.event.detail) == ["event 3", "event 2", "event 1"], "from is inclusive, until exclusive")
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).audit
            #expect(try await south.page(mine).entries.isEmpty, "another district's log is not this one's")
        }
    }

    @Test func pagesByCursorBothWaysWithoutShiftingWhenEventsArrive() async throws {
        try await TestDatabase.with { database in
            // setup: 120 events, the last 60 all in the same second, so a page boundary falls among equal times
            let districts = try await TestDistricts.make(database)
            let north = OrganizationScope(database, organizationID: districts.north.organization.id).audit
            try await append(Array(repeating: .personUpdated, count: 60), to: north, districts: districts)
            for index in 0..<60 {
                try await north.append(AuditEvent(id: .init("tie\(index)"), organizationID: north.organizationID, kind: .personUpdated,
                                                  actorID: nil, subjectID: nil, detail: "tie \(index)", address: nil,
                                                  occurredAt: base.addingTimeInterval(500)))
            }
            let filter = AuditFilter(kinds: .all, from: base)
            // run
            let first = try await north.page(filter, limit: 50)
            let second = try await north.page(filter, from: .olderThan(try #require(first.entries.last).sequence), limit: 50)
            try await append([.personUpdated], to: north, districts: districts, startingAt: 1000)
            let third = try await north.page(filter, from: .olderThan(try #require(second.entries.last).sequence), limit: 50)
            let back = try await north.page(filter, from: .newerThan(try #require(second.entries.first).sequence), limit: 50)
            // check
            #expect(first.entries.count == 50 && first.hasOlder && !first.hasNewer)
            #expect(first.entries.prefix(3).map(\.event.detail) == ["tie 59", "tie 58", "tie 57"], "same time: the later write first")
            #expect(second.entries.count == 50 && second.hasOlder && second.hasNewer)
            #expect(second.entries.first?.event.detail == "tie 9", "the rest of the same second starts the next page")
            #expect(third.entries.count == 20 && !third.hasOlder && third.hasNewer)
            #expect(third.entries.last?.event.detail == "event 0")
            let all = (first.entries + second.entries + third.entries).map(\.event.id)
            #expect(Set(all).count == 120, "no event twice and none skipped, although one arrived meanwhile")
            #expect(back.entries.map(\.event.id) == first.entries.map(\.event.id), "Newer from page 2 gives page 1 again")
            #expect(back.hasNewer, "the event that arrived meanwhile is above page 1")
            let gone = try await north.page(filter, from: .olderThan(999_999_999), limit: 50)
            #expect(gone.entries.first?.event.detail == "event 1000", "an unknown cursor starts from the newest")
        }
    }

    @Test func findsPeopleByPartOfANameOrEmailInOneDistrict() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = OrganizationScope(database, organizationID: districts.north.organization.id).audit
            // run + check
            #expect(try await north.people(matching: "ångström", limit: 10) == [districts.north.educator.id])
            #expect(try await north.people(matching: "ÅNGSTRÖM", limit: 10) == [districts.north.educator.id])
            #expect(try await north.people(matching: "zoë", limit: 10) == [districts.north.educator.id])
            #expect(try await north.people(matching: "COACH@north", limit: 10) == [districts.north.coach.id])
            #expect(try await north.people(matching: "%", limit: 10).isEmpty, "LIKE wildcards are plain characters")
            #expect(try await north.people(matching: "_", limit: 10).isEmpty)
            #expect(try await north.people(matching: "a", limit: 2).count == 2)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).audit
            #expect(try await south.people(matching: "Ångström", limit: 10) == [districts.south.educator.id])
        }
    }
}
