import Hummingbird
import TrellisCore
import TrellisServices

/// The school year's calendar for district admins (deadlines, reminder offsets, stall grace and the check-in rhythm),
/// and a school's own dates for its leaders.
struct CalendarController {
    let renderer: PageRenderer
    let calendars: DistrictCalendarService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings/calendar", use: page)
        router.post("/admin/settings/calendar", use: save)
        router.get("/calendar/schools/:school", use: schoolPage)
        router.post("/calendar/schools/:school", use: saveSchool)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let calendar = try await calendars.calendar(actor, startYear: Self.year(request))
        let dates = Dictionary(uniqueKeysWithValues: DeadlineKind.allCases.map { kind in
            (kind, calendar.deadlines.deadline(kind, school: nil)?.dueOn.iso ?? "")
        })
        let form = DistrictCalendarService.Form(dates: dates, offsets: calendar.settings.offsetsText, graceDays: String(calendar.settings.graceDays),
                                                rhythmDays: String(calendar.rhythm.days))
        return try await render(context, actor, calendar, form: form, errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let data = try await FormData.from(request)
        let year = Int(data["year"])
        let form = DistrictCalendarService.Form(dates: Dictionary(uniqueKeysWithValues: DeadlineKind.allCases.map { ($0, data[$0.rawValue]) }),
                                                offsets: data["reminder_offsets"], graceDays: data["grace_days"], rhythmDays: data["rhythm_days"])
        do {
            try await calendars.save(actor, startYear: year, form: form, address: context.peerAddress)
            var response = Flash.redirect(to: .calendar, Flash(message: "The calendar is saved. Reminders and stall notices follow it from tomorrow’s run."), secure: secure)
            if let year { response.headers[.location] = SiteRoute.calendar.path + "?year=\(year)" }
            return response
        } catch let errors as FieldErrors {
            return try await render(context, actor, try await calendars.calendar(actor, startYear: year), form: form, errors: errors,
                                    status: .unprocessableContent)
        }
    }

    private func render(_ context: TrellisRequestContext, _ actor: Actor, _ calendar: DistrictCalendarService.Calendar,
                        form: DistrictCalendarService.Form, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let years = try await calendars.years(actor)
        let view = CalendarView(calendar: calendar, years: years, form: form, errors: errors)
        return renderer.render("follow_through_calendar", title: ErrorSummary.title("School-year calendar", view.errorSummary),
                               content: view, context: context, status: status, section: .settings)
    }

    func schoolPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let school = School.ID(try context.parameters.require("school"))
        let calendar = try await calendars.schoolCalendar(actor, school: school, startYear: Self.year(request))
        let dates = Dictionary(uniqueKeysWithValues: DeadlineKind.allCases.map { kind in
            (kind, calendar.deadlines.deadlines.first { $0.kind == kind && $0.schoolID == school }?.dueOn.iso ?? "")
        })
        return try await renderSchool(context, actor, calendar, school: school, dates: dates, errors: FieldErrors(), status: .ok)
    }

    func saveSchool(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let school = School.ID(try context.parameters.require("school"))
        let data = try await FormData.from(request)
        let year = Int(data["year"])
        let dates = Dictionary(uniqueKeysWithValues: DeadlineKind.allCases.map { ($0, data[$0.rawValue]) })
        do {
            try await calendars.saveSchoolDates(actor, school: school, startYear: year, dates: dates, address: context.peerAddress)
            var response = Flash.redirect(to: .schoolCalendar(school), Flash(message: "The school’s dates are saved."), secure: secure)
            if let year { response.headers[.location] = SiteRoute.schoolCalendar(school).path + "?year=\(year)" }
            return response
        } catch let errors as FieldErrors {
            let calendar = try await calendars.schoolCalendar(actor, school: school, startYear: year)
            return try await renderSchool(context, actor, calendar, school: school, dates: dates, errors: errors, status: .unprocessableContent)
        }
    }

    private func renderSchool(_ context: TrellisRequestContext, _ actor: Actor, _ calendar: DistrictCalendarService.Calendar, school: School.ID,
                              dates: [DeadlineKind: String], errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let view = SchoolCalendarView(calendar: calendar, school: school, years: try await calendars.years(actor), dates: dates, errors: errors,
                                      mayChange: Policy.can(actor, .update, .schoolDeadlines(organizationID: actor.organizationID, schoolID: school)))
        return renderer.render("follow_through_school_calendar", title: ErrorSummary.title("School dates", view.errorSummary),
                               content: view, context: context, status: status)
    }

    static func year(_ request: Request) -> Int? {
        request.uri.queryParameters.get("year").flatMap { Int($0) }
    }
}
