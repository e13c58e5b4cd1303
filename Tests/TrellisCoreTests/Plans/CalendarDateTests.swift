import Foundation
import Testing
import TrellisCore

/// Days as plans use them: parsed strictly, compared, counted.
@Suite struct CalendarDateTests {
    @Test(arguments: ["2026-09-01", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])
    func parsesAndFormatsRealDays(_ text: String) throws {
        // run
        let date = try #require(CalendarDate(iso: text))

        // check
        #expect(date.iso == text)
        #expect(date.description == text)
    }

    @Test(arguments: [
        "2026-02-30", "2027-02-29", "1900-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
        "0000-01-01", "tomorrow", "", "2026-2-3", "26-02-03", " 2026-02-03", "2026-02-03 ", "2026/02/03",
        "2026-02-03T10:00", "+2026-02-03", "2026-0a-03", "２０２６-02-03",
    ])
    func refusesWhatIsNotADay(_ text: String) {
        // run
        let date = CalendarDate(iso: text)

        // check
        #expect(date == nil)
    }

    @Test func validatesParts() {
        // run, check
        #expect(CalendarDate(year: 2026, month: 2, day: 28) != nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 6, day: 31) == nil)
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test func comparesByDay() {
        // setup
        let dates = ["2027-01-02", "2026-12-31", "2026-02-01", "2026-01-31"].map(SamplePlans.date)

        // run
        let sorted = dates.sorted()

        // check
        #expect(sorted.map(\.iso) == ["2026-01-31", "2026-02-01", "2026-12-31", "2027-01-02"])
    }

    @Test func countsDaysAcrossMonthsAndLeapYears() {
        // setup
        let start = SamplePlans.date("2028-02-28")

        // run, check
        #expect(start.days(until: SamplePlans.date("2028-03-01")) == 2)
        #expect(SamplePlans.date("2027-02-28").days(until: SamplePlans.date("2027-03-01")) == 1)
        #expect(SamplePlans.date("2026-07-01").days(until: SamplePlans.date("2027-07-01")) == 365)
        #expect(SamplePlans.date("2027-07-01").days(until: SamplePlans.date("2028-07-01")) == 366)
        #expect(start.days(until: SamplePlans.date("2027-03-01")) == -364)
        #expect(start.adding(days: 1)?.iso == "2028-02-29")
        #expect(start.adding(days: 2)?.iso == "2028-03-01")
        #expect(SamplePlans.date("2026-12-31").adding(days: 1)?.iso == "2027-01-01")
        #expect(SamplePlans.date("2026-03-01").adding(days: -1)?.iso == "2026-02-28")
        #expect(SamplePlans.date("9999-12-31").adding(days: 1) == nil)
    }

    @Test func stepsDayByDayThroughTwoCenturyTurns() {
        // setup: 2000 is a leap year (divisible by 400), 2100 is not (divisible by 100)
        var date = SamplePlans.date("1999-12-25")
        let end = SamplePlans.date("2100-03-02")
        var steps = 0

        // run: walk one day at a time and compare each step with the calendar's rules
        while date < end {
            let next = date.adding(days: 1)!
            let expected = date.day < CalendarDate.daysInMonth(date.month, year: date.year)
                ? (date.year, date.month, date.day + 1)
                : (date.month == 12 ? (date.year + 1, 1, 1) : (date.year, date.month + 1, 1))
            guard (next.year, next.month, next.day) == expected, date.days(until: next) == 1 else {
                Issue.record("after \(date) came \(next)")
                return
            }
            date = next
            steps += 1
        }

        // check
        #expect(SamplePlans.date("1999-12-25").days(until: end) == steps)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
        #expect(SamplePlans.date("2100-02-28").adding(days: 1)?.iso == "2100-03-01")
    }

    @Test func codesAsAnISOString() throws {
        // setup
        let date = SamplePlans.date("2027-05-15")

        // run
        let json = String(decoding: try JSONEncoder().encode([date]), as: UTF8.self)
        let decoded = try JSONDecoder().decode([CalendarDate].self, from: Data(json.utf8))

        // check
        #expect(json == #"["2027-05-15"]"#)
        #expect(decoded == [date])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2026-02-30"]"#.utf8)) }
    }

    @Test func readsTheDayInTheDistrictsTimeZone() throws {
        // setup: 03:00 UTC on July 1 is still June 30 in Washington
        let instant = Date(timeIntervalSince1970: 1_782_874_800) // 2026-07-01T03:00:00Z
        let pacific = try #require(TimeZone(identifier: "America/Los_Angeles"))

        // run
        let local = CalendarDate(instant, in: pacific)
        let utc = CalendarDate(instant, in: TimeZone(identifier: "UTC")!)

        // check
        #expect(local.iso == "2026-06-30")
        #expect(utc.iso == "2026-07-01")
        #expect(SchoolYear.containing(date: local).label == "2025–26")
    }

    @Test func writesDatesOutForPeople() {
        // run, check
        #expect(SamplePlans.date("2027-05-15").longForm == "May 15, 2027")
        #expect(SamplePlans.date("2026-07-01").longForm == "July 1, 2026")
    }
}
