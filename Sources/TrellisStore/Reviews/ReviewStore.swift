import Foundation
import SQLKit
import TrellisCore

/// The review requests of one district, each stored whole with a version, like plans.
public struct ReviewStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A request as stored, with the version a save must name.
    public struct Stored: Sendable {
        public let request: ReviewRequest
        public let version: Int
    }

    private struct Row: Decodable, Sendable {
        let document: String
        let version: Int
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Records a new submission. `tokenHash` is the SHA-256 of an outside reviewer's link token.
    /// A second request with the same submission number is a `duplicate("submission")`.
    public func create(_ request: ReviewRequest, tokenHash: String?) async throws {
        precondition(request.organizationID == organizationID, "a review request is created in its own district")
        do {
            try await executor.execute("""
                INSERT INTO review_requests (id, organization_id, plan_id, submission, reviewer_id, state, token_hash, document,
                                             version, requested_at)
                VALUES (\(bind: request.id.rawValue), \(bind: organizationID.rawValue), \(bind: request.planID.rawValue),
                        \(bind: request.submission), \(bind: request.reviewer.personID?.rawValue), \(bind: request.state.rawValue),
                        \(bind: tokenHash), \(bind: try Self.encode(request)), \(bind: 1), \(bind: request.requestedAt.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("submission")
        }
    }

    public func find(_ id: ReviewRequest.ID) async throws -> Stored? {
        guard let row = try await executor.first("""
            SELECT document, version FROM review_requests
            WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue)
            """, as: Row.self) else { return nil }
        return try decode(row)
    }

    /// Saves the request if nobody changed it since `version` was read; returns the new version.
    /// Otherwise throws `PlanStore.Conflict` and writes nothing. A decided request loses its link token.
    public func save(_ request: ReviewRequest, expecting version: Int) async throws -> Int {
        let keepsLink = request.state == .open
        let changed = try await executor.scalar("""
            UPDATE review_requests SET state = \(bind: request.state.rawValue), document = \(bind: try Self.encode(request)),
                version = version + 1, token_hash = CASE WHEN \(bind: keepsLink) THEN token_hash ELSE NULL END
            WHERE id = \(bind: request.id.rawValue) AND organization_id = \(bind: organizationID.rawValue) AND version = \(bind: version)
            RETURNING version
            """)
        guard changed > 0 else { throw PlanStore.Conflict() }
        return changed
    }

    /// Every submission of a plan, first to last.
    public func requests(forPlan plan: GrowthPlan.ID) async throws -> [ReviewRequest] {
        try await executor.all("""
            SELECT document, version FROM review_requests
            WHERE organization_id = \(bind: organizationID.rawValue) AND plan_id = \(bind: plan.rawValue)
            ORDER BY submission
            """, as: Row.self).map { try decode($0).request }
    }

    /// Requests waiting for this reviewer, oldest first.
    public func open(forReviewer reviewer: Person.ID) async throws -> [ReviewRequest] {
        try await executor.all("""
            SELECT document, version FROM review_requests
            WHERE organization_id = \(bind: organizationID.rawValue) AND reviewer_id = \(bind: reviewer.rawValue)
              AND state = \(bind: ReviewRequest.State.open.rawValue)
            ORDER BY requested_at
            """, as: Row.self).map { try decode($0).request }
    }

    /// How many requests wait for this reviewer: what the home page says, without reading them.
    public func openCount(forReviewer reviewer: Person.ID) async throws -> Int {
        try await executor.scalar("""
            SELECT COUNT(*) FROM review_requests
            WHERE organization_id = \(bind: organizationID.rawValue) AND reviewer_id = \(bind: reviewer.rawValue)
              AND state = \(bind: ReviewRequest.State.open.rawValue)
            """)
    }

    private func decode(_ row: Row) throws -> Stored {
        let request = try JSONDecoder().decode(ReviewRequest.self, from: Data(row.document.utf8))
        guard request.organizationID == organizationID else { throw StoreError.notFound }
        return Stored(request: request, version: row.version)
    }

    static func encode(_ request: ReviewRequest) throws -> String {
        String(decoding: try encoder.encode(request), as: UTF8.self)
    }
}

/// Finds a review request by the token of an outside reviewer's link, before the district is known.
/// Returns only where to look; everything else is read through the district's `ReviewStore`.
public struct ReviewLinkLookup: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public func find(tokenHash: String) async throws -> (organizationID: Organization.ID, requestID: ReviewRequest.ID)? {
        struct Row: Decodable, Sendable { let organizationId: String; let id: String }
        guard let row = try await executor.first("""
            SELECT organization_id, id FROM review_requests WHERE token_hash = \(bind: tokenHash)
            """, as: Row.self) else { return nil }
        return (.init(row.organizationId), .init(row.id))
    }
}

extension OrganizationScope {
    public var reviews: ReviewStore { ReviewStore(executor: executor, organizationID: organizationID) }
}
