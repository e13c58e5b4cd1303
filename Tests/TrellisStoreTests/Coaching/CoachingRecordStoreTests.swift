import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// Cycles, sessions and alliance answers on both databases.
@Suite struct CoachingRecordStoreTests {
    @Test func cyclesAreCreatedFoundChangedByVersionAndListedByStart() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: districts.clock.now())
            let store = OrganizationScope(database, organizationID: north.organization.id).coachingCycles
            var later = CoachingCycle(id: .init("c2"), organizationID: north.organization.id, relationshipID: relationship.id, focus: "Later",
                                      startsOn: CalendarDate(iso: "2027-01-10")!)
            let earlier = CoachingCycle(id: .init("c1"), organizationID: north.organization.id, relationshipID: relationship.id, focus: "Earlier",
                                        lookFors: [LookFor(id: .init("l1"), text: "Turn and talk")], startsOn: CalendarDate(iso: "2026-10-01")!)
            // run
            try await store.create(later)
            try await store.create(earlier)
            later.focus = "Later, sharper"
            let version = try await store.update(later, expecting: 1)
            // check
            #expect(version == 2)
            #expect(try await store.find(.init("c2"))?.cycle.focus == "Later, sharper")
            #expect(try await store.cycles(relationship: relationship.id).map(\.cycle.id.rawValue) == ["c1", "c2"])
            #expect(try await store.find(.init("c1"))?.cycle.lookFors.first?.text == "Turn and talk")
            await #expect(throws: CoachingCycleStore.Conflict.self) { try await store.update(later, expecting: 1) }
            // another district does not find it
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).coachingCycles
            #expect(try await south.find(.init("c1")) == nil)
        }
    }

    @Test func sessionsKeepWhoWhereAndWhenInColumnsAndListInTimeOrder() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: districts.clock.now())
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let cycle = CoachingCycle(id: .init("c1"), organizationID: north.organization.id, relationshipID: relationship.id, focus: "Reading",
                                      startsOn: CalendarDate(iso: "2026-10-01")!)
            try await scope.coachingCycles.create(cycle)
            func session(_ id: String, _ date: String, _ time: String?, cycle: CoachingCycle.ID? = nil, kind: SessionKind = .planning) -> CoachingSession {
                CoachingSession(id: .init(id), organizationID: north.organization.id, relationshipID: relationship.id, cycleID: cycle, kind: kind,
                                timing: SessionTiming(date: CalendarDate(iso: date)!, startsAt: time.flatMap { ClockTime($0) }, minutes: 30))
            }
            // run
            try await scope.coachingSessions.create(session("late", "2026-10-14", "13:00", cycle: cycle.id), in: relationship, schoolID: north.school.id, at: Date())
            try await scope.coachingSessions.create(session("early", "2026-10-14", "9:05", cycle: cycle.id, kind: .observation), in: relationship,
                                                    schoolID: north.school.id, at: Date())
            try await scope.coachingSessions.create(session("hallway", "2026-10-14", nil, kind: .informal), in: relationship, schoolID: north.school.id, at: Date())
            var stored = try #require(try await scope.coachingSessions.find(.init("early")))
            var changed = stored.session
            changed.timing.minutes = 50
            changed.notes = [CoachingNote(id: .init("n1"), text: "Quiet table by the window", visibility: .coachOnly, writtenAt: Date())]
            try await scope.coachingSessions.update(changed, expecting: stored.version)
            // check
            #expect(try await scope.coachingSessions.sessions(relationship: relationship.id).map(\.session.id.rawValue) == ["hallway", "early", "late"])
            #expect(try await scope.coachingSessions.sessions(cycle: cycle.id).map(\.session.id.rawValue) == ["early", "late"])
            stored = try #require(try await scope.coachingSessions.find(.init("early")))
            #expect(stored.version == 2 && stored.session.notes.first?.text == "Quiet table by the window")
            await #expect(throws: CoachingSessionStore.Conflict.self) { try await scope.coachingSessions.update(changed, expecting: 1) }
            struct Row: Decodable, Sendable {
                let coachId: String, educatorId: String, schoolId: String?, kind: String, heldOn: String, startsMinute: Int?, minutes: Int
            }
            let row = try #require(try await database.withSQL { db in
                try await db.raw("SELECT coach_id, educator_id, school_id, kind, held_on, starts_minute, minutes FROM coaching_sessions WHERE id = 'early'")
                    .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            })
            #expect(row.coachId == north.coach.id.rawValue && row.educatorId == north.educator.id.rawValue)
            #expect(row.schoolId == north.school.id.rawValue && row.kind == "observation" && row.heldOn == "2026-10-14")
            #expect(row.startsMinute == 9 * 60 + 5 && row.minutes == 50)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).coachingSessions
            #expect(try await south.find(.init("early")) == nil)
        }
    }

    @Test func allianceAnswersComeOncePerSessionAndListByRelationship() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: districts.clock.now())
            let first = try await CaseloadFixtures.session(database, relationship, on: "2026-10-14", kind: .feedback, school: north.school.id)
            let second = try await CaseloadFixtures.session(database, relationship, on: "2026-11-20", kind: .feedback, school: north.school.id)
            let store = OrganizationScope(database, organizationID: north.organization.id).alliance
            // run
            try await store.add(AllianceAnswers(sessionID: second.id, answeredOn: CalendarDate(iso: "2026-11-20")!, answers: [5, 5, 4, 5]), relationship: relationship.id)
            try await store.add(AllianceAnswers(sessionID: first.id, answeredOn: CalendarDate(iso: "2026-10-14")!, answers: [3, 4, 4, 5]), relationship: relationship.id)
            // check
            await #expect(throws: StoreError.duplicate("alliance")) {
                try await store.add(AllianceAnswers(sessionID: first.id, answeredOn: CalendarDate(iso: "2026-10-15")!, answers: [1, 1, 1, 1]),
                                    relationship: relationship.id)
            }
            let all = try await store.answers(relationship: relationship.id)
            #expect(all.map(\.answers) == [[3, 4, 4, 5], [5, 5, 4, 5]])
            #expect(try await store.answers(session: first.id)?.answers == [3, 4, 4, 5])
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).alliance
            #expect(try await south.answers(relationship: relationship.id).isEmpty)
        }
    }

    @Test func aDistrictsCoachingQuestionsAreKeptAndCanBeCleared() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let scope = OrganizationScope(database, organizationID: districts.north.organization.id)
            #expect(try await scope.coachingQuestions() == nil)
            let bank = CoachingQuestions([.init(heading: "Listening", questions: ["What is on your mind?"])])
            try await scope.setCoachingQuestions(bank)
            #expect(try await scope.coachingQuestions() == bank)
            #expect(try await OrganizationScope(database, organizationID: districts.south.organization.id).coachingQuestions() == nil)
            try await scope.setCoachingQuestions(nil)
            #expect(try await scope.coachingQuestions() == nil)
        }
    }
}
