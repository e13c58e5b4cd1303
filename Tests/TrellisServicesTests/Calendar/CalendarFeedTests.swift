import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisServices
@testable import TrellisStore

/// The feed as a calendar application reads it: parsed by Python's `icalendar` (`e2e/tools/ics_check.py`).
@Suite struct CalendarFeedTests {
    struct Parsed: Decodable {
        struct Event: Decodable {
            let uid: String
            let summary: String
            let location: String
            let allDay: Bool
            let start: String
            let end: String
            let tzid: String?
            let utcOffsetHours: Double?
            let hasDtstamp: Bool
        }
        let version: String
        let events: [Event]
        let timezones: [String]
    }

    static func parse(_ feed: String) throws -> Parsed {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-\(UUID().uuidString).ics")
        try feed.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Parsed.self, from: Data(try PythonTools.run("ics_check.py", [file.path]).utf8))
    }

    @Test func theFeedHasDeadlinesStepsAndSessionsThatACalendarApplicationReads() async throws {
        try await TestDatabase.with { database in
            // setup: a district deadline, a plan step due in February, a timed session (winter: UTC-8) and one in June
            // (summer: UTC-7), and an untimed contact
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north, teacher = north.educator
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            try await scope.deadlines.set(.midYearCheckInBy, school: nil, schoolYear: 2026, dueOn: CalendarDate(iso: "2027-01-29")!,
                                          id: .init("dl-mid"))
            var plan = try await ReadyPlans.readyForReview(database, owner: teacher, at: env.clock.now())
            plan.goals[0].actionSteps[0].dueDate = CalendarDate(iso: "2027-02-26")
            plan.goals[0].actionSteps[0].what = "Share exit tickets; discuss, then regroup"
            _ = try await scope.plans.save(plan, expecting: 1, at: env.clock.now())
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: teacher,
                                                                       startedAt: env.clock.now())
            let winter = try await CaseloadFixtures.session(database, relationship, on: "2026-12-03", at: "15:30", minutes: 45,
                                                            kind: .observation, school: north.school.id)
            try await CaseloadFixtures.session(database, relationship, on: "2027-06-03", at: "09:00", school: north.school.id)
            try await CaseloadFixtures.session(database, relationship, on: "2026-11-10", kind: .informal, school: north.school.id)
            let feeds = CalendarFeedService(env)
            let token = try await feeds.reset(Actor(teacher))

            // run
            let text = try #require(try await feeds.feed(token: token))
            let parsed = try Self.parse(text)

            // check: the standard's shape, each kind of entry, the zone understood (offsets in winter and summer)
            #expect(parsed.version == "2.0")
            #expect(parsed.timezones == ["America/Los_Angeles"])
            #expect(parsed.events.count == 5)
            #expect(parsed.events.allSatisfy { $0.hasDtstamp })
            let byUID = Dictionary(uniqueKeysWithValues: parsed.events.map { ($0.uid, $0) })
            let deadline = try #require(byUID["deadline-dl-mid@trellis"])
            #expect(deadline.allDay && deadline.start == "2027-01-29" && deadline.end == "2027-01-30")
            let step = try #require(byUID["step-step-1@trellis"])
            #expect(step.allDay && step.start == "2027-02-26" && step.summary == "Step due: Share exit tickets; discuss, then regroup")
            let observation = try #require(byUID["session-\(winter.id)@trellis"])
            #expect(!observation.allDay && observation.tzid == "America/Los_Angeles" && observation.utcOffsetHours == -8)
            #expect(observation.start == "2026-12-03T15:30:00-08:00" && observation.end == "2026-12-03T16:15:00-08:00")
            #expect(observation.summary == "Observation with \(north.coach.displayName)")
            let june = try #require(parsed.events.first { $0.start.hasPrefix("2027-06-03") })
            #expect(june.utcOffsetHours == -7)
            #expect(parsed.events.contains { $0.allDay && $0.start == "2026-11-10" && $0.summary.hasPrefix("Informal contact") })

            // run + check: the UIDs stay the same in a later fetch; the coach's feed names the educator
            districts.clock.advance(by: 86400)
            let again = try Self.parse(try #require(try await feeds.feed(token: token)))
            #expect(Set(again.events.map(\.uid)) == Set(parsed.events.map(\.uid)))
            let coachToken = try await feeds.reset(Actor(north.coach))
            let coachFeed = try Self.parse(try #require(try await feeds.feed(token: coachToken)))
            #expect(coachFeed.events.contains { $0.summary == "Observation with \(teacher.displayName)" })
            #expect(!coachFeed.events.contains { $0.uid.hasPrefix("step-") }, "another's steps are not in the coach's calendar")
        }
    }

    @Test func aWrongOrResetTokenOpensNothing() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let feeds = CalendarFeedService(districts.environment), teacher = Actor(districts.north.educator)
            let first = try await feeds.reset(teacher)
            // run: a new address, then none
            let second = try await feeds.reset(teacher)
            // check
            #expect(try await feeds.feed(token: first) == nil)
            #expect(try await feeds.feed(token: second) != nil)
            #expect(try await feeds.feed(token: second + "x") == nil)
            #expect(try await feeds.feed(token: "") == nil)
            try await feeds.remove(teacher)
            #expect(try await feeds.feed(token: second) == nil)
            #expect(try await feeds.addressMadeAt(teacher) == nil)
        }
    }
}
