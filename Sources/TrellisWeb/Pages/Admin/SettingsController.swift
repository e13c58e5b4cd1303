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
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/settings", use: page)
        router.post("/admin/settings", use: save)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let start = try await settings.schoolYearStart(try context.requireActor())
        return render(context, month: String(start.month), day: String(start.day), errors: FieldErrors(), status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            try await settings.setSchoolYearStart(actor, month: form["month"], day: form["day"], address: context.peerAddress)
            return Flash.redirect(to: .settings, Flash(message: "The school year start is saved. New plans use it; plans already started keep their year."), secure: secure)
        } catch let errors as FieldErrors {
            return render(context, month: form["month"], day: form["day"], errors: errors, status: .unprocessableContent)
        }
    }

    private func render(_ context: TrellisRequestContext, month: String, day: String, errors: FieldErrors, status: HTTPResponse.Status) -> Response {
        let view = SettingsView(
            months: CalendarDate.monthNames.enumerated().map { SettingsView.Month(value: $0 + 1, name: $1, selected: String($0 + 1) == month) },
            monthError: errors["month"],
            day: FieldView(name: "day", label: "Day", type: "number", value: day, errors: errors))
        return renderer.render("admin_settings", title: "District settings", content: view, context: context, status: status, section: .settings)
    }
}
