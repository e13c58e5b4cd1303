import Foundation
import TrellisCore
import TrellisStore

/// Where background work stands: a district admin's view of their district's jobs (failed ones first, with the
/// error), and the operator's view of the whole queue on the command line.
public struct JobStatusService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// One district's jobs as its admin sees them.
    public struct DistrictStatus: Sendable, Hashable {
        public let failed: [Job]
        public let queued: [Job]
        /// Done lately, newest first.
        public let recent: [Job]
    }

    public func district(_ actor: Actor, limit: Int = 30) async throws -> DistrictStatus {
        guard Policy.can(actor, .read, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let jobs = env.scope(actor).jobs
        return DistrictStatus(failed: try await jobs.list(.failed, limit: limit), queued: try await jobs.list(.queued, limit: limit),
                              recent: try await jobs.list(.done, limit: limit))
    }

    /// Queues a failed job of the admin's district again, to run now with fresh tries.
    public func retry(_ actor: Actor, job: Job.ID, address: String? = nil) async throws {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        guard try await env.scope(actor).jobs.retry(job, at: env.clock.now()) else { throw ServiceError.notFound }
    }

    /// The whole installation's queue, for `trellis jobs status`.
    public struct InstallationStatus: Sendable, Hashable {
        public let counts: [JobState: Int]
        public let queued: [Job]
        public let running: [Job]
        public let failed: [Job]
        public let recent: [Job]
    }

    /// Not behind `Policy`: only the command line, run by the operator on the server, reaches it.
    public func installation(limit: Int = 20) async throws -> InstallationStatus {
        let queue = JobQueue(env.database)
        return InstallationStatus(counts: try await queue.counts(), queued: try await queue.list(.queued, limit: limit),
                                  running: try await queue.list(.running, limit: limit), failed: try await queue.list(.failed, limit: limit),
                                  recent: try await queue.list(.done, limit: limit))
    }
}
