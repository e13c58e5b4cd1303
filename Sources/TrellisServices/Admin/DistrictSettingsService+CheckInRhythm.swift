import TrellisCore
import TrellisStore

/// The district's check-in rhythm: how many days without a check-in, a plan change or a coaching contact before a
/// caseload marks someone as gone quiet.
extension DistrictSettingsService {
    public func checkInRhythm(_ actor: Actor) async throws -> CheckInRhythm {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).checkInRhythm()
    }

    /// Sets the rhythm, typed as a number of days (7 to 120); anything else is a message at `rhythm_days`.
    public func setCheckInRhythm(_ actor: Actor, days text: String, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let range = CheckInRhythm.allowedDays
        guard let days = Int(text.trimmingWhitespace()), let rhythm = CheckInRhythm(days: days) else {
            throw FieldErrors("rhythm_days", "Enter a whole number of days from \(range.lowerBound) to \(range.upperBound), e.g. 28 for four weeks.")
        }
        let before = try await env.scope(actor).checkInRhythm()
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.setCheckInRhythm(rhythm)
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: "check-in rhythm \(before.days) → \(rhythm.days) days", address: address))
        }
    }
}
