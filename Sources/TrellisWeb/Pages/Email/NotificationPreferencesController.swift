import Hummingbird
import TrellisCore
import TrellisServices

/// A person's own notification settings (`/account/notifications`): per kind, in Trellis only, email at once, or the
/// weekly digest; and the weekly digest itself on or off.
struct NotificationPreferencesController {
    let renderer: PageRenderer
    let preferences: NotificationPreferenceService
    let secure: Bool

    struct PreferencesView {
        struct Option {
            let id: String
            let name: String
            let value: String
            let label: String
            let selected: Bool
        }
        struct Kind {
            let id: String
            let label: String
            let error: String?
            let options: [Option]
        }
        let action = SiteRoute.notificationPreferences.path
        let errorSummary: ErrorSummary?
        let kinds: [Kind]
        let weeklyDigest: Bool
        let passwordPath = SiteRoute.changePassword.path
        let calendarPath = SiteRoute.calendarSettings.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get(RouterPath(SiteRoute.notificationPreferences.path), use: page)
        router.post(RouterPath(SiteRoute.notificationPreferences.path), use: save)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (kinds, digest) = try await preferences.choices(actor)
        let chosen = Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind, $0.channel.rawValue) })
        return render(view(kinds, chosen: chosen, digest: digest, errors: FieldErrors()), context: context)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        let (kinds, _) = try await preferences.choices(actor)
        var sent: [String: String] = [:]
        for kind in kinds { if let value = form.all(kind.kind).first { sent[kind.kind] = value } }
        let digest = form["weekly_digest"] == "on"
        do {
            try await preferences.update(actor, channels: sent, weeklyDigest: digest)
            return Flash.redirect(to: .notificationPreferences, Flash(message: "Your notification settings are saved."), secure: secure)
        } catch let errors as FieldErrors {
            // What the person chose is shown again as they chose it, with the message at the field.
            let chosen = Dictionary(uniqueKeysWithValues: kinds.map { ($0.kind, sent[$0.kind] ?? $0.channel.rawValue) })
            return render(view(kinds, chosen: chosen, digest: digest, errors: errors), context: context, status: .unprocessableContent)
        }
    }

    private func render(_ view: PreferencesView, context: TrellisRequestContext, status: HTTPResponse.Status = .ok) -> Response {
        renderer.render("account_notifications", title: ErrorSummary.title("Notifications and email", view.errorSummary), content: view,
                        context: context, status: status, section: .account)
    }

    private func view(_ kinds: [NotificationPreferenceService.Choice], chosen: [String: String], digest: Bool,
                      errors: FieldErrors) -> PreferencesView {
        let lines = kinds.map { kind in
            let id = "kind-\(kind.kind)"
            return PreferencesView.Kind(id: id, label: kind.label, error: errors[kind.kind], options: NotificationChannel.allCases.map { channel in
                PreferencesView.Option(id: "\(id)-\(channel.rawValue)", name: kind.kind, value: channel.rawValue, label: channel.label,
                                       selected: chosen[kind.kind] == channel.rawValue)
            })
        }
        let summary = ErrorSummary(lines.map { ErrorSummary.field(id: $0.id, $0.error) })
        return PreferencesView(errorSummary: summary, kinds: lines, weeklyDigest: digest)
    }
}
