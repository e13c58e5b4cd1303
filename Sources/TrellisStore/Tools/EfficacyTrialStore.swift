import Foundation
import SQLKit
import TrellisCore

/// Efficacy trials, each whole as JSON beside its tool, coach, visibility and verdict, with who is in it in
/// `efficacy_trial_people` (written in the same transaction).
public struct EfficacyTrialStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A trial as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let trial: EfficacyTrial
        public let version: Int
    }

    public typealias Conflict = DigitalToolStore.Conflict

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    public func create(_ trial: EfficacyTrial, at date: Date) async throws {
        precondition(trial.organizationID == organizationID, "a trial is kept in its own district")
        try await executor.atomically { tx in
            try await tx.execute("""
                INSERT INTO efficacy_trials (id, organization_id, tool_id, coach_id, visibility, verdict, starts_on, document, version, created_at)
                VALUES (\(bind: trial.id.rawValue), \(bind: organizationID.rawValue), \(bind: trial.toolID.rawValue),
                        \(bind: trial.coachID.rawValue), \(bind: trial.visibility.rawValue), \(bind: trial.verdict?.rawValue),
                        \(bind: trial.startsOn.iso), \(bind: try DocumentJSON.encode(trial)), 1, \(bind: date.millisecondsSince1970))
                """)
            try await EfficacyTrialStore(executor: tx, organizationID: organizationID).savePeople(trial)
        }
    }

    public func find(_ id: EfficacyTrial.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM efficacy_trials WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the trial since `version` was read; returns the new version, otherwise `Conflict`.
    @discardableResult
    public func update(_ trial: EfficacyTrial, expecting version: Int) async throws -> Int {
        try await executor.atomically { tx in
            let changed = try await tx.scalar("""
                UPDATE efficacy_trials SET tool_id = \(bind: trial.toolID.rawValue), visibility = \(bind: trial.visibility.rawValue),
                    verdict = \(bind: trial.verdict?.rawValue), starts_on = \(bind: trial.startsOn.iso),
                    document = \(bind: try DocumentJSON.encode(trial)), version = version + 1
                WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: trial.id.rawValue) AND version = \(bind: version)
                RETURNING version
                """)
            let store = EfficacyTrialStore(executor: tx, organizationID: organizationID)
            guard changed > 0 else {
                guard try await store.find(trial.id) != nil else { throw StoreError.notFound }
                throw Conflict()
            }
            try await store.savePeople(trial)
            return changed
        }
    }

    /// The trials `person` is in (as coach or educator), the latest start first.
    public func trials(involving person: Person.ID) async throws -> [Stored] {
        try await executor.all("""
            SELECT document, version FROM efficacy_trials
            WHERE organization_id = \(bind: organizationID.rawValue) AND id IN (
                SELECT trial_id FROM efficacy_trial_people WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue))
            ORDER BY starts_on DESC, id
            """, as: Row.self).map(decode)
    }

    /// The trials of one tool, the latest start first.
    public func trials(tool: DigitalTool.ID) async throws -> [Stored] {
        try await executor.all("""
            SELECT document, version FROM efficacy_trials
            WHERE organization_id = \(bind: organizationID.rawValue) AND tool_id = \(bind: tool.rawValue)
            ORDER BY starts_on DESC, id
            """, as: Row.self).map(decode)
    }

    /// Every trial whose summary its people chose to share, for the adoption view.
    public func sharedTrials() async throws -> [EfficacyTrial] {
        try await executor.all("""
            SELECT document, version FROM efficacy_trials
            WHERE organization_id = \(bind: organizationID.rawValue) AND visibility = \(bind: EfficacyTrial.Visibility.sharedSummary.rawValue)
            ORDER BY starts_on DESC, id
            """, as: Row.self).map(decode).map(\.trial)
    }

    private func savePeople(_ trial: EfficacyTrial) async throws {
        try await executor.execute("""
            DELETE FROM efficacy_trial_people WHERE organization_id = \(bind: organizationID.rawValue) AND trial_id = \(bind: trial.id.rawValue)
            """)
        for person in Set([trial.coachID] + trial.educatorIDs).sorted() {
            try await executor.execute("""
                INSERT INTO efficacy_trial_people (trial_id, person_id, organization_id)
                VALUES (\(bind: trial.id.rawValue), \(bind: person.rawValue), \(bind: organizationID.rawValue))
                """)
        }
    }

    private func decode(_ row: Row) throws -> Stored {
        let trial = try JSONDecoder().decode(EfficacyTrial.self, from: Data(row.document.utf8))
        guard trial.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(trial: trial, version: row.version)
    }
}
