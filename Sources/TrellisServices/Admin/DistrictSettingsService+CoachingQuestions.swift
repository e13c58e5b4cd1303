import TrellisCore
import TrellisStore

/// The district's guiding questions for coaches, offered beside the note field of a session.
extension DistrictSettingsService {
    /// The bank, and whether it is the district's own rather than Trellis's; for the admin's settings page.
    public func coachingQuestions(_ actor: Actor) async throws -> (bank: CoachingQuestions, isDistrictOwn: Bool) {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let own = try await env.scope(actor).coachingQuestions()
        return (own ?? .standard, own != nil)
    }

    /// Replaces the bank with the text typed (see `CoachingQuestions.parse`).
    public func setCoachingQuestions(_ actor: Actor, text: String, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let bank = try CoachingQuestions.parse(text)
        let count = bank.groups.map(\.questions.count).reduce(0, +)
        try await saveCoachingQuestions(actor, bank, detail: "coaching questions written by the district (\(count) in \(bank.groups.count) groups)",
                                        address: address)
    }

    /// Goes back to the questions Trellis ships with.
    public func resetCoachingQuestions(_ actor: Actor, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        try await saveCoachingQuestions(actor, nil, detail: "coaching questions back to Trellis's own", address: address)
    }

    private func saveCoachingQuestions(_ actor: Actor, _ bank: CoachingQuestions?, detail: String, address: String?) async throws {
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.setCoachingQuestions(bank)
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: detail, address: address))
        }
    }
}

extension CoachingSessionService {
    /// The questions offered beside a coach's note field: the district's own, or Trellis's.
    public func coachingQuestions(_ actor: Actor) async throws -> CoachingQuestions {
        try await env.scope(actor).coachingQuestions() ?? .standard
    }
}
