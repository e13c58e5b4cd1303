import Foundation
import SQLKit
import TrellisCore

/// A district's visioning rounds, the statements posted in them and the themes found in them.
public struct VisioningStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct RoundRow: Decodable, Sendable {
        let id: String
        let cohortId: String
        let prompt: String
        let openedOn: String
        let closedOn: String?
    }

    private struct StatementRow: Decodable, Sendable {
        let id: String
        let roundId: String
        let kind: String
        let text: String
        let authorId: String?
        let postedOn: String
    }

    private struct DocumentRow: Decodable, Sendable { let document: String }

    // MARK: Rounds

    public func create(_ round: VisioningRound) async throws {
        defer { executor.forgetRecent(startingWith: CohortReads.prefix(organizationID, round.cohortID)) }
        try await executor.execute("""
            INSERT INTO visioning_rounds (id, organization_id, cohort_id, prompt, opened_on, closed_on)
            VALUES (\(bind: round.id.rawValue), \(bind: organizationID.rawValue), \(bind: round.cohortID.rawValue),
                    \(bind: round.prompt), \(bind: round.openedOn.iso), \(bind: round.closedOn?.iso))
            """)
    }

    /// Closes an open round; false when it was closed already (or is not this cohort's).
    public func close(_ round: VisioningRound.ID, of cohort: Cohort.ID, on day: CalendarDate) async throws -> Bool {
        defer { executor.forgetRecent(startingWith: CohortReads.prefix(organizationID, cohort)) }
        return try await executor.scalar("""
            UPDATE visioning_rounds SET closed_on = \(bind: day.iso)
            WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue)
                AND id = \(bind: round.rawValue) AND closed_on IS NULL
            RETURNING 1
            """) > 0
    }

    /// The cohort's rounds, oldest first.
    public func rounds(of cohort: Cohort.ID, recent: Bool = false) async throws -> [VisioningRound] {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, cohort) + "rounds") { try await readRounds(cohort) }
    }

    private func readRounds(_ cohort: Cohort.ID) async throws -> [VisioningRound] {
        try await executor.all("""
            SELECT id, cohort_id, prompt, opened_on, closed_on FROM visioning_rounds
            WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue)
            ORDER BY opened_on, id
            """, as: RoundRow.self).compactMap { row in
            guard let opened = CalendarDate(iso: row.openedOn) else { return nil }
            return VisioningRound(id: .init(row.id), cohortID: .init(row.cohortId), prompt: row.prompt, openedOn: opened,
                                  closedOn: row.closedOn.flatMap(CalendarDate.init(iso:)))
        }
    }

    // MARK: Statements

    /// Keeps a statement. An anonymous one is written with a NULL author: there is nothing else to hide.
    public func add(_ statement: VisioningStatement, in cohort: Cohort.ID) async throws {
        defer { executor.forgetRecent(startingWith: CohortReads.prefix(organizationID, cohort)) }
        try await executor.execute("""
            INSERT INTO visioning_statements (id, organization_id, cohort_id, round_id, kind, text, author_id, posted_on)
            VALUES (\(bind: statement.id.rawValue), \(bind: organizationID.rawValue), \(bind: cohort.rawValue),
                    \(bind: statement.roundID.rawValue), \(bind: statement.kind.rawValue), \(bind: statement.text),
                    \(bind: statement.authorID?.rawValue), \(bind: statement.postedOn.iso))
            """)
    }

    /// Removes a named statement by its author; anonymous statements have no author who could.
    public func remove(_ id: VisioningStatement.ID, by author: Person.ID) async throws -> Bool {
        defer { executor.forgetRecent(startingWith: CohortReads.prefix(organizationID)) }
        return try await executor.scalar("""
            DELETE FROM visioning_statements
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue) AND author_id = \(bind: author.rawValue)
            RETURNING 1
            """) > 0
    }

    /// Every statement of the cohort (all rounds), by day posted; within a day in an order that tells nothing.
    public func statements(of cohort: Cohort.ID, recent: Bool = false) async throws -> [VisioningStatement] {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, cohort) + "statements") { try await readStatements(cohort) }
    }

    private func readStatements(_ cohort: Cohort.ID) async throws -> [VisioningStatement] {
        try await executor.all("""
            SELECT id, round_id, kind, text, author_id, posted_on FROM visioning_statements
            WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue)
            ORDER BY posted_on, id
            """, as: StatementRow.self).compactMap { row in
            guard let kind = VisioningStatement.Kind(rawValue: row.kind), let posted = CalendarDate(iso: row.postedOn) else { return nil }
            return VisioningStatement(id: .init(row.id), roundID: .init(row.roundId), kind: kind, text: row.text,
                                      authorID: row.authorId.map(Person.ID.init), postedOn: posted)
        }
    }

    // MARK: Themes

    public func save(_ theme: Theme, position: Int) async throws {
        defer { executor.forgetRecent(startingWith: CohortReads.prefix(organizationID, theme.cohortID)) }
        let document = try DocumentJSON.encode(theme)
        try await executor.atomically { tx in
            try await tx.execute("""
                DELETE FROM cohort_themes WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: theme.id.rawValue)
                """)
            try await tx.execute("""
                INSERT INTO cohort_themes (id, organization_id, cohort_id, position, document)
                VALUES (\(bind: theme.id.rawValue), \(bind: organizationID.rawValue), \(bind: theme.cohortID.rawValue),
                        \(bind: position), \(bind: document))
                """)
        }
    }

    public func removeTheme(_ id: Theme.ID, of cohort: Cohort.ID) async throws {
        defer { executor.forgetRecent(startingWith: CohortReads.prefix(organizationID, cohort)) }
        try await executor.execute("""
            DELETE FROM cohort_themes
            WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue) AND id = \(bind: id.rawValue)
            """)
    }

    /// The cohort's themes in the facilitator's order.
    public func themes(of cohort: Cohort.ID, recent: Bool = false) async throws -> [Theme] {
        try await executor.reusing(recent, CohortReads.prefix(organizationID, cohort) + "themes") { try await readThemes(cohort) }
    }

    private func readThemes(_ cohort: Cohort.ID) async throws -> [Theme] {
        try await executor.all("""
            SELECT document FROM cohort_themes
            WHERE organization_id = \(bind: organizationID.rawValue) AND cohort_id = \(bind: cohort.rawValue)
            ORDER BY position, id
            """, as: DocumentRow.self).map { try DocumentJSON.decode(Theme.self, $0.document) }.filter { $0.cohortID == cohort }
    }
}
