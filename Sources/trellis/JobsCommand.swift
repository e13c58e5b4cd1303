import ArgumentParser
import Foundation
import TrellisCore
import TrellisServices
import TrellisStore
import TrellisWeb

/// `trellis jobs`: the background job runner on its own, one pass at a given moment, and the queue's state.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs", abstract: "Run background jobs (stall scans, deadline reminders) and see where they stand.",
        subcommands: [Work.self, RunDue.self, Status.self])

    struct Work: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run jobs until stopped (SIGTERM or Ctrl-C), beside or instead of the runner inside `trellis serve`.")

        func run() async throws {
            try await reportingFailures {
                try await Runtime.with(label: "trellis.jobs") { runtime in
                    let runner = JobRunner(runtime.environment)
                    runtime.environment.logger.info("job runner \(runner.worker) started")
                    try await runJobWorker(runner, logger: runtime.environment.logger)
                }
            }
        }
    }

    struct RunDue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-due",
            abstract: "Schedule the day's work and run everything due at one moment, then exit.",
            discussion: "With --now the clock stands at that moment, so a school year can be replayed day by day.")

        @Option(help: "The moment to run at, e.g. 2027-01-15T08:00:00Z (default: now).") var now: String?

        func run() async throws {
            try await reportingFailures {
                let moment = try now.map(JobsCommand.moment) ?? Date()
                try await Runtime.with(label: "trellis.jobs") { runtime in
                    let base = runtime.environment
                    let environment = ServiceEnvironment(database: base.database, clock: FixedTimeSource(moment), ids: base.ids,
                                                         passwords: base.passwords, logger: base.logger, email: base.email)
                    let started = Date()
                    let summary = try await JobRunner(environment).runDue()
                    let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
                    print("At \(JobsCommand.format(moment)): scheduled \(summary.scheduled), ran \(summary.ran) (done \(summary.done), to retry \(summary.retried), failed \(summary.failed)) in \(seconds) s.")
                    if summary.failed > 0 { throw ExitCode.failure }
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List queued, running, failed and recent jobs.")

        @Option(help: "How many jobs to list in each group.") var limit = 20

        func run() async throws {
            try await reportingFailures {
                guard (1...1000).contains(limit) else { throw CommandFailure("--limit \(limit) must be from 1 to 1000") }
                try await Runtime.with(label: "trellis.jobs") { runtime in
                    let status = try await JobStatusService(runtime.environment).installation(limit: limit)
                    let counts = JobState.allCases.map { "\($0.rawValue) \(status.counts[$0] ?? 0)" }.joined(separator: ", ")
                    print("Jobs: \(counts)")
                    for (title, jobs) in [("Queued", status.queued), ("Running", status.running), ("Failed", status.failed), ("Recent", status.recent)] {
                        print("\n\(title):" + (jobs.isEmpty ? " none" : ""))
                        for job in jobs { print("  " + JobsCommand.line(job)) }
                    }
                }
            }
        }
    }

    /// Reads `--now`: an ISO 8601 moment with its zone, with or without fractions of a second.
    static func moment(_ text: String) throws -> Date {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = plain.date(from: text) ?? fractional.date(from: text) else {
            throw CommandFailure("--now \"\(text)\" is not a moment like 2027-01-15T08:00:00Z (a date, a time and a zone)")
        }
        return date
    }

    static func format(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    static func line(_ job: Job) -> String {
        var parts = [job.state.rawValue, job.kind, "tries \(job.attempts)/\(job.maxAttempts)"]
        parts.append(job.state == .queued ? "due \(format(job.runAt))" : "at \(format(job.finishedAt ?? job.runAt))")
        if let key = job.uniqueKey { parts.append(key) }
        if let lockedBy = job.lockedBy { parts.append("held by \(lockedBy)") }
        if let error = job.lastError { parts.append("error: \(error.replacingOccurrences(of: "\n", with: " "))") }
        return parts.joined(separator: "  ")
    }
}
