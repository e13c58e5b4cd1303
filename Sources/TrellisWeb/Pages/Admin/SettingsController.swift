import Hummingbird
import TrellisCore
import TrellisServices

/// District settings for district admins: when the school year starts (the guiding questions have their own page).
struct SettingsController {
    let renderer: PageRenderer
    let settings: DistrictSettingsService
    let secure: Bool

    struct SettingsView {
        struct Month {
            let value: Int
            let name: String
            let selected: Bool
        }
        let action = SiteRoute.settings.path
        let questionsPath = SiteRoute.guidingQuestions.path
        let months: [Month]
        let monthError: String?
        let day: FieldView
        let rhythmAction = SiteRoute.settings.path + "/check-in-rhythm"
        let rhythm: FieldView
        let errorSummary: ErrorSummary?
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings", use: page)
        router.post("/admin/settings", use: save)
        router.post("/admin/settings/check-in-rhythm", use: saveRhythm)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let start = try await settings.schoolYearStart(actor)
        let rhythm = try await settings.checkInRhythm(actor)
        return render(context, month: String(start.month), day: String(start.day), rhythm: String(rhythm.days), errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            try await settings.setSchoolYearStart(actor, month: form["month"], day: form["day"], address: context.peerAddress)
            return Flash.redirect(to: .settings, Flash(message: "The school year start is saved. New plans use it; plans already started keep their year."), secure: secure)
        } catch let errors as FieldErrors {
            let rhythm = try await settings.checkInRhythm(actor)
            return render(context, month: form["month"], day: form["day"], rhythm: String(rhythm.days), errors: errors, status: .unprocessableContent)
        }
    }

    /// The check-in rhythm has a form of its own beside the school year's, so a mistake in one keeps the other as saved.
    func saveRhythm(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            try await settings.setCheckInRhythm(actor, days: form["rhythm_days"], address: context.peerAddress)
            return Flash.redirect(to: .settings, Flash(message: "The check-in rhythm is saved. Caseloads mark who has gone quiet by it from now on."), secure: secure)
        } catch let errors as FieldErrors {
            let start = try await settings.schoolYearStart(actor)
            return render(context, month: String(start.month), day: String(start.day), rhythm: form["rhythm_days"], errors: errors,
                          status: .unprocessableContent)
        }
    }

    private func render(_ context: TrellisRequestContext, month: String, day: String, rhythm: String, errors: FieldErrors,
                        status: HTTPResponse.Status) -> Response {
        let rhythmField = FieldView(name: "rhythm_days", label: "Days without any sign of life", type: "number", value: rhythm, errors: errors,
                                    hint: "From \(CheckInRhythm.allowedDays.lowerBound) to \(CheckInRhythm.allowedDays.upperBound). No check-in, plan change or coaching contact for longer marks a person as gone quiet on their coach's caseload. Four weeks (28) unless you choose otherwise.")
        let dayField = FieldView(name: "day", label: "Day", type: "number", value: day, errors: errors)
        let view = SettingsView(
            months: CalendarDate.monthNames.enumerated().map { SettingsView.Month(value: $0 + 1, name: $1, selected: String($0 + 1) == month) },
            monthError: errors["month"],
            day: dayField, rhythm: rhythmField,
            errorSummary: ErrorSummary([ErrorSummary.field(id: "field-month", errors["month"]), ErrorSummary.field(dayField), ErrorSummary.field(rhythmField)]))
        return renderer.render("admin_settings", title: ErrorSummary.title("District settings", view.errorSummary), content: view, context: context, status: status, section: .settings)
    }
}
