import TrellisCore
import TrellisServices

/// A choice between the school years a calendar can be set for.
struct SchoolYearChoice {
    let label: String
    let path: String
    let current: Bool
}

/// The district calendar page: a date field per kind of deadline, the reminder offsets, the stall grace and the rhythm,
/// and the schools whose leaders may set dates of their own.
struct CalendarView {
    struct SchoolLink {
        let name: String
        let path: String
        let ownDates: String?
    }

    let action: String
    let yearLabel: String
    let startYear: String
    let yearStart: String
    let yearEnd: String
    let years: [SchoolYearChoice]
    let dates: [FieldView]
    let offsets: FieldView
    let grace: FieldView
    let rhythm: FieldView
    let schools: [SchoolLink]
    let jobsPath = SiteRoute.jobs.path
    let errorSummary: ErrorSummary?

    init(calendar: DistrictCalendarService.Calendar, years: [SchoolYear], form: DistrictCalendarService.Form, errors: FieldErrors) {
        let year = calendar.year
        action = SiteRoute.calendar.path
        yearLabel = year.label
        startYear = String(year.startYear)
        yearStart = year.startDate.iso
        yearEnd = year.endDate.iso
        self.years = years.map { SchoolYearChoice(label: $0.label, path: SiteRoute.calendar.path + "?year=\($0.startYear)", current: $0 == year) }
        dates = DeadlineKind.allCases.map { kind in
            FieldView(name: kind.rawValue, label: kind.label, type: "date", value: form.dates[kind] ?? "", errors: errors,
                      hint: "Everyone who still has to \(kind.task) by then is reminded. Leave empty for no such date.", required: false)
        }
        let o = FollowThroughSettings.allowedOffsets
        offsets = FieldView(name: "reminder_offsets", label: "Remind this many days before each date", value: form.offsets, errors: errors,
                            hint: "Up to \(FollowThroughSettings.maximumReminders) numbers from \(o.lowerBound) to \(o.upperBound), separated by commas. A week and a day before (7, 1) unless you choose otherwise.")
        grace = FieldView(name: "grace_days", label: "Grace before a plan counts as stalled (days)", type: "number", value: form.graceDays,
                          errors: errors, hint: "Added to the check-in rhythm. A plan with no check-in, change or coaching contact for longer is flagged on its coach’s caseload, and its coach and owner are told once.")
        rhythm = FieldView(name: "rhythm_days", label: "Check-in rhythm (days)", type: "number", value: form.rhythmDays, errors: errors,
                           hint: "From \(CheckInRhythm.allowedDays.lowerBound) to \(CheckInRhythm.allowedDays.upperBound). How often the district expects a sign of life on a plan; four weeks (28) unless you choose otherwise.")
        schools = calendar.schools.map { school in
            let own = calendar.deadlines.deadlines.filter { $0.schoolID == school.id }
            return SchoolLink(name: school.name, path: SiteRoute.schoolCalendar(school.id).path + "?year=\(year.startYear)",
                              ownDates: own.isEmpty ? nil : own.map { "\($0.kind.label) \($0.dueOn.longForm)" }.joined(separator: "; "))
        }
        errorSummary = ErrorSummary(dates.map { ErrorSummary.field($0) } + [ErrorSummary.field(offsets), ErrorSummary.field(grace), ErrorSummary.field(rhythm)])
    }
}

/// A school's own dates: one field per kind, empty where the school follows the district's date (shown beside it).
struct SchoolCalendarView {
    let schoolName: String
    let action: String
    let yearLabel: String
    let startYear: String
    let years: [SchoolYearChoice]
    let dates: [FieldView]
    let mayChange: Bool
    let errorSummary: ErrorSummary?

    init(calendar: DistrictCalendarService.Calendar, school: School.ID, years: [SchoolYear], dates typed: [DeadlineKind: String],
         errors: FieldErrors, mayChange: Bool) {
        let year = calendar.year
        schoolName = calendar.schools.first { $0.id == school }?.name ?? "School"
        action = SiteRoute.schoolCalendar(school).path
        yearLabel = year.label
        startYear = String(year.startYear)
        self.years = years.map { SchoolYearChoice(label: $0.label, path: SiteRoute.schoolCalendar(school).path + "?year=\($0.startYear)", current: $0 == year) }
        self.mayChange = mayChange
        dates = DeadlineKind.allCases.map { kind in
            let district = calendar.deadlines.deadline(kind, school: nil).map { "The district’s date is \($0.dueOn.longForm)." } ?? "The district has set no date."
            return FieldView(name: kind.rawValue, label: kind.label, type: "date", value: typed[kind] ?? "", errors: errors,
                             hint: "\(district) A date here takes its place for this school’s people; leave empty to follow the district.", required: false)
        }
        errorSummary = ErrorSummary(dates.map { ErrorSummary.field($0) })
    }
}
