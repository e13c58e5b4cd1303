import Foundation
import SQLKit
import TrellisCore

/// Signatures on plans: written once, never updated. The snapshot and its hash sit in their own columns so a check
/// reads exactly the stored bytes, and so tampering with either shows.
public struct SignatureStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable {
        let document: String
        let snapshot: String
        let sha256: String
    }

    /// Records a signature; a second one on the same review request is a `duplicate("review_request")`.
    public func create(_ signature: Signature) async throws {
        precondition(signature.organizationID == organizationID, "a signature is kept in its own district")
        do {
            try await executor.execute("""
                INSERT INTO signatures (id, organization_id, plan_id, review_request_id, signed_at, document, snapshot, sha256)
                VALUES (\(bind: signature.id.rawValue), \(bind: organizationID.rawValue), \(bind: signature.planID.rawValue),
                        \(bind: signature.reviewRequestID.rawValue), \(bind: signature.signedAt.millisecondsSince1970),
                        \(bind: try Self.encode(signature)), \(bind: signature.snapshot.document), \(bind: signature.snapshot.sha256))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("review_request")
        }
    }

    /// A plan's signatures, newest first: the first is the one that stands.
    public func signatures(forPlan plan: GrowthPlan.ID) async throws -> [Signature] {
        try await executor.all("""
            SELECT document, snapshot, sha256 FROM signatures
            WHERE organization_id = \(bind: organizationID.rawValue) AND plan_id = \(bind: plan.rawValue)
            ORDER BY signed_at DESC, id DESC
            """, as: Row.self).map(decode)
    }

    public func find(_ id: Signature.ID) async throws -> Signature? {
        try await executor.first("""
            SELECT document, snapshot, sha256 FROM signatures
            WHERE organization_id = \(bind: organizationID.rawValue) AND id = \(bind: id.rawValue)
            """, as: Row.self).map(decode)
    }

    /// The signature as stored, with the snapshot and hash read from their columns (not from the document).
    private func decode(_ row: Row) throws -> Signature {
        var signature = try JSONDecoder().decode(Signature.self, from: Data(row.document.utf8))
        guard signature.organizationID == organizationID else { throw StoreError.notFound }
        signature.snapshot = PlanSnapshot(document: row.snapshot, sha256: row.sha256)
        return signature
    }

    /// The signature without its snapshot, which has columns of its own.
    static func encode(_ signature: Signature) throws -> String {
        var slim = signature
        slim.snapshot = PlanSnapshot(document: "", sha256: "")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(slim), as: UTF8.self)
    }
}

extension OrganizationScope {
    public var signatures: SignatureStore { SignatureStore(executor: executor, organizationID: organizationID) }
}
