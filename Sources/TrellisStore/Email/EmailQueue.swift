import Foundation
import SQLKit
import TrellisCore

/// The installation's outbox as delivery sees it: every district's due emails. A runner claims a few at a time for a
/// while (a lease, so a runner that dies lets go), sends each, and marks it sent, or keeps it with a later try, so a
/// relay that is down delays mail and never loses it. Not district-scoped, like `JobQueue`: each row names its district.
public struct EmailQueue: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    /// One claimed email: its message and what the envelope needs.
    public struct Claimed: Sendable, Hashable {
        public let id: String
        public let organizationID: Organization.ID
        public let message: EmailMessage
        public let createdAt: Date
        /// Tries before this one.
        public let attempts: Int
    }

    /// Takes up to `limit` due emails for `worker` until `leaseEnds`: unsent, their next try come, and not held by another
    /// runner's lease. One statement; on PostgreSQL `SKIP LOCKED` lets several runners claim side by side.
    public func claim(worker: String, now: Date, leaseEnds: Date, limit: Int = 20) async throws -> [Claimed] {
        let at = now.millisecondsSince1970
        let skipLocked: SQLQueryString = executor.dialect == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
        return try await executor.all("""
            UPDATE email_outbox SET claimed_by = \(bind: worker), claimed_until = \(bind: leaseEnds.millisecondsSince1970)
            WHERE id IN (
                SELECT id FROM email_outbox
                WHERE sent_at IS NULL AND next_attempt_at <= \(bind: at) AND (claimed_until IS NULL OR claimed_until < \(bind: at))
                ORDER BY next_attempt_at, id LIMIT \(literal: limit) \(skipLocked))
            RETURNING \(OutboxRow.columns)
            """, as: OutboxRow.self).compactMap { row in
            row.message.map { Claimed(id: row.id, organizationID: .init(row.organizationId), message: $0,
                                      createdAt: Date(millisecondsSince1970: row.createdAt), attempts: row.attempts) }
        }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// The relay took it. Only the worker holding it marks it, and only once: false when it was not theirs to mark.
    @discardableResult
    public func markSent(_ id: String, worker: String, at now: Date) async throws -> Bool {
        struct Row: Decodable, Sendable { let id: String }
        return try await executor.first("""
            UPDATE email_outbox SET sent_at = \(bind: now.millisecondsSince1970), attempts = attempts + 1, last_error = NULL,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND sent_at IS NULL
            RETURNING id
            """, as: Row.self) != nil
    }

    /// The try failed: the email waits until `retryAt`, with the error kept for the operator.
    public func markFailed(_ id: String, worker: String, error: String, retryAt: Date) async throws {
        let trimmed = error.count > 1000 ? String(error.prefix(1000)) + "…" : error
        try await executor.execute("""
            UPDATE email_outbox SET attempts = attempts + 1, last_error = \(bind: trimmed), next_attempt_at = \(bind: retryAt.millisecondsSince1970),
                claimed_by = NULL, claimed_until = NULL
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND sent_at IS NULL
            """)
    }

    /// How many emails wait to be sent, and the earliest next try among them.
    public func pending() async throws -> (count: Int, nextAttempt: Date?) {
        struct Row: Decodable, Sendable { let count: Int; let next: Int64? }
        let row = try await executor.first("""
            SELECT COUNT(*) AS count, MIN(next_attempt_at) AS next FROM email_outbox WHERE sent_at IS NULL
            """, as: Row.self)
        return (row?.count ?? 0, row?.next.map(Date.init(millisecondsSince1970:)))
    }
}

extension EmailQueue {
    /// Lets go of a claimed email that was not tried, to be taken again from `retryAt`; its tries stay as they were.
    public func release(_ id: String, worker: String, retryAt: Date) async throws {
        try await executor.execute("""
            UPDATE email_outbox SET next_attempt_at = \(bind: retryAt.millisecondsSince1970), claimed_by = NULL, claimed_until = NULL
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND sent_at IS NULL
            """)
    }
}
