import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// The job runner on both databases: claims, retries with backoff, failure after the last try, idempotent schedules,
/// and two runners side by side never running one job twice.
@Suite struct JobRunnerTests {
    /// Records every job it runs; fails the first `failures` tries of each.
    final class Recorder: JobHandler, @unchecked Sendable {
        let kind: String
        let failures: Int
        private let lock = NSLock()
        private var runs: [Job.ID: Int] = [:]

        init(kind: String = "test", failures: Int = 0) {
            self.kind = kind
            self.failures = failures
        }

        func run(_ job: Job) async throws {
            let count = lock.withLock { runs[job.id, default: 0] += 1; return runs[job.id]! }
            // A little work, so two runners overlap.
            try await Task.sleep(for: .milliseconds(1))
            if count <= failures { throw TestFailure("try \(count) of \(job.id) failed on purpose") }
        }

        var counts: [Job.ID: Int] { lock.withLock { runs } }
    }

    func job(_ env: ServiceEnvironment, _ org: Organization.ID?, kind: String = "test", key: String? = nil, maxAttempts: Int = 3) -> NewJob {
        NewJob(id: env.ids.make(), organizationID: org, kind: kind, payload: "{}", uniqueKey: key, runAt: env.clock.now(), maxAttempts: maxAttempts)
    }

    @Test func aFailingJobIsRetriedWithGrowingWaitsAndFailedAfterItsLastTryForTheAdminToSee() async throws {
        try await TestDatabase.with { database in
            // setup: a job that always fails, three tries, waits of 60 s then 120 s
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, clock = districts.clock, north = districts.north
            let handler = Recorder(failures: 100)
            let runner = JobRunner(env, handlers: [handler], schedules: [], backoff: JobBackoff(base: 60, maximum: 3600, attempts: 3))
            let queue = JobQueue(database)
            let queued = job(env, north.organization.id)
            try await queue.enqueue(queued, at: clock.now())
            // run: the first try fails; nothing more is due until its wait is over
            let start = clock.now()
            #expect(try await runner.runDue() == JobRunner.Summary(scheduled: 0, done: 0, retried: 1, failed: 0))
            var stored = try #require(try await queue.find(queued.id))
            #expect(stored.state == .queued && stored.attempts == 1 && stored.runAt == start.addingTimeInterval(60))
            #expect(stored.lastError?.contains("try 1") == true)
            clock.advance(by: 59)
            #expect(try await runner.runDue().ran == 0)
            // run: the second try, a minute later, waits twice as long
            clock.advance(by: 1)
            #expect(try await runner.runDue().retried == 1)
            stored = try #require(try await queue.find(queued.id))
            #expect(stored.runAt == clock.now().addingTimeInterval(120))
            // run: the third and last try fails the job
            clock.advance(by: 120)
            #expect(try await runner.runDue().failed == 1)
            clock.advance(by: 24 * 3600)
            #expect(try await runner.runDue().ran == 0)
            // check: tried three times, failed, shown to the district's admin with its error, not to another district's
            stored = try #require(try await queue.find(queued.id))
            #expect(stored.state == .failed && stored.attempts == 3 && handler.counts[queued.id] == 3)
            let status = try await JobStatusService(env).district(Actor(north.admin))
            #expect(status.failed.map(\.id) == [queued.id] && status.failed[0].lastError?.contains("try 3") == true)
            #expect(try await JobStatusService(env).district(Actor(districts.south.admin)).failed.isEmpty)
            await #expect(throws: ServiceError.forbidden) { try await JobStatusService(env).district(Actor(north.educator)) }
            #expect(try await JobStatusService(env).installation().failed.map(\.id) == [queued.id])
            // run: the admin tries it again; the other district cannot
            await #expect(throws: ServiceError.notFound) { try await JobStatusService(env).retry(Actor(districts.south.admin), job: queued.id) }
            try await JobStatusService(env).retry(Actor(north.admin), job: queued.id)
            #expect(try await runner.runDue().retried == 1)
            #expect(try await queue.find(queued.id)?.attempts == 1)
        }
    }

    @Test func aJobThatRecoversIsDoneAndNotRunAgain() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, clock = districts.clock
            let handler = Recorder(failures: 1)
            let runner = JobRunner(env, handlers: [handler], schedules: [])
            let queued = job(env, nil, maxAttempts: 5)
            try await JobQueue(database).enqueue(queued, at: clock.now())
            // run
            _ = try await runner.runDue()
            clock.advance(by: JobBackoff.standard.delay(afterAttempt: 1))
            let second = try await runner.runDue()
            clock.advance(by: 7 * 24 * 3600)
            let later = try await runner.runDue()
            // check
            #expect(second.done == 1 && later.ran == 0 && handler.counts[queued.id] == 2)
            let stored = try await JobQueue(database).find(queued.id)
            #expect(stored?.state == .done && stored?.lastError == nil && stored?.finishedAt != nil)
        }
    }

    @Test func scheduledWorkIsQueuedOncePerDistrictAndDayHoweverOftenItIsScheduled() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment
            let daily: [any JobSchedule] = [DailyFollowThroughSchedule(env)]
            let first = JobRunner(env, worker: "a", schedules: daily), second = JobRunner(env, worker: "b", schedules: daily)
            // run
            let queued = try await first.schedule()
            let again = try await second.schedule()
            // check: a stall scan and the reminders for each of the two districts, once
            #expect(queued == 4 && again == 0)
            let keys = try await JobQueue(database).list(.queued).compactMap(\.uniqueKey).sorted()
            #expect(keys.count == 4 && keys.allSatisfy { $0.hasSuffix(":\(env.today.iso)") })
            #expect(keys.filter { $0.hasPrefix("stall-scan:\(districts.north.organization.id):") }.count == 1)
            // and a job with a key already used is not queued again, even once done
            #expect(try await second.runDue().done == 4)
            #expect(try await first.schedule() == 0)
        }
    }

    @Test func twoRunnersSideBySideNeverRunTheSameJobTwice() async throws {
        // On PostgreSQL each claim skips the rows another runner holds (FOR UPDATE SKIP LOCKED); on SQLite a claim is
        // one atomic statement.
        try await TestDatabase.with(connections: 4) { database in
            // setup: 120 jobs due now
            let districts = try await TestDistricts.make(database)
            let env = districts.environment
            let handler = Recorder()
            let queue = JobQueue(database)
            for _ in 0..<120 { try await queue.enqueue(job(env, nil), at: env.clock.now()) }
            let one = JobRunner(env, worker: "one", handlers: [handler], schedules: [])
            let two = JobRunner(env, worker: "two", handlers: [handler], schedules: [])
            // run: both at once
            async let a = one.runDue()
            async let b = two.runDue()
            let (ranA, ranB) = try await (a, b)
            // check: every job ran exactly once, and both runners took part
            #expect(ranA.done + ranB.done == 120)
            #expect(handler.counts.count == 120 && handler.counts.values.allSatisfy { $0 == 1 })
            #expect(try await queue.counts()[.done] == 120)
            if database.dialect == .postgres { #expect(ranA.done > 0 && ranB.done > 0) }
        }
    }

    @Test func aRunnerThatDiedLetsGoOfItsJobWhenItsLeaseEnds() async throws {
        try await TestDatabase.with { database in
            // setup: a runner claims a job and never finishes it
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, clock = districts.clock
            let queue = JobQueue(database)
            let queued = job(env, nil)
            try await queue.enqueue(queued, at: clock.now())
            _ = try await queue.claim(worker: "gone", now: clock.now(), leaseEnds: clock.now().addingTimeInterval(600))
            let handler = Recorder()
            let runner = JobRunner(env, worker: "alive", handlers: [handler], schedules: [])
            // run / check: not before the lease ends, then it is taken over
            #expect(try await runner.runDue().ran == 0)
            clock.advance(by: 601)
            #expect(try await runner.runDue().done == 1)
            #expect(try await queue.find(queued.id)?.state == .done && handler.counts[queued.id] == 1)
        }
    }

    @Test func aJobWithoutAHandlerOrWithAnUnreadablePayloadFails() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment
            let queue = JobQueue(database)
            let broken = NewJob(id: env.ids.make(), organizationID: nil, kind: StallScanJob.kind, payload: "not json", runAt: env.clock.now())
            try await queue.enqueue(broken, at: env.clock.now())
            // run
            let summary = try await JobRunner(env, schedules: []).runDue()
            // check: a payload that does not read is not worth another try
            #expect(summary.failed == 1)
            #expect(try await queue.find(broken.id)?.lastError?.contains("does not name a district") == true)
        }
    }
}
