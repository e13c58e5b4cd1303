import TrellisCore
import TrellisStore

/// A district's settings: the day its school year starts (Washington's is July 1) and the guiding questions
/// offered with feedback on goals.
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

    /// The bank offered with goal feedback, and whether it is the district's own rather than Trellis's.
    public func guidingQuestions(_ actor: Actor) async throws -> (bank: GuidingQuestions, isDistrictOwn: Bool) {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let own = try await env.scope(actor).guidingQuestions()
        return (own ?? .standard, own != nil)
    }

    /// Replaces the bank with the text typed for each part (one question per line); see `GuidingQuestions.parse`.
    public func setGuidingQuestions(_ actor: Actor, text: [SMARTPart: String], address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let bank = try GuidingQuestions.parse(text)
        let counts = SMARTPart.allCases.map { "\($0.label) \(bank.questions(for: $0).count)" }.joined(separator: ", ")
        try await saveGuidingQuestions(actor, bank, detail: "guiding questions written by the district (\(counts))", address: address)
    }

    /// Goes back to the questions Trellis ships with.
    public func resetGuidingQuestions(_ actor: Actor, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        try await saveGuidingQuestions(actor, nil, detail: "guiding questions back to Trellis's own", address: address)
    }

    private func saveGuidingQuestions(_ actor: Actor, _ bank: GuidingQuestions?, detail: String, address: String?) async throws {
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.setGuidingQuestions(bank)
            try await scope.audit.append(env.event(.settingsChanged, in: actor.organizationID, by: actor.personID, about: nil,
                                                   detail: detail, address: address))
        }
    }
}
