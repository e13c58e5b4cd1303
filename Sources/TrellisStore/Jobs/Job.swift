import Foundation
import SQLKit
import TrellisCore

/// One piece of background work as stored in `jobs`: what to do (`kind` and its JSON `payload`), when, and how it went.
public struct Job: Sendable, Hashable, Identifiable {
    public typealias ID = Identifier<Job>

    public let id: ID
    /// The district the work is for; nil for work of the whole installation.
    public let organizationID: Organization.ID?
    public let kind: String
    public let payload: String
    public let uniqueKey: String?
    public let state: JobState
    public let runAt: Date
    /// Tries so far, counting the one under way.
    public let attempts: Int
    public let maxAttempts: Int
    public let lastError: String?
    public let lockedBy: String?
    public let createdAt: Date
    public let finishedAt: Date?
}

/// Work to queue: its kind and payload, for which district, from when, and an optional key that makes queueing it twice
/// queue it once.
public struct NewJob: Sendable, Hashable {
    public let id: Job.ID
    public let organizationID: Organization.ID?
    public let kind: String
    public let payload: String
    public let uniqueKey: String?
    public let runAt: Date
    public let maxAttempts: Int

    public init(id: Job.ID, organizationID: Organization.ID?, kind: String, payload: String, uniqueKey: String? = nil, runAt: Date,
                maxAttempts: Int = JobBackoff.standard.attempts) {
        self.id = id
        self.organizationID = organizationID
        self.kind = kind
        self.payload = payload
        self.uniqueKey = uniqueKey
        self.runAt = runAt
        self.maxAttempts = max(1, maxAttempts)
    }
}

/// Rows of `jobs` decoded; shared by the queue and the district's listing.
struct JobRow: Decodable, Sendable {
    let id: String
    let organizationId: String?
    let kind: String
    let payload: String
    let uniqueKey: String?
    let state: String
    let runAt: Int64
    let attempts: Int
    let maxAttempts: Int
    let lastError: String?
    let lockedBy: String?
    let createdAt: Int64
    let finishedAt: Int64?

    static let columns: SQLQueryString = "id, organization_id, kind, payload, unique_key, state, run_at, attempts, max_attempts, last_error, locked_by, created_at, finished_at"

    var job: Job {
        Job(id: .init(id), organizationID: organizationId.map(Organization.ID.init), kind: kind, payload: payload, uniqueKey: uniqueKey,
            state: JobState(rawValue: state) ?? .failed, runAt: Date(millisecondsSince1970: runAt), attempts: attempts,
            maxAttempts: maxAttempts, lastError: lastError, lockedBy: lockedBy, createdAt: Date(millisecondsSince1970: createdAt),
            finishedAt: finishedAt.map(Date.init(millisecondsSince1970:)))
    }
}
