import Foundation
import TrellisCore
import TrellisStore

/// What a facilitator typed for a theme, kept as typed so a refused save shows it again.
public struct ThemeForm: Sendable, Hashable {
    public var title = ""
    public var studentOutcome = ""
    public var teacherAction = ""
    public var statementIDs: [String] = []

    public init() {}

    public init(title: String, studentOutcome: String, teacherAction: String = "", statementIDs: [String] = []) {
        self.title = title
        self.studentOutcome = studentOutcome
        self.teacherAction = teacherAction
        self.statementIDs = statementIDs
    }

    public init(_ theme: Theme) {
        self.init(title: theme.title, studentOutcome: theme.studentOutcome, teacherAction: theme.teacherAction,
                  statementIDs: theme.statementIDs.map(\.rawValue))
    }
}

/// Emerging themes: the facilitator groups statements into them; members read them with the statements behind each.
extension CohortService {
    public func themes(_ actor: Actor, _ id: Cohort.ID) async throws -> [Theme] {
        _ = try await load(actor, id)
        return try await env.scope(actor).visioning.themes(of: id)
    }

    /// Adds a theme (`themeID` nil) or saves one. A theme needs a title and a student outcome; its statements must be
    /// the cohort's.
    @discardableResult
    public func saveTheme(_ actor: Actor, _ id: Cohort.ID, themeID: Theme.ID?, _ form: ThemeForm) async throws -> Theme {
        _ = try await load(actor, id, may: .update, .setup)
        let scope = env.scope(actor)
        let themes = try await scope.visioning.themes(of: id)
        if let themeID, !themes.contains(where: { $0.id == themeID }) { throw ServiceError.notFound }
        var errors = FieldErrors()
        let title = form.title.trimmingWhitespace(), outcome = form.studentOutcome.trimmingWhitespace()
        let action = form.teacherAction.trimmingWhitespace()
        if title.isEmpty || title.count > 120 { errors["title"] = "Give the theme a title of at most 120 characters." }
        if outcome.isEmpty {
            errors["student_outcome"] = "Write the student outcome: what will be different for students when this theme is lived."
        } else if outcome.count > 1000 {
            errors["student_outcome"] = "Use at most 1000 characters (this has \(outcome.count))."
        }
        if action.count > 1000 { errors["teacher_action"] = "Use at most 1000 characters (this has \(action.count))." }
        let known = Set(try await scope.visioning.statements(of: id).map(\.id.rawValue))
        if !form.statementIDs.allSatisfy(known.contains) { errors["statements"] = "Choose statements from this cohort’s visioning." }
        if themeID == nil, themes.count >= 12 { errors["title"] = "A cohort holds at most 12 themes; most find three." }
        try errors.throwIfAny()
        var seen: Set<String> = []
        let theme = Theme(id: themeID ?? env.ids.make(), cohortID: id, title: title, studentOutcome: outcome, teacherAction: action,
                          statementIDs: form.statementIDs.filter { seen.insert($0).inserted }.map(VisioningStatement.ID.init))
        let position = themes.firstIndex { $0.id == theme.id } ?? themes.count
        try await write(actor) { tx in
            try await tx.visioning.save(theme, position: position)
            try await tx.audit.append(event(actor, "\(themeID == nil ? "added" : "changed") theme \(theme.id) in cohort \(id)"))
        }
        return theme
    }

    public func removeTheme(_ actor: Actor, _ id: Cohort.ID, themeID: Theme.ID) async throws {
        _ = try await load(actor, id, may: .update, .setup)
        guard try await env.scope(actor).visioning.themes(of: id).contains(where: { $0.id == themeID }) else { throw ServiceError.notFound }
        try await write(actor) { tx in
            try await tx.visioning.removeTheme(themeID, of: id)
            try await tx.audit.append(event(actor, "removed theme \(themeID) from cohort \(id)"))
        }
    }
}
