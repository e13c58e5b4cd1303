import Foundation
import Testing
import TrellisCore

/// The pure rules of follow-through: when a plan stalls, who owes what for a deadline, which reminder a day sends,
/// and how long a failed job waits.
@Suite struct FollowThroughRulesTests {
    func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func aPlanStallsTheDayAfterRhythmPlusGraceAndOnlyWhileBeingWorked() {
        // setup: four weeks and a week of grace; last sign of life on October 1
        let rule = StallRule(rhythm: .fourWeeks, graceDays: 7)
        let activity = PlanActivity(lastCheckIn: day("2026-09-20"), lastChange: day("2026-10-01"), lastContact: day("2026-09-25"))
        // run / check: 35 quiet days are allowed; the 36th is the stall's first day
        #expect(activity.last == day("2026-10-01"))
        #expect(rule.stalledSince(lastActivity: day("2026-10-01")) == day("2026-11-06"))
        #expect(rule.stall(status: .active, activity: activity, today: day("2026-11-05")) == nil)
        #expect(rule.stall(status: .active, activity: activity, today: day("2026-11-06")) == day("2026-11-06"))
        #expect(rule.stall(status: .returned, activity: activity, today: day("2026-12-01")) == day("2026-11-06"))
        // a draft owes "plan active by" instead; a submitted plan waits on its reviewer
        for status in [PlanStatus.draft, .inReview, .signed, .verified, .archived] {
            #expect(rule.stall(status: status, activity: activity, today: day("2027-03-01")) == nil)
        }
        // coaching contact alone keeps a plan alive
        let coached = PlanActivity(lastChange: day("2026-09-01"), lastContact: day("2026-11-01"))
        #expect(rule.stall(status: .active, activity: coached, today: day("2026-11-20")) == nil)
    }

    @Test func aStallClearsWithTheFirstSignOfLifeOnOrAfterItsFirstDay() {
        #expect(StallRule.stands(since: day("2026-11-06"), lastActivity: day("2026-10-01")))
        #expect(!StallRule.stands(since: day("2026-11-06"), lastActivity: day("2026-11-06")))
        #expect(!StallRule.stands(since: day("2026-11-06"), lastActivity: day("2026-12-01")))
    }

    @Test func whoOwesEachKindOfDeadline() {
        let due = day("2027-01-15")
        let none = PlanProgressFacts(status: nil)
        let draft = PlanProgressFacts(status: .draft)
        let activeOld = PlanProgressFacts(status: .active, lastCheckIn: day("2026-10-01"))
        let activeRecent = PlanProgressFacts(status: .active, lastCheckIn: day("2026-12-10"))
        let reflected = PlanProgressFacts(status: .active, lastCheckIn: day("2027-01-02"), reflectionWritten: true)
        let submitted = PlanProgressFacts(status: .inReview)
        // plan active by: no plan, or a draft
        #expect([none, draft, activeOld, submitted].map { DeadlineObligation.owes(.planActiveBy, dueOn: due, $0) } == [true, true, false, false])
        // mid-year check-in: none in the six weeks before the date (a December one counts, October's does not)
        #expect([none, activeOld, activeRecent, submitted].map { DeadlineObligation.owes(.midYearCheckInBy, dueOn: due, $0) } == [true, true, false, false])
        // reflection: not written yet, until the plan is submitted
        #expect([draft, activeRecent, reflected, submitted].map { DeadlineObligation.owes(.reflectionBy, dueOn: due, $0) } == [true, true, false, false])
        // review submitted: everyone not yet submitted, returned plans again
        let returned = PlanProgressFacts(status: .returned)
        #expect([none, reflected, returned, submitted, PlanProgressFacts(status: .signed)]
            .map { DeadlineObligation.owes(.reviewSubmittedBy, dueOn: due, $0) } == [true, true, true, false, false])
    }

    @Test func eachOffsetOnItsOwnDayAndOneLateReminderAfterMissedDays() {
        let settings = FollowThroughSettings.standard
        let due = day("2027-01-15")
        #expect(settings.reminderOffset(dueOn: due, today: day("2027-01-07")) == nil)
        #expect(settings.reminderOffset(dueOn: due, today: day("2027-01-08")) == 7)
        #expect(settings.reminderOffset(dueOn: due, today: day("2027-01-10")) == 7)
        #expect(settings.reminderOffset(dueOn: due, today: day("2027-01-14")) == 1)
        #expect(settings.reminderOffset(dueOn: due, today: day("2027-01-15")) == nil)
        #expect(settings.reminderOffset(dueOn: due, today: day("2027-02-01")) == nil)
    }

    @Test func settingsAreReadAsTypedAndRefusedOutOfRange() {
        #expect(FollowThroughSettings.offsets(from: "7, 1") == [7, 1])
        #expect(FollowThroughSettings.offsets(from: "14 3;1") == [14, 3, 1])
        #expect(FollowThroughSettings.offsets(from: "a week") == nil)
        #expect(FollowThroughSettings(reminderOffsets: [1, 7, 7], graceDays: 0)?.reminderOffsets == [7, 1])
        #expect(FollowThroughSettings(reminderOffsets: [0], graceDays: 7) == nil)
        #expect(FollowThroughSettings(reminderOffsets: [7], graceDays: -1) == nil)
        #expect(FollowThroughSettings(reminderOffsets: [1, 2, 3, 4, 5], graceDays: 7) == nil)
        #expect(CheckInRhythm(days: 0) == nil)
    }

    @Test func aSchoolsOwnDateTakesThePlaceOfTheDistrictsForItsPeople() {
        let org = Organization.ID("o"), school = School.ID("s"), other = School.ID("t")
        let district = Deadline(id: .init("d"), organizationID: org, schoolID: nil, schoolYear: 2026, kind: .reflectionBy, dueOn: day("2027-05-01"))
        let own = Deadline(id: .init("e"), organizationID: org, schoolID: school, schoolYear: 2026, kind: .reflectionBy, dueOn: day("2027-04-15"))
        let calendar = DeadlineCalendar([district, own])
        #expect(calendar.deadline(.reflectionBy, school: school) == own)
        #expect(calendar.deadline(.reflectionBy, school: other) == district)
        #expect(calendar.deadline(.reflectionBy, school: nil) == district)
        #expect(calendar.deadline(.planActiveBy, school: school) == nil)
    }

    @Test func backoffDoublesUpToItsCapAndStopsAfterTheLastTry() {
        let backoff = JobBackoff(base: 60, maximum: 600, attempts: 5)
        #expect((1...6).map(backoff.delay(afterAttempt:)) == [60, 120, 240, 480, 600, 600])
        #expect(backoff.mayRetry(afterAttempt: 4) && !backoff.mayRetry(afterAttempt: 5))
    }
}
