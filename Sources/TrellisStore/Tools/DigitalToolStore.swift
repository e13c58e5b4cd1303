import Foundation
import SQLKit
import TrellisCore

/// The district's catalogue of digital tools, each whole as JSON beside its name, approval and renewal day.
public struct DigitalToolStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A tool as stored, with the version a change must name.
    public struct Stored: Sendable, Hashable {
        public let tool: DigitalTool
        public let version: Int
    }

    /// The tool was changed since the version a change names was read.
    public struct Conflict: Error, Hashable, Sendable {}

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    public func create(_ tool: DigitalTool) async throws {
        precondition(tool.organizationID == organizationID, "a tool is kept in its own district")
        try await executor.execute("""
            INSERT INTO digital_tools (id, organization_id, name, approval, proposed_by, renews_on, document, version, created_at)
            VALUES (\(bind: tool.id.rawValue), \(bind: organizationID.rawValue), \(bind: tool.name), \(bind: tool.approval.rawValue),
                    \(bind: tool.proposedBy.rawValue), \(bind: tool.licence.renewsOn?.iso), \(bind: try DocumentJSON.encode(tool)), 1,
                    \(bind: tool.proposedAt.millisecondsSince1970))
            """)
    }

    public func find(_ id: DigitalTool.ID) async throws -> Stored? {
        try await executor.first("""
            SELECT document, version FROM digital_tools
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// Saves a change if nobody changed the tool since `version` was read; returns the new version, otherwise `Conflict`.
    @discardableResult
    public func update(_ tool: DigitalTool, expecting version: Int) async throws -> Int {
        let changed = try await executor.scalar("""
            UPDATE digital_tools SET name = \(bind: tool.name), approval = \(bind: tool.approval.rawValue),
                renews_on = \(bind: tool.licence.renewsOn?.iso), document = \(bind: try DocumentJSON.encode(tool)), version = version + 1
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: tool.id.rawValue) AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else {
            guard try await find(tool.id) != nil else { throw StoreError.notFound }
            throw Conflict()
        }
        return changed
    }

    /// The district's tools in `approvals` (every approval when nil), by name.
    public func all(approvals: Set<DigitalTool.Approval>? = nil) async throws -> [Stored] {
        let rows = try await executor.all("""
            SELECT document, version, approval FROM digital_tools
            WHERE organization_id = \(bind: organizationID.rawValue) ORDER BY name, id
            """, as: ApprovalRow.self)
        return try rows.filter { approvals?.contains(DigitalTool.Approval(rawValue: $0.approval) ?? .proposed) ?? true }
            .map { try decode(Row(document: $0.document, version: $0.version)) }
    }

    private struct ApprovalRow: Decodable, Sendable {
        let document: String
        let version: Int
        let approval: String
    }

    /// The tools of `ids` that are in this district, by id.
    public func tools(_ ids: Set<DigitalTool.ID>) async throws -> [DigitalTool.ID: DigitalTool] {
        let rows = try await executor.all(over: ids.map(\.rawValue).sorted(), as: Row.self) { chunk in """
            SELECT document, version FROM digital_tools WHERE organization_id = \(bind: organizationID.rawValue) AND id IN (\(binds: chunk))
            """ }
        return Dictionary(try rows.map(decode).map { ($0.tool.id, $0.tool) }, uniquingKeysWith: { first, _ in first })
    }

    private func decode(_ row: Row) throws -> Stored {
        let tool = try JSONDecoder().decode(DigitalTool.self, from: Data(row.document.utf8))
        // The document cannot move a tool to another district, whatever it says.
        guard tool.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(tool: tool, version: row.version)
    }
}

extension OrganizationScope {
    public var digitalTools: DigitalToolStore { DigitalToolStore(executor: executor, organizationID: organizationID) }
    public var toolShortlists: ToolShortlistStore { ToolShortlistStore(executor: executor, organizationID: organizationID) }
    public var efficacyTrials: EfficacyTrialStore { EfficacyTrialStore(executor: executor, organizationID: organizationID) }
}
