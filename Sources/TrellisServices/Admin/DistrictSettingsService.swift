import TrellisCore
import TrellisStore

/// A district's settings: for now, the day its school year starts (Washington's is July 1).
public struct DistrictSettingsService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func schoolYearStart(_ actor: Actor) async throws -> SchoolYearStart {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).schoolYearStart()
    }

    /// Sets the first day of the school year, typed as a month (1–12) and a day.
    /// Plans already started keep the year they were started in.
    public func setSchoolYearStart(_ actor: Actor, month monthText: String, day dayText: String, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        guard let month = Int(monthText.trimmingWhitespace()), (1...12).contains(month) else {
            throw FieldErrors("month", "Choose a month.")
        }
        guard let day = Int(dayText.trimmingWhitespace()), let start = SchoolYearStart(month: month, day: day) else {
            throw FieldErrors("day", "Enter a day that exists in that month every year (not February 29).")
        }
        let before = try await env.scope(actor).schoolYearStart()
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.setSchoolYearStart(start)
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "school year starts \(CalendarDate.monthNames[before.month - 1]) \(before.day) → \(CalendarDate.monthNames[month - 1]) \(day)",
                                                   address: address))
        }
    }
}
