import Foundation
import SQLKit
import TrellisCore

/// Tools on the shortlists of coaching cycles and plan goals, each with its rubric as JSON.
public struct ToolShortlistStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// An entry as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let entry: ShortlistEntry
        public let version: Int
    }

    public typealias Conflict = DigitalToolStore.Conflict

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    /// The one text every entry on the same shortlist shares.
    static func key(_ anchor: ShortlistAnchor) -> String {
        switch anchor {
        case .cycle(let cycle): "cycle:\(cycle)"
        case .goal(let plan, let goal): "goal:\(plan)/\(goal)"
        }
    }

    /// Adds the entry; `StoreError.duplicate("tool")` when the tool is on that shortlist already.
    public func add(_ entry: ShortlistEntry) async throws {
        precondition(entry.organizationID == organizationID, "a shortlist is kept in its own district")
        var planID: String?
        if case .goal(let plan, _) = entry.anchor { planID = plan.rawValue }
        do {
            try await executor.execute("""
                INSERT INTO tool_shortlist_entries (id, organization_id, tool_id, anchor, plan_id, document, version, added_at)
                VALUES (\(bind: entry.id.rawValue), \(bind: organizationID.rawValue), \(bind: entry.toolID.rawValue),
                        \(bind: Self.key(entry.anchor)), \(bind: planID), \(bind: try DocumentJSON.encode(entry)), 1,
                        \(bind: entry.addedAt.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("tool")
        }
    }

    public func find(_ id: ShortlistEntry.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM tool_shortlist_entries
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a changed rubric if nobody changed the entry since `version` was read; otherwise `Conflict`.
    @discardableResult
    public func update(_ entry: ShortlistEntry, expecting version: Int) async throws -> Int {
        let changed = try await executor.scalar("""
            UPDATE tool_shortlist_entries SET document = \(bind: try DocumentJSON.encode(entry)), version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: entry.id.rawValue) AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else {
            guard try await find(entry.id) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
        return changed
    }

    public func remove(_ id: ShortlistEntry.ID) async throws {
        try await executor.execute("""
            DELETE FROM tool_shortlist_entries WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """)
    }

    /// The shortlist of a cycle or a goal, in the order tools were added.
    public func entries(_ anchor: ShortlistAnchor) async throws -> [Stored] {
        try await executor.all("""
            SELECT document, version FROM tool_shortlist_entries
            WHERE organization_id = \(bind: organizationID.rawValue) AND anchor = \(bind: Self.key(anchor))
            ORDER BY added_at, id
            """, as: Row.self).map(decode)
    }

    /// How many plans and goals have each tool on a shortlist, counted without reading a document.
    public func goalUse() async throws -> [DigitalTool.ID: (plans: Int, goals: Int)] {
        struct Count: Decodable, Sendable {
            let toolId: String
            let plans: Int
            let goals: Int
        }
        let rows = try await executor.all("""
            SELECT tool_id, COUNT(DISTINCT plan_id) AS plans, COUNT(DISTINCT anchor) AS goals FROM tool_shortlist_entries
            WHERE organization_id = \(bind: organizationID.rawValue) AND plan_id IS NOT NULL GROUP BY tool_id
            """, as: Count.self)
        return Dictionary(rows.map { (DigitalTool.ID($0.toolId), (plans: $0.plans, goals: $0.goals)) }, uniquingKeysWith: { first, _ in first })
    }

    private func decode(_ row: Row) throws -> Stored {
        let entry = try JSONDecoder().decode(ShortlistEntry.self, from: Data(row.document.utf8))
        guard entry.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(entry: entry, version: row.version)
    }
}
