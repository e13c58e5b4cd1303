import Foundation
import Hummingbird
import TrellisCore
import TrellisServices
import TrellisStore

/// The district admin's view of background work: jobs that failed after their last try (with the error, and a way to
/// try again), what is queued, and what ran lately.
struct JobsController {
    let renderer: PageRenderer
    let jobs: JobStatusService
    let secure: Bool

    struct JobsView {
        struct Line {
            let what: String
            let state: String
            let when: String
            let isoTime: String
            let tries: String
            let error: String?
            let retryPath: String?
        }
        let failed: [Line]
        let queued: [Line]
        let recent: [Line]
        let hasFailed: Bool
        let hasQueued: Bool
        let hasRecent: Bool
        let calendarPath = SiteRoute.calendar.path
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/jobs", use: page)
        router.post("/admin/jobs/:job/retry", use: retry)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let status = try await jobs.district(actor)
        let view = JobsView(failed: status.failed.map(Self.line), queued: status.queued.map(Self.line), recent: status.recent.map(Self.line),
                            hasFailed: !status.failed.isEmpty, hasQueued: !status.queued.isEmpty, hasRecent: !status.recent.isEmpty)
        return renderer.render("follow_through_jobs", title: "Background jobs", content: view, context: context, section: .settings)
    }

    func retry(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        try await jobs.retry(actor, job: Job.ID(try context.parameters.require("job")), address: context.peerAddress)
        return Flash.redirect(to: .jobs, Flash(message: "The job is queued again and runs within a minute."), secure: secure)
    }

    static func line(_ job: Job) -> JobsView.Line {
        let when = job.finishedAt ?? job.runAt
        return JobsView.Line(what: Self.describe(job), state: job.state.label, when: Self.format(when),
                             isoTime: ISO8601DateFormatter().string(from: when), tries: "\(job.attempts) of \(job.maxAttempts)",
                             error: job.lastError, retryPath: job.state == .failed ? SiteRoute.jobRetry(job.id.rawValue).path : nil)
    }

    /// "Stall scan, 2027-01-15": the kind in words, and the day it is for when it names one.
    static func describe(_ job: Job) -> String {
        let names = [StallScanJob.kind: "Stall scan", DeadlineReminderJob.kind: "Deadline reminders"]
        let name = names[job.kind] ?? job.kind
        guard let payload = try? JSONDecoder().decode(DistrictDayPayload.self, from: Data(job.payload.utf8)) else { return name }
        return "\(name), \(payload.date)"
    }

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
