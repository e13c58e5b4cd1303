import Foundation
import Testing
import TrellisCore

/// School years: July 1 to June 30 unless the district says otherwise.
@Suite struct SchoolYearTests {
    @Test func washingtonYearRunsJulyFirstToJuneThirtieth() {
        // setup
        let year = SchoolYear(startingIn: 2026)

        // run, check
        #expect(year.startDate.iso == "2026-07-01")
        #expect(year.endDate.iso == "2027-06-30")
        #expect(year.label == "2026–27")
        #expect(year.description == "2026–27")
        #expect(year.next.label == "2027–28")
        #expect(year.previous.label == "2025–26")
    }

    @Test("June 30 and July 1 fall in different years", arguments: [
        ("2027-06-30", "2026–27"),
        ("2027-07-01", "2027–28"),
        ("2026-07-01", "2026–27"),
        ("2026-06-30", "2025–26"),
        ("2026-12-31", "2026–27"),
        ("2027-01-01", "2026–27"),
        ("2028-02-29", "2027–28"),
        ("2099-09-01", "2099–00"),
        ("2008-09-01", "2008–09"),
    ])
    func containingADate(iso: String, label: String) {
        // setup
        let date = SamplePlans.date(iso)

        // run
        let year = SchoolYear.containing(date: date)

        // check
        #expect(year.label == label)
        #expect(year.contains(date))
        #expect(!year.next.contains(date))
        #expect(!year.previous.contains(date))
    }

    @Test func boundariesAreInclusive() {
        // setup
        let year = SchoolYear(startingIn: 2026)

        // run, check
        #expect(year.contains(SamplePlans.date("2026-07-01")))
        #expect(year.contains(SamplePlans.date("2027-06-30")))
        #expect(!year.contains(SamplePlans.date("2026-06-30")))
        #expect(!year.contains(SamplePlans.date("2027-07-01")))
    }

    @Test func customStartMovesTheBoundary() throws {
        // setup: a district whose year starts September 1
        let start = try #require(SchoolYearStart(month: 9, day: 1))

        // run
        let lastDay = SchoolYear.containing(date: SamplePlans.date("2026-08-31"), start: start)
        let firstDay = SchoolYear.containing(date: SamplePlans.date("2026-09-01"), start: start)

        // check
        #expect(lastDay.label == "2025–26")
        #expect(lastDay.endDate.iso == "2026-08-31")
        #expect(firstDay.label == "2026–27")
        #expect(firstDay.startDate.iso == "2026-09-01")
        #expect(firstDay != SchoolYear(startingIn: 2026))
    }

    @Test func yearStartingMarchFirstEndsOnLeapDay() throws {
        // setup
        let start = try #require(SchoolYearStart(month: 3, day: 1))

        // run
        let leap = SchoolYear(startingIn: 2027, start: start)
        let common = SchoolYear(startingIn: 2028, start: start)

        // check
        #expect(leap.endDate.iso == "2028-02-29")
        #expect(leap.contains(SamplePlans.date("2028-02-29")))
        #expect(common.endDate.iso == "2029-02-28")
        #expect(SchoolYear.containing(date: SamplePlans.date("2028-02-29"), start: start) == leap)
    }

    @Test func yearStartingJanuaryFirstIsOneCalendarYear() throws {
        // setup
        let start = try #require(SchoolYearStart(month: 1, day: 1))

        // run
        let year = SchoolYear.containing(date: SamplePlans.date("2027-12-31"), start: start)

        // check
        #expect(year.startDate.iso == "2027-01-01")
        #expect(year.endDate.iso == "2027-12-31")
        #expect(year.label == "2027")
        #expect(SchoolYear(label: "2027", start: start) == year)
    }

    @Test func refusesStartsThatAreNotInEveryYear() {
        // run, check
        #expect(SchoolYearStart(month: 2, day: 29) == nil)
        #expect(SchoolYearStart(month: 4, day: 31) == nil)
        #expect(SchoolYearStart(month: 13, day: 1) == nil)
        #expect(SchoolYearStart(month: 8, day: 0) == nil)
        #expect(SchoolYearStart(month: 2, day: 28) != nil)
    }

    @Test func readsLabelsBack() {
        // run, check
        #expect(SchoolYear(label: "2026–27") == SchoolYear(startingIn: 2026))
        #expect(SchoolYear(label: "2026-27") == SchoolYear(startingIn: 2026))
        #expect(SchoolYear(label: "2099–00") == SchoolYear(startingIn: 2099))
        #expect(SchoolYear(label: "2026–28") == nil)
        #expect(SchoolYear(label: "2026") == nil)
        #expect(SchoolYear(label: "this year") == nil)
        #expect(SchoolYear(label: "") == nil)
        #expect(SchoolYear(label: "2026--27") == nil)
        #expect(SchoolYear(label: "2026–") == nil)
    }

    @Test func ordersAndCodes() throws {
        // setup
        let years = [2027, 2025, 2026].map { SchoolYear(startingIn: $0) }

        // run
        let data = try JSONEncoder().encode(years)
        let decoded = try JSONDecoder().decode([SchoolYear].self, from: data)

        // check
        #expect(years.sorted().map(\.label) == ["2025–26", "2026–27", "2027–28"])
        #expect(decoded == years)
        let badStart = #"{"startYear":2026,"start":{"month":2,"day":30}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(SchoolYear.self, from: Data(badStart.utf8)) }
    }
}
