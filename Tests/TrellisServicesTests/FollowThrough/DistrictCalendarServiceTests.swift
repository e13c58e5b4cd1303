import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// Setting the school year's calendar: bad input at its field, school dates for that school's leaders only.
@Suite struct DistrictCalendarServiceTests {
    func form(_ dates: [DeadlineKind: String], offsets: String = "7, 1", grace: String = "7", rhythm: String = "28") -> DistrictCalendarService.Form {
        .init(dates: dates, offsets: offsets, graceDays: grace, rhythmDays: rhythm)
    }

    @Test func aDateOutsideTheSchoolYearAZeroRhythmAndBadOffsetsAreRefusedAtTheirFields() async throws {
        try await TestDatabase.with { database in
            // setup: the test clock stands in the 2026–27 school year
            let districts = try await TestDistricts.make(database)
            let calendars = DistrictCalendarService(districts.environment), admin = Actor(districts.north.admin)
            let year = try await calendars.calendar(admin).year.startYear
            // run
            let refused = await #expect(throws: FieldErrors.self) {
                try await calendars.save(admin, startYear: year, form: form([.planActiveBy: "\(year + 2)-10-01", .reflectionBy: "soon"],
                                                                            offsets: "0, 1", grace: "-3", rhythm: "0"))
            }
            // check: each message at its field, nothing saved
            let errors = try #require(refused)
            #expect(errors["plan_active_by"]?.contains("inside the") == true && errors["reflection_by"] != nil)
            #expect(errors["reminder_offsets"] != nil && errors["grace_days"] != nil && errors["rhythm_days"] != nil)
            #expect(try await calendars.calendar(admin).deadlines.deadlines.isEmpty)
            // run: a good calendar
            try await calendars.save(admin, startYear: year, form: form([.planActiveBy: "\(year)-10-01"], offsets: "14, 3", grace: "10", rhythm: "21"))
            // check
            let saved = try await calendars.calendar(admin)
            #expect(saved.deadlines.deadline(.planActiveBy, school: nil)?.dueOn.iso == "\(year)-10-01")
            #expect(saved.settings.reminderOffsets == [14, 3] && saved.settings.graceDays == 10 && saved.rhythm.days == 21)
            await #expect(throws: ServiceError.forbidden) { try await calendars.calendar(Actor(districts.north.leader)) }
        }
    }

    @Test func aSchoolsLeaderSetsItsOwnDatesAndNoOtherSchoolsLeaderMay() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let calendars = DistrictCalendarService(districts.environment)
            let year = try await calendars.calendar(Actor(north.admin)).year.startYear
            // run
            try await calendars.saveSchoolDates(Actor(north.leader), school: north.school.id, startYear: year,
                                                dates: [.reflectionBy: "\(year + 1)-05-07"])
            // check: the school's date, and refusals for the other school, an educator and another district
            let calendar = try await calendars.schoolCalendar(Actor(north.educator), school: north.school.id)
            #expect(calendar.deadlines.deadline(.reflectionBy, school: north.school.id)?.dueOn.iso == "\(year + 1)-05-07")
            await #expect(throws: ServiceError.forbidden) {
                try await calendars.saveSchoolDates(Actor(north.leader), school: north.otherSchool.id, startYear: year, dates: [:])
            }
            await #expect(throws: ServiceError.forbidden) {
                try await calendars.saveSchoolDates(Actor(north.educator), school: north.school.id, startYear: year, dates: [:])
            }
            await #expect(throws: ServiceError.notFound) {
                try await calendars.saveSchoolDates(Actor(districts.south.admin), school: north.school.id, startYear: year, dates: [:])
            }
            let bad = await #expect(throws: FieldErrors.self) {
                try await calendars.saveSchoolDates(Actor(north.leader), school: north.school.id, startYear: year, dates: [.planActiveBy: "1999-01-01"])
            }
            #expect(bad?["plan_active_by"] != nil)
        }
    }
}
