import Foundation
import SQLKit
import TrellisCore

/// The installation's queue of background work. Not district-scoped: a runner works for every district, and each job
/// names the district it is for (`organizationID`); what a job reads and writes goes through that district's
/// `OrganizationScope`. A district admin sees their own jobs through `OrganizationScope.jobs`.
public struct JobQueue: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    /// Queues `job`. Returns false when a job with the same unique key was queued before (whatever its state), so
    /// scheduled work is queued once however many runners schedule it.
    @discardableResult
    public func enqueue(_ job: NewJob, at now: Date) async throws -> Bool {
        struct Inserted: Decodable, Sendable { let id: String }
        return try await executor.first("""
            INSERT INTO jobs (id, organization_id, kind, payload, unique_key, state, run_at, attempts, max_attempts, created_at)
            VALUES (\(bind: job.id.rawValue), \(bind: job.organizationID?.rawValue), \(bind: job.kind), \(bind: job.payload),
                    \(bind: job.uniqueKey), 'queued', \(bind: job.runAt.millisecondsSince1970), 0, \(bind: job.maxAttempts),
                    \(bind: now.millisecondsSince1970))
            ON CONFLICT (unique_key) DO NOTHING
            RETURNING id
            """, as: Inserted.self) != nil
    }

    /// Takes the next due job for `worker` until `leaseEnds`: a queued job whose time has come, or a running one whose
    /// runner's lease ran out (it died). One statement, so it is atomic on SQLite (one writer at a time); on PostgreSQL
    /// `FOR UPDATE SKIP LOCKED` lets any number of runners claim side by side, each a different job.
    public func claim(worker: String, now: Date, leaseEnds: Date) async throws -> Job? {
        let at = now.millisecondsSince1970
        let skipLocked: SQLQueryString = executor.dialect == .postgres ? "FOR UPDATE SKIP LOCKED" : ""
        return try await executor.first("""
            UPDATE jobs SET state = 'running', locked_by = \(bind: worker), locked_until = \(bind: leaseEnds.millisecondsSince1970),
                attempts = attempts + 1
            WHERE id = (
                SELECT id FROM jobs
                WHERE (state = 'queued' AND run_at <= \(bind: at)) OR (state = 'running' AND locked_until < \(bind: at))
                ORDER BY run_at, id LIMIT 1 \(skipLocked))
            RETURNING \(JobRow.columns)
            """, as: JobRow.self)?.job
    }

    /// The job is done. Nothing changes if `worker` no longer holds it (its lease ran out and another took it).
    public func complete(_ id: Job.ID, worker: String, at now: Date) async throws {
        try await executor.execute("""
            UPDATE jobs SET state = 'done', finished_at = \(bind: now.millisecondsSince1970), last_error = NULL,
                locked_by = NULL, locked_until = NULL
            WHERE id = \(bind: id.rawValue) AND locked_by = \(bind: worker) AND state = 'running'
            """)
    }

    /// The try failed; the job waits until `runAt` for the next.
    public func retry(_ id: Job.ID, worker: String, error: String, runAt: Date) async throws {
        try await executor.execute("""
            UPDATE jobs SET state = 'queued', run_at = \(bind: runAt.millisecondsSince1970), last_error = \(bind: Self.trimmed(error)),
                locked_by = NULL, locked_until = NULL
            WHERE id = \(bind: id.rawValue) AND locked_by = \(bind: worker) AND state = 'running'
            """)
    }

    /// The last try failed: the job stays failed, for an admin to see.
    public func fail(_ id: Job.ID, worker: String, error: String, at now: Date) async throws {
        try await executor.execute("""
            UPDATE jobs SET state = 'failed', finished_at = \(bind: now.millisecondsSince1970), last_error = \(bind: Self.trimmed(error)),
                locked_by = NULL, locked_until = NULL
            WHERE id = \(bind: id.rawValue) AND locked_by = \(bind: worker) AND state = 'running'
            """)
    }

    public func find(_ id: Job.ID) async throws -> Job? {
        try await executor.first("SELECT \(JobRow.columns) FROM jobs WHERE id = \(bind: id.rawValue)", as: JobRow.self)?.job
    }

    /// Jobs in `state`, oldest due first for queued ones, newest first otherwise.
    public func list(_ state: JobState, limit: Int = 50) async throws -> [Job] {
        let order: SQLQueryString = state == .queued ? "run_at, id" : "COALESCE(finished_at, created_at) DESC, id DESC"
        return try await executor.all("""
            SELECT \(JobRow.columns) FROM jobs WHERE state = \(bind: state.rawValue) ORDER BY \(order) LIMIT \(literal: limit)
            """, as: JobRow.self).map(\.job)
    }

    /// How many jobs are in each state.
    public func counts() async throws -> [JobState: Int] {
        struct Row: Decodable, Sendable { let state: String; let count: Int }
        var counts: [JobState: Int] = [:]
        for row in try await executor.all("SELECT state, COUNT(*) AS count FROM jobs GROUP BY state", as: Row.self) {
            if let state = JobState(rawValue: row.state) { counts[state] = row.count }
        }
        return counts
    }

    /// An error kept short enough to show in a list.
    static func trimmed(_ error: String) -> String { error.count > 2000 ? String(error.prefix(2000)) + "…" : error }
}

/// One district's jobs, for its admin: what failed, and what ran lately.
public struct DistrictJobs: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// The district's jobs in `state`, newest first.
    public func list(_ state: JobState, limit: Int = 50) async throws -> [Job] {
        try await executor.all("""
            SELECT \(JobRow.columns) FROM jobs WHERE organization_id = \(bind: organizationID.rawValue) AND state = \(bind: state.rawValue)
            ORDER BY COALESCE(finished_at, run_at) DESC, id DESC LIMIT \(literal: limit)
            """, as: JobRow.self).map(\.job)
    }

    /// Queues a failed job of the district again, from `now`, with its tries counted afresh. False when it is not a failed
    /// job of this district.
    public func retry(_ id: Job.ID, at now: Date) async throws -> Bool {
        struct Row: Decodable, Sendable { let id: String }
        return try await executor.first("""
            UPDATE jobs SET state = 'queued', run_at = \(bind: now.millisecondsSince1970), attempts = 0, finished_at = NULL
            WHERE id = \(bind: id.rawValue) AND organization_id = \(bind: organizationID.rawValue) AND state = 'failed'
            RETURNING id
            """, as: Row.self) != nil
    }
}

extension OrganizationScope {
    public var jobs: DistrictJobs { DistrictJobs(executor: executor, organizationID: organizationID) }
}
