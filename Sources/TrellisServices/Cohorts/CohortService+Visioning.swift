import Foundation
import TrellisCore
import TrellisStore

/// Visioning: the facilitator opens and closes rounds; members post statements of the current and the ideal state.
extension CohortService {
    /// The facilitator's wall: every statement, with who wrote the named ones, and suggested groupings.
    public struct Wall: Sendable {
        public let rounds: [VisioningRound]
        public let statements: [VisioningStatement]
        public let authorNames: [Person.ID: String]
        public let suggestions: [SuggestedTheme]
    }

    public func rounds(_ actor: Actor, _ id: Cohort.ID) async throws -> [VisioningRound] {
        _ = try await load(actor, id)
        return try await env.scope(actor).visioning.rounds(of: id)
    }

    /// Opens a round; a cohort has one open round at a time.
    public func openRound(_ actor: Actor, _ id: Cohort.ID, prompt: String) async throws -> VisioningRound {
        _ = try await load(actor, id, may: .update, .setup)
        let text = prompt.trimmingWhitespace()
        guard !text.isEmpty, text.count <= 300 else {
            throw FieldErrors("prompt", "Write what members are asked in at most 300 characters, e.g. “Digital learning in our district, now and in three years”.")
        }
        if try await env.scope(actor).visioning.rounds(of: id).contains(where: \.isOpen) {
            throw ServiceError.conflict("A visioning round is open already; close it before opening another.")
        }
        let round = VisioningRound(id: env.ids.make(), cohortID: id, prompt: text, openedOn: today)
        try await write(actor) { tx in
            try await tx.visioning.create(round)
            try await tx.audit.append(event(actor, "opened visioning round \(round.id) in cohort \(id)"))
        }
        return round
    }

    public func closeRound(_ actor: Actor, _ id: Cohort.ID, round: VisioningRound.ID) async throws {
        _ = try await load(actor, id, may: .update, .setup)
        try await write(actor) { tx in
            guard try await tx.visioning.close(round, of: id, on: today) else { throw ServiceError.notFound }
            try await tx.audit.append(event(actor, "closed visioning round \(round) in cohort \(id)"))
        }
    }

    /// Posts a member's statement. Without their name, nothing stored says who wrote it, and no audit event is
    /// written either: its time and actor would say what the statement itself does not.
    @discardableResult
    public func post(_ actor: Actor, _ id: Cohort.ID, round roundID: VisioningRound.ID, kind: String, text: String,
                     anonymous: Bool) async throws -> VisioningStatement {
        let loaded = try await load(actor, id)
        guard let round = try await env.scope(actor).visioning.rounds(of: id).first(where: { $0.id == roundID }) else {
            throw ServiceError.notFound
        }
        guard Policy.can(actor, .create, .cohort(loaded.access, .statements(roundIsOpen: round.isOpen))) else {
            throw round.isOpen ? ServiceError.forbidden : ServiceError.conflict("This visioning round is closed; statements can no longer be added.")
        }
        var errors = FieldErrors()
        let kind = VisioningStatement.Kind(rawValue: kind)
        if kind == nil { errors["kind"] = "Choose whether this is how things are now or how they should be in three years." }
        let written = text.trimmingWhitespace()
        if written.isEmpty {
            errors["text"] = "Write a short statement: one thing you see now, or one thing you hope for."
        } else if written.count > VisioningStatement.maximumLength {
            errors["text"] = "Keep a statement to \(VisioningStatement.maximumLength) characters (this has \(written.count)); split a long thought into two."
        }
        try errors.throwIfAny()
        let statement = VisioningStatement(id: env.ids.make(), roundID: roundID, kind: kind!, text: written,
                                           authorID: anonymous ? nil : actor.personID, postedOn: today)
        try await write(actor) { tx in
            try await tx.visioning.add(statement, in: id)
            if !anonymous {
                try await tx.audit.append(event(actor, "posted a \(statement.kind.rawValue)-state statement in cohort \(id)"))
            }
        }
        return statement
    }

    /// The actor's own named statements in the cohort: what they can still take back. Anonymous ones cannot be
    /// told apart from anyone else's, theirs included.
    public func myStatements(_ actor: Actor, _ id: Cohort.ID) async throws -> [VisioningStatement] {
        _ = try await load(actor, id)
        return try await env.scope(actor).visioning.statements(of: id).filter { $0.authorID == actor.personID }
    }

    /// Takes back one of the actor's own named statements, and out of any theme it was grouped into.
    public func withdraw(_ actor: Actor, _ id: Cohort.ID, statement statementID: VisioningStatement.ID) async throws {
        _ = try await load(actor, id)
        let themes = try await env.scope(actor).visioning.themes(of: id)
        try await write(actor) { tx in
            guard try await tx.visioning.remove(statementID, by: actor.personID) else { throw ServiceError.notFound }
            for (position, var theme) in themes.enumerated() where theme.statementIDs.contains(statementID) {
                theme.statementIDs.removeAll { $0 == statementID }
                try await tx.visioning.save(theme, position: position)
            }
            try await tx.audit.append(event(actor, "withdrew a statement in cohort \(id)"))
        }
    }

    /// Every statement, as cards for the facilitator, with suggestions for grouping the ones no theme holds yet.
    public func wall(_ actor: Actor, _ id: Cohort.ID) async throws -> Wall {
        _ = try await load(actor, id, may: .read, .statements(roundIsOpen: true))
        let scope = env.scope(actor)
        let statements = try await scope.visioning.statements(of: id)
        let grouped = Set(try await scope.visioning.themes(of: id).flatMap(\.statementIDs))
        let names = try await scope.people.names(of: Set(statements.compactMap(\.authorID)))
        let suggestions = ThemeSuggester.suggestions(for: statements.filter { !grouped.contains($0.id) }, groups: 3)
        return Wall(rounds: try await scope.visioning.rounds(of: id), statements: statements, authorNames: names, suggestions: suggestions)
    }
}
