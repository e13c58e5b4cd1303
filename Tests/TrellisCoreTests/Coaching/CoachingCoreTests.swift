import Foundation
import Testing
import TrellisCore

/// The pure rules of coaching: times and durations as typed, a cycle's phase, the alliance scale, the caseload's
/// orders and who has gone quiet.
@Suite struct CoachingCoreTests {
    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    @Test func aSessionFormReadsAStartAndAnEndOrMinutes() throws {
        // run
        let byEnd = try SessionTiming.parse(date: "2026-10-14", start: "9:05", end: "9:50", minutes: "").get()
        let byMinutes = try SessionTiming.parse(date: "2026-10-14", start: "14:30", end: "", minutes: " 45 ").get()
        // check
        #expect(byEnd.minutes == 45 && byEnd.startsAt?.spoken == "9:05 am" && byEnd.endsAt?.description == "09:50")
        #expect(byMinutes.minutes == 45 && byMinutes.startsAt?.description == "14:30")
    }

    @Test(arguments: [
        ("2026-10-14", "10:00", "9:30", "", "end", "ends before it starts"),
        ("2026-10-14", "10:00", "10:00", "", "end", "at least a minute"),
        ("2026-10-14", "10:00", "", "0", "minutes", "at least a minute"),
        ("2026-10-14", "6:00", "", "1200", "minutes", "at most 10 hours"),
        ("2026-10-14", "", "", "30", "start", "when it starts"),
        ("2026-10-14", "25:00", "", "30", "start", "hours and minutes"),
        ("14/10/2026", "9:00", "", "30", "date", "YYYY-MM-DD"),
        ("2026-10-14", "9:00", "", "", "minutes", "how many minutes"),
        ("2026-10-14", "9:00", "", "forty", "minutes", "whole number"),
    ])
    func badTimesGetAMessageAtTheirField(_ date: String, _ start: String, _ end: String, _ minutes: String, _ field: String, _ words: String) {
        // run
        let result = SessionTiming.parse(date: date, start: start, end: end, minutes: minutes)
        // check
        guard case .failure(let errors) = result else { Issue.record("accepted \(start)–\(end) \(minutes)"); return }
        #expect(errors[field]?.contains(words) == true, "\(errors.messages)")
    }

    @Test func anInformalContactNeedsNoTime() throws {
        let timing = try SessionTiming.parse(date: "2026-10-14", start: "", end: "", minutes: "5", startRequired: false).get()
        #expect(timing.startsAt == nil && timing.minutes == 5)
    }

    @Test func aCyclePhaseFollowsItsSessions() {
        #expect(CyclePhase.of(sessionKinds: []) == .plan)
        #expect(CyclePhase.of(sessionKinds: [.planning, .feedback]) == .plan)
        #expect(CyclePhase.of(sessionKinds: [.planning, .observation]) == .learn)
        #expect(CyclePhase.of(sessionKinds: [.planning, .modeling, .feedback]) == .reflect)
    }

    @Test func allianceAnswersMustAllBeOneToFive() throws {
        #expect(try AlliancePulse.parse(["4", "5", "3", "5"]).get() == [4, 5, 3, 5])
        guard case .failure(let errors) = AlliancePulse.parse(["4", "6", "", "0"]) else { Issue.record("accepted"); return }
        #expect(errors["answer1"] == nil && errors["answer2"] != nil && errors["answer3"] != nil && errors["answer4"] != nil)
    }

    @Test func theTrendComparesTheFirstAnswersWithTheLatest() {
        let session = CoachingSession.ID("s")
        let trend = AllianceTrend([
            AllianceAnswers(sessionID: session, answeredOn: Self.date("2026-11-20"), answers: [4, 4, 5, 5]),
            AllianceAnswers(sessionID: session, answeredOn: Self.date("2026-10-14"), answers: [3, 4, 4, 5]),
        ])
        #expect(trend.latest?.answeredOn == Self.date("2026-11-20"))
        #expect(trend.change == [1, 0, 1, 0])
        #expect(AllianceTrend([]).change == nil)
    }

    static func entry(_ name: String, lastContact: String?, next: String? = nil, plan: String? = nil, state: CoachingRelationship.State = .active) -> CaseloadEntry {
        var relationship = CoachingRelationship(id: .init(name), organizationID: .init("north"), coachID: .init("coach"),
                                                educatorID: .init(name), proposedBy: .coach, proposedAt: Date(timeIntervalSince1970: 0))
        relationship.state = state
        return CaseloadEntry(relationship: relationship, educatorName: name, lastPlanActivity: plan.map(date),
                             lastContact: lastContact.map(date), nextSession: next.map { SessionTiming(date: date($0), minutes: 30) })
    }

    @Test func theCaseloadSortsByLongestWithoutContactFirst() {
        let entries = [Self.entry("Ana", lastContact: "2026-11-01"), Self.entry("Ben", lastContact: nil),
                       Self.entry("Cai", lastContact: "2026-10-01"), Self.entry("Ángel", lastContact: "2026-11-01")]
        #expect(CaseloadOrder.lastContact.sorted(entries).map(\.educatorName) == ["Ben", "Cai", "Ana", "Ángel"])
        #expect(CaseloadOrder.name.sorted(entries).map(\.educatorName) == ["Ana", "Ángel", "Ben", "Cai"])
        let scheduled = [Self.entry("Ana", lastContact: nil), Self.entry("Ben", lastContact: nil, next: "2026-12-09"),
                         Self.entry("Cai", lastContact: nil, next: "2026-12-03")]
        #expect(CaseloadOrder.nextSession.sorted(scheduled).map(\.educatorName) == ["Cai", "Ben", "Ana"])
    }

    @Test func someoneGoesQuietAfterTheRhythmWithoutPlanActivityOrContact() {
        let today = Self.date("2026-12-01"), rhythm = CheckInRhythm.fourWeeks
        // Contact 29 days ago, plan untouched since: quiet. A plan edit last week: not quiet.
        #expect(Self.entry("a", lastContact: "2026-11-02").hasGoneQuiet(today: today, rhythm: rhythm, startedOn: Self.date("2026-09-01")))
        #expect(!Self.entry("b", lastContact: "2026-11-02", plan: "2026-11-25").hasGoneQuiet(today: today, rhythm: rhythm, startedOn: nil))
        #expect(!Self.entry("c", lastContact: "2026-11-03").hasGoneQuiet(today: today, rhythm: rhythm, startedOn: nil))
        // Coaching that began last week has not had the time; a proposal is not counted.
        #expect(!Self.entry("d", lastContact: nil).hasGoneQuiet(today: today, rhythm: rhythm, startedOn: Self.date("2026-11-24")))
        #expect(!Self.entry("e", lastContact: nil, state: .proposed).hasGoneQuiet(today: today, rhythm: rhythm, startedOn: nil))
        // A district with a two-week rhythm sees it sooner.
        #expect(Self.entry("f", lastContact: "2026-11-10").hasGoneQuiet(today: today, rhythm: CheckInRhythm(days: 14)!, startedOn: nil))
        #expect(CheckInRhythm(days: 3) == nil && CheckInRhythm.fourWeeks.label == "4 weeks")
    }
}
