import Foundation
import TrellisCore
import TrellisStore

/// Runs one kind of background job. Adding work to the runner (delivering the outbox, sending a digest) is adding a
/// handler, and, for work that recurs, a `JobSchedule`.
public protocol JobHandler: Sendable {
    /// The `kind` of the jobs it runs, e.g. "stall-scan".
    var kind: String { get }
    /// Does the job's work. Throwing means the try failed: the job is tried again later, or failed after its last try.
    /// A job may be run again after a failure or a runner's crash, so the work must be safe to repeat.
    func run(_ job: Job) async throws
}

/// Queues work that recurs (each district's daily scans, later the outbox and digests). Called by every runner before
/// it looks for due work, so each job it returns must carry a unique key: queued twice, it is queued once.
public protocol JobSchedule: Sendable {
    func jobs(at now: Date) async throws -> [NewJob]
}

/// A failure that trying again cannot mend (a payload that does not read): the job is failed at once.
public struct PermanentJobFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// What the daily follow-through jobs carry: the district and the day they are for. The day is fixed when the job is
/// queued, so a job run late (after a restart, or replayed with `--now`) still works on its own day.
public struct DistrictDayPayload: Codable, Sendable, Hashable {
    public let organization: String
    public let date: String

    public init(organization: Organization.ID, date: CalendarDate) {
        self.organization = organization.rawValue
        self.date = date.iso
    }

    public var organizationID: Organization.ID { Organization.ID(organization) }

    public var json: String { String(decoding: (try? JSONEncoder().encode(self)) ?? Data("{}".utf8), as: UTF8.self) }

    /// The payload of `job`, or a permanent failure when it does not read.
    public static func of(_ job: Job) throws -> (organizationID: Organization.ID, day: CalendarDate) {
        guard let payload = try? JSONDecoder().decode(DistrictDayPayload.self, from: Data(job.payload.utf8)),
              let day = CalendarDate(iso: payload.date) else {
            throw PermanentJobFailure("the payload of \(job.kind) job \(job.id) does not name a district and a day: \(job.payload)")
        }
        return (payload.organizationID, day)
    }
}
