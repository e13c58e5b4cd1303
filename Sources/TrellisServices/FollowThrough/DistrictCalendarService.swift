import Foundation
import TrellisCore
import TrellisStore

/// The school year's calendar: the district admin's deadlines, reminder offsets and stall grace (beside the check-in
/// rhythm), and the dates a school's leaders set for their own school. Dates are typed as ISO days (a date field) and
/// must fall inside the school year; a mistake is a message at its field, with what was typed kept.
public struct DistrictCalendarService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// What the calendar page shows.
    public struct Calendar: Sendable, Hashable {
        public let year: SchoolYear
        public let deadlines: DeadlineCalendar
        public let settings: FollowThroughSettings
        public let rhythm: CheckInRhythm
        /// The district's schools, each of which may have dates of its own.
        public let schools: [School]
    }

    /// What a person typed on the calendar form: a date per kind (empty: none), the offsets, the grace, the rhythm.
    public struct Form: Sendable, Hashable {
        public var dates: [DeadlineKind: String]
        public var offsets: String
        public var graceDays: String
        public var rhythmDays: String

        public init(dates: [DeadlineKind: String], offsets: String, graceDays: String, rhythmDays: String) {
            self.dates = dates
            self.offsets = offsets
            self.graceDays = graceDays
            self.rhythmDays = rhythmDays
        }
    }

    /// The school years the calendar may be set for: this one and the next (set in spring for the autumn).
    public func years(_ actor: Actor) async throws -> [SchoolYear] {
        let current = SchoolYear.containing(date: env.today, start: try await env.scope(actor).schoolYearStart())
        return [current, current.next]
    }

    /// The calendar of `startYear` (nil: the current school year). Admins only: it holds the district's settings.
    public func calendar(_ actor: Actor, startYear: Int? = nil) async throws -> Calendar {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await read(actor, startYear: startYear)
    }

    /// Saves the district's dates and settings for the year, all or nothing.
    public func save(_ actor: Actor, startYear: Int?, form: Form, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let year = try await chosenYear(actor, startYear)
        var errors = FieldErrors()
        let dates = Self.dates(form.dates, in: year, errors: &errors)
        let offsets = FollowThroughSettings.offsets(from: form.offsets)
        let grace = Int(form.graceDays.trimmingWhitespace())
        let o = FollowThroughSettings.allowedOffsets, g = FollowThroughSettings.allowedGraceDays
        if offsets == nil || FollowThroughSettings(reminderOffsets: offsets ?? [], graceDays: g.lowerBound) == nil {
            errors["reminder_offsets"] = "Enter up to \(FollowThroughSettings.maximumReminders) numbers of days from \(o.lowerBound) to \(o.upperBound), separated by commas, e.g. 7, 1."
        }
        if grace.map(g.contains) != true {
            errors["grace_days"] = "Enter a whole number of days from \(g.lowerBound) to \(g.upperBound), e.g. 7."
        }
        let rhythm = Int(form.rhythmDays.trimmingWhitespace()).flatMap(CheckInRhythm.init(days:))
        if rhythm == nil {
            let r = CheckInRhythm.allowedDays
            errors["rhythm_days"] = "Enter a whole number of days from \(r.lowerBound) to \(r.upperBound), e.g. 28 for four weeks."
        }
        try errors.throwIfAny()
        guard let rhythm, let grace, let offsets, let settings = FollowThroughSettings(reminderOffsets: offsets, graceDays: grace) else { return }
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await write(dates, school: nil, year: year, scope)
            try await scope.setFollowThroughSettings(settings)
            try await scope.setCheckInRhythm(rhythm)
            let summary = DeadlineKind.allCases.map { "\($0.label) \(dates[$0]?.map(\.iso) ?? "none")" }.joined(separator: ", ")
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "calendar \(year.label): \(summary); reminders \(settings.offsetsText) days before; grace \(grace) days; rhythm \(rhythm.days) days",
                                                   address: address))
        }
    }

    /// A school's own dates for the year (nil where it follows the district's), and the district's beside them.
    public func schoolCalendar(_ actor: Actor, school: School.ID, startYear: Int? = nil) async throws -> Calendar {
        guard Policy.can(actor, .read, .schoolDeadlines(organizationID: actor.organizationID, schoolID: school)),
              try await env.scope(actor).schools.find(school) != nil else { throw ServiceError.notFound }
        return try await read(actor, startYear: startYear)
    }

    /// Saves a school's own dates: each one typed takes the place of the district's for the school; an empty one follows
    /// the district's again.
    public func saveSchoolDates(_ actor: Actor, school: School.ID, startYear: Int?, dates typed: [DeadlineKind: String],
                                address: String? = nil) async throws {
        guard try await env.scope(actor).schools.find(school) != nil else { throw ServiceError.notFound }
        guard Policy.can(actor, .update, .schoolDeadlines(organizationID: actor.organizationID, schoolID: school)) else {
            throw ServiceError.forbidden
        }
        let year = try await chosenYear(actor, startYear)
        var errors = FieldErrors()
        let dates = Self.dates(typed, in: year, errors: &errors)
        try errors.throwIfAny()
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await write(dates, school: school, year: year, scope)
            let summary = DeadlineKind.allCases.map { "\($0.label) \(dates[$0]?.map(\.iso) ?? "district's")" }.joined(separator: ", ")
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "school calendar \(year.label) for school \(school): \(summary)", address: address))
        }
    }

    private func read(_ actor: Actor, startYear: Int?) async throws -> Calendar {
        let scope = env.scope(actor)
        let year = try await chosenYear(actor, startYear)
        return Calendar(year: year, deadlines: try await scope.deadlines.calendar(schoolYear: year.startYear),
                        settings: try await scope.followThroughSettings(), rhythm: try await scope.checkInRhythm(),
                        schools: try await scope.schools.all())
    }

    /// The year asked for when it is one of `years`, else the current one.
    private func chosenYear(_ actor: Actor, _ startYear: Int?) async throws -> SchoolYear {
        let years = try await years(actor)
        return years.first { $0.startYear == startYear } ?? years[0]
    }

    private func write(_ dates: [DeadlineKind: CalendarDate?], school: School.ID?, year: SchoolYear, _ scope: OrganizationScope) async throws {
        for kind in DeadlineKind.allCases {
            if let due = dates[kind] ?? nil {
                try await scope.deadlines.set(kind, school: school, schoolYear: year.startYear, dueOn: due, id: env.ids.make())
            } else {
                try await scope.deadlines.remove(kind, school: school, schoolYear: year.startYear)
            }
        }
    }

    /// The typed dates read: a day inside the school year, or none (an empty field); anything else is a message at the
    /// kind's field.
    static func dates(_ typed: [DeadlineKind: String], in year: SchoolYear, errors: inout FieldErrors) -> [DeadlineKind: CalendarDate?] {
        var dates: [DeadlineKind: CalendarDate?] = [:]
        for kind in DeadlineKind.allCases {
            let text = (typed[kind] ?? "").trimmingWhitespace()
            guard !text.isEmpty else { dates[kind] = .some(nil); continue }
            guard let date = CalendarDate(iso: text), year.contains(date) else {
                errors[kind.rawValue] = "Enter a day inside the \(year.label) school year (\(year.startDate.longForm) to \(year.endDate.longForm)), e.g. \(year.startDate.adding(days: 90)?.iso ?? year.startDate.iso)."
                continue
            }
            dates[kind] = .some(date)
        }
        return dates
    }
}
