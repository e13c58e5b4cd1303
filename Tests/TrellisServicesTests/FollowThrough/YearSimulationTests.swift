import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// A whole school year replayed day by day: 300 educators with scripted activity, the runner's `runDue` each morning
/// from August to June (as `trellis jobs run-due --now` does), and then what everyone was told, checked against the
/// script: every stalled plan flagged within 7 days, every deadline reminded once to exactly those who still owed it,
/// nobody told anything twice.
@Suite struct YearSimulationTests {
    /// One educator's year, written in advance: when their plan starts, each day they show a sign of life, and when
    /// they reflect and submit.
    struct Script {
        let index: Int
        let person: Person
        let school: School
        let createdOn: CalendarDate?
        let activeOn: CalendarDate?
        let checkIns: [CalendarDate]
        let sessions: [CalendarDate]
        let reflectedOn: CalendarDate?
        let submittedOn: CalendarDate?
        let sharedWithCoach: Bool

        /// Where their plan stood at the start of `day` (the run comes before the day's own activity).
        func facts(before day: CalendarDate) -> PlanProgressFacts {
            guard let created = createdOn, created < day else { return PlanProgressFacts(status: nil) }
            var status = PlanStatus.draft
            if let active = activeOn, active < day { status = .active }
            if let submitted = submittedOn, submitted < day { status = .inReview }
            return PlanProgressFacts(status: status, lastCheckIn: checkIns.filter { $0 < day }.max(),
                                     reflectionWritten: reflectedOn.map { $0 < day } ?? false)
        }

        /// Every day the plan showed a sign of life while it was being worked.
        var activity: [CalendarDate] {
            Array(Set(([createdOn, activeOn, reflectedOn].compactMap { $0 }) + checkIns + sessions)).sorted()
        }

        /// The stalls the rule predicts: each gap of more than 35 days (rhythm 28 + grace 7) in the plan's life while
        /// active, starting on the 36th quiet day, up to the last day simulated.
        func expectedStalls(through last: CalendarDate) -> [CalendarDate] {
            guard let active = activeOn else { return [] }
            let end = min(submittedOn ?? last, last)
            let days = activity.filter { $0 >= active && $0 <= end }
            var stalls: [CalendarDate] = []
            for (index, day) in days.enumerated() {
                let next = index + 1 < days.count ? days[index + 1] : nil
                let since = day.adding(days: 36)!
                // Stalled on a day the scan ran (a run on `since` sees the activity before it), and before the plan moved on.
                if since <= end, next.map({ since <= $0 }) ?? true { stalls.append(since) }
            }
            return stalls
        }
    }

    static func date(_ day: CalendarDate, hourUTC: Int) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hourUTC))!
    }

    static func script(_ i: Int, person: Person, school: School) -> Script {
        let d = { (iso: String, plus: Int) in CalendarDate(iso: iso)!.adding(days: plus)! }
        let created = i % 10 == 9 ? nil : d("2026-08-20", i % 20)
        // Some start their plan weeks after the district's date; a few never do.
        let active = created.flatMap { i % 10 == 8 ? nil : $0.adding(days: 5 + i % 40) }
        var checkIns: [CalendarDate] = []
        var sessions: [CalendarDate] = []
        if let active {
            let kind = i % 3
            var day = active.adding(days: 20)!
            let quit = d("2026-11-01", i % 60)
            let gapStart = d("2026-12-01", 0), gapEnd = d("2027-01-20", i % 10)
            while day <= CalendarDate(iso: "2027-06-20")! {
                switch kind {
                case 0: checkIns.append(day)
                case 1: if day <= quit { checkIns.append(day) }
                default: if day <= gapStart || day >= gapEnd { checkIns.append(day) }
                }
                day = day.adding(days: 20)!
            }
            // Some who stop checking in keep meeting their coach: coaching contact alone keeps a plan alive.
            if kind == 1 && i % 5 == 1 {
                var meeting = quit
                while meeting <= CalendarDate(iso: "2027-06-20")! { sessions.append(meeting); meeting = meeting.adding(days: 25)! }
            }
        }
        let reflected = active != nil && i % 2 == 0 ? d("2027-05-01", i % 20) : nil
        let submitted = reflected != nil && i % 4 == 0 ? d("2027-05-25", i % 15) : nil
        return Script(index: i, person: person, school: school, createdOn: created, activeOn: active, checkIns: checkIns,
                      sessions: sessions, reflectedOn: reflected, submittedOn: submitted, sharedWithCoach: i % 5 == 0 || i % 5 == 1)
    }

    @Test(.timeLimit(.minutes(10))) func aSchoolYearOf300EducatorsIsFollowedThroughWithoutAStallMissedOrAnyoneToldTwice() async throws {
        try await TestDatabase.with(connections: 4) { database in
            // setup: the district's calendar for 2026–27, one school with its own reflection date, 300 educators
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, clock = districts.clock, north = districts.north
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            clock.advance(by: Self.date(CalendarDate(iso: "2026-07-15")!, hourUTC: 15).timeIntervalSince(clock.now()))
            let calendars = DistrictCalendarService(env)
            try await calendars.save(Actor(north.admin), startYear: 2026, form: .init(
                dates: [.planActiveBy: "2026-10-01", .midYearCheckInBy: "2027-01-29", .reflectionBy: "2027-05-14", .reviewSubmittedBy: "2027-06-04"],
                offsets: "7, 1", graceDays: "7", rhythmDays: "28"))
            try await calendars.saveSchoolDates(Actor(north.leader), school: north.school.id, startYear: 2026, dates: [.reflectionBy: "2027-05-07"])
            let coach = north.coach
            var scripts: [Script] = []
            for i in 0..<300 {
                let school = i % 2 == 0 ? north.school : north.otherSchool
                let person = Person(id: .init("sim-\(i)"), organizationID: north.organization.id, email: EmailAddress("sim\(i)@north.example")!,
                                    displayName: "Sim Educator \(i)", schoolID: school.id, roles: [.educator])
                try await scope.people.create(person, passwordHash: nil, at: clock.now())
                scripts.append(Self.script(i, person: person, school: school))
            }
            var relationships: [Person.ID: CoachingRelationship] = [:]
            for script in scripts where !script.sessions.isEmpty {
                relationships[script.person.id] = try await CaseloadFixtures.relationship(database, coach: coach, educator: script.person,
                                                                                          startedAt: clock.now())
            }
            var plans: [Person.ID: (plan: GrowthPlan, version: Int)] = [:]
            let runner = JobRunner(env, handlers: [StallScanJob(env), DeadlineReminderJob(env)], schedules: [DailyFollowThroughSchedule(env)])
            let first = CalendarDate(iso: "2026-08-01")!, last = CalendarDate(iso: "2027-06-30")!
            var day = first
            var reminderDays: [(Deadline, Int, CalendarDate)] = []
            let deadlines = try await scope.deadlines.calendar(schoolYear: 2026)
            for deadline in deadlines.deadlines {
                for offset in [7, 1] { reminderDays.append((deadline, offset, deadline.dueOn.adding(days: -offset)!)) }
            }
            let started = Date()
            // run: each morning the runner's pass, then the day's activity
            while day <= last {
                clock.advance(by: Self.date(day, hourUTC: 15).timeIntervalSince(clock.now()))
                _ = try await runner.runDue()
                let noon = Self.date(day, hourUTC: 20)
                for script in scripts {
                    let id = script.person.id
                    if script.createdOn == day {
                        let goal = Goal(id: .init("g-\(script.index)"), statement: "Raise reading fluency")
                        let plan = GrowthPlan(id: .init("plan-\(script.index)"), organizationID: north.organization.id, ownerID: id,
                                              schoolYear: SchoolYear(startingIn: 2026), goals: [goal],
                                              sharing: PlanSharing(coachIDs: script.sharedWithCoach ? [coach.id] : []))
                        try await scope.plans.create(plan, at: noon)
                        plans[id] = (plan, 1)
                    }
                    guard var (plan, version) = plans[id] else { continue }
                    var changed = false
                    if script.activeOn == day { plan.status = .active; changed = true }
                    if script.checkIns.contains(day) {
                        plan.checkIns.append(CheckIn(id: .init("c-\(script.index)-\(day.iso)"), date: day, whatHappened: "Tried it."))
                        changed = true
                    }
                    if script.reflectedOn == day {
                        plan.reflection = Reflection(goals: [GoalReflection(goalID: plan.goals[0].id, studentChange: "Faster", practiceChange: "Modeling")])
                        changed = true
                    }
                    if script.submittedOn == day { plan.status = .inReview; changed = true }
                    if changed {
                        version = try await scope.plans.save(plan, expecting: version, at: noon)
                        plans[id] = (plan, version)
                    }
                    if script.sessions.contains(day), let relationship = relationships[id] {
                        try await CaseloadFixtures.session(database, relationship, on: day.iso, school: script.school.id)
                    }
                }
                day = day.adding(days: 1)!
            }
            let seconds = Date().timeIntervalSince(started)
            print("Year simulation: 300 educators, \(first.days(until: last) + 1) daily passes in \(String(format: "%.1f", seconds)) s")

            // check: stalls, one nudge per stall to the educator and one notice to a coach the plan is shared with,
            // each within 7 days of the stall's first day
            let notifications = scope.notifications
            var expectedStallCount = 0
            var coachExpected = 0
            for script in scripts {
                let expected = script.expectedStalls(through: last)
                expectedStallCount += expected.count
                let mine = try await notifications.recent(for: script.person.id, limit: 500)
                let nudges = mine.filter { $0.kind == .checkInNudge }.sorted { $0.createdAt < $1.createdAt }
                #expect(nudges.count == expected.count, "educator \(script.index): stalls \(expected.map(\.iso)), nudges \(nudges.count)")
                for (nudge, since) in zip(nudges, expected) {
                    let told = CalendarDate(nudge.createdAt, in: TimeZone(identifier: "America/Los_Angeles")!)
                    #expect(since <= told && since.days(until: told) <= 7, "educator \(script.index): stalled \(since), told \(told)")
                }
                if script.sharedWithCoach { coachExpected += expected.count }
                // reminders: no two alike
                let reminders = mine.filter { $0.kind == .deadlineReminder }
                #expect(Set(reminders.map { "\($0.message)|\(CalendarDate($0.createdAt, in: TimeZone(identifier: "America/Los_Angeles")!))" }).count
                        == reminders.count, "educator \(script.index) was reminded twice of something")
            }
            #expect(expectedStallCount > 100, "the script makes plenty of stalls (\(expectedStallCount))")
            let coachNotices = try await notifications.recent(for: coach.id, limit: 2000).filter { $0.kind == .planStalled }
            #expect(coachNotices.count == coachExpected)
            #expect(Set(coachNotices.map(\.id)).count == coachNotices.count)

            // check: each deadline, at each offset, reminded exactly those it applies to who still owed it that morning
            let reminders = scope.deadlineReminders
            var remindedInAll = 0
            for (deadline, offset, onDay) in reminderDays {
                let expected = Set(scripts.filter { script in
                    deadlines.deadline(deadline.kind, school: script.school.id)?.id == deadline.id
                        && DeadlineObligation.owes(deadline.kind, dueOn: deadline.dueOn, script.facts(before: onDay))
                }.map(\.person.id))
                let actual = try await reminders.reminded(deadline.id, dueOn: deadline.dueOn, offset: offset).filter { $0.rawValue.hasPrefix("sim-") }
                #expect(actual == expected, "\(deadline.kind) \(deadline.schoolID?.rawValue ?? "district") \(offset) days: \(actual.count) reminded, \(expected.count) owed")
                remindedInAll += expected.count
            }
            var reminderNotices = 0
            for script in scripts {
                reminderNotices += try await notifications.recent(for: script.person.id, limit: 500).filter { $0.kind == .deadlineReminder }.count
            }
            #expect(reminderNotices == remindedInAll && remindedInAll > 300)
            // the runner ran two jobs per district per day, each once
            #expect(try await JobQueue(database).counts()[.done] == 2 * 2 * (first.days(until: last) + 1))
        }
    }
}
