import Foundation
import Logging
import TrellisCore
import TrellisStore

/// Takes due jobs from the queue and runs them, one at a time: inside `trellis serve`, in `trellis jobs work`, and once
/// over everything due in `trellis jobs run-due`. Any number of runners may share a PostgreSQL database (each claim skips
/// jobs another holds); on SQLite one writer at a time makes each claim atomic.
public struct JobRunner: Sendable {
    /// What one pass did, for the command line and the log.
    public struct Summary: Sendable, Hashable {
        public var scheduled = 0
        public var done = 0
        public var retried = 0
        public var failed = 0
        public var ran: Int { done + retried + failed }

        public init(scheduled: Int = 0, done: Int = 0, retried: Int = 0, failed: Int = 0) {
            self.scheduled = scheduled
            self.done = done
            self.retried = retried
            self.failed = failed
        }
    }

    /// How one job's try ended.
    public enum Outcome: Sendable, Hashable {
        case done
        case retried(at: Date)
        case failed
    }

    let env: ServiceEnvironment
    public let worker: String
    let handlers: [String: any JobHandler]
    let schedules: [any JobSchedule]
    let backoff: JobBackoff
    /// How long a claim holds a job; a runner that dies lets go when it ends.
    let lease: TimeInterval

    public init(_ env: ServiceEnvironment, worker: String = JobRunner.workerName(), handlers: [any JobHandler]? = nil,
                schedules: [any JobSchedule]? = nil, backoff: JobBackoff = .standard, lease: TimeInterval = 15 * 60) {
        self.env = env
        self.worker = worker
        self.handlers = Dictionary((handlers ?? Self.standardHandlers(env)).map { ($0.kind, $0) }, uniquingKeysWith: { _, last in last })
        self.schedules = schedules ?? [DailyFollowThroughSchedule(env), EmailSchedule(env)]
        self.backoff = backoff
        self.lease = lease
    }

    /// Every kind Trellis runs.
    public static func standardHandlers(_ env: ServiceEnvironment) -> [any JobHandler] {
        [StallScanJob(env), DeadlineReminderJob(env), EmailDeliveryJob(env), WeeklyDigestJob(env)]
    }

    /// This process, named so an admin can tell runners apart: host, process id and a random part.
    public static func workerName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(6).lowercased())"
    }

    var queue: JobQueue { JobQueue(env.database) }

    /// Queues what recurs (idempotent); returns how many jobs were new.
    @discardableResult
    public func schedule() async throws -> Int {
        let now = env.clock.now()
        var queued = 0
        for schedule in schedules {
            for job in try await schedule.jobs(at: now) where try await queue.enqueue(job, at: now) { queued += 1 }
        }
        return queued
    }

    /// Claims one due job and runs it; nil when nothing is due.
    public func runNext() async throws -> Outcome? {
        let now = env.clock.now()
        guard let job = try await queue.claim(worker: worker, now: now, leaseEnds: now.addingTimeInterval(lease)) else { return nil }
        return try await run(job)
    }

    private func run(_ job: Job) async throws -> Outcome {
        do {
            guard let handler = handlers[job.kind] else { throw JobRunnerError.noHandler(job.kind) }
            try await handler.run(job)
            try await queue.complete(job.id, worker: worker, at: env.clock.now())
            return .done
        } catch {
            let now = env.clock.now()
            let text = String(describing: error)
            guard !(error is PermanentJobFailure), job.attempts < job.maxAttempts, backoff.mayRetry(afterAttempt: job.attempts) else {
                env.logger.error("job \(job.kind) \(job.id) failed after \(job.attempts) tries: \(text)")
                try await queue.fail(job.id, worker: worker, error: text, at: now)
                return .failed
            }
            let next = now.addingTimeInterval(backoff.delay(afterAttempt: job.attempts))
            env.logger.warning("job \(job.kind) \(job.id) try \(job.attempts) failed, next at \(next): \(text)")
            try await queue.retry(job.id, worker: worker, error: text, runAt: next)
            return .retried(at: next)
        }
    }

    /// Schedules, then runs everything due at the clock's moment, and returns. A job that fails waits for its next try
    /// (later than now), so a pass always ends.
    public func runDue() async throws -> Summary {
        var summary = Summary()
        summary.scheduled = try await schedule()
        while let outcome = try await runNext() {
            switch outcome {
            case .done: summary.done += 1
            case .retried: summary.retried += 1
            case .failed: summary.failed += 1
            }
        }
        return summary
    }

    /// Runs until `shouldStop` says so: schedules at most once a minute, works through what is due, then waits `poll`
    /// through `pause` (which the server ends early at shutdown). It stops between jobs, never inside one. A database
    /// that is away for a while is waited out, not fatal.
    public func work(poll: Duration = .seconds(5), shouldStop: @Sendable () -> Bool,
                     pause: @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) }) async {
        var scheduledAt: Date?
        while !shouldStop(), !Task.isCancelled {
            do {
                let now = env.clock.now()
                if scheduledAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
                    try await schedule()
                    scheduledAt = now
                }
                while !shouldStop(), !Task.isCancelled, try await runNext() != nil {}
            } catch {
                env.logger.error("job runner \(worker): \(error)")
            }
            if !shouldStop() { await pause(poll) }
        }
    }
}

/// Why the runner could not run a job.
enum JobRunnerError: Error, CustomStringConvertible {
    case noHandler(String)

    var description: String {
        switch self {
        case .noHandler(let kind): "this runner has no handler for jobs of kind \(kind)"
        }
    }
}
