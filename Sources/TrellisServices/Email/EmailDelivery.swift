import Foundation
import TrellisCore
import TrellisStore

/// Sends what the outbox holds that is due, through a transport: each email is claimed, handed over, and marked sent
/// exactly once; one that fails stays, to be tried again later (doubling waits up to an hour), however long the relay
/// is down. A job of the runner (`EmailDelivery.jobKind`), and callable on its own with any clock.
public struct EmailDelivery: Sendable {
    /// The job kind the runner knows delivery by.
    public static let jobKind = "email.deliver"

    let env: ServiceEnvironment
    let transport: any EmailTransport
    let sender: EmailSender
    /// Waits between tries of one email: a minute, two, four … never more than an hour, and never given up.
    let backoff: JobBackoff
    /// Who this runner is, for the claim on each email.
    let worker: String

    public init(_ env: ServiceEnvironment, transport: any EmailTransport, sender: EmailSender,
                backoff: JobBackoff = JobBackoff(base: 60, maximum: 3600, attempts: Int.max),
                worker: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))") {
        self.env = env
        self.transport = transport
        self.sender = sender
        self.backoff = backoff
        self.worker = worker
    }

    /// What one pass did.
    public struct Report: Sendable, Hashable {
        public var sent = 0
        public var failed = 0
        /// The last failure's words, for the log and the job's record.
        public var lastError: String?
    }

    /// Sends every email due at `now` (the clock's now by default). A failure keeps that email for later, and ends the
    /// pass when it looks like the relay itself is away: the rest would only fail the same way.
    @discardableResult
    public func deliverDue(now: Date? = nil) async throws -> Report {
        let queue = EmailQueue(env.database)
        var report = Report()
        while true {
            let at = now ?? env.clock.now()
            let batch = try await queue.claim(worker: worker, now: at, leaseEnds: at.addingTimeInterval(300))
            guard !batch.isEmpty else { return report }
            for (index, email) in batch.enumerated() {
                do {
                    try await transport.send(email.message, messageID: "\(email.id)@\(sender.domain)", writtenAt: email.createdAt)
                    try await queue.markSent(email.id, worker: worker, at: now ?? env.clock.now())
                    report.sent += 1
                } catch {
                    let words = String(describing: error)
                    let retryAt = at.addingTimeInterval(backoff.delay(afterAttempt: email.attempts + 1))
                    try await queue.markFailed(email.id, worker: worker, error: words, retryAt: retryAt)
                    report.failed += 1
                    report.lastError = words
                    env.logger.warning("email \(email.id) to \(email.message.recipient) not sent, next try \(retryAt): \(words)")
                    if Self.relayIsAway(words) {
                        // Not tried, so not counted as a try: they wait for the same moment.
                        for untried in batch[(index + 1)...] {
                            try await queue.release(untried.id, worker: worker, retryAt: retryAt)
                        }
                        return report
                    }
                }
            }
        }
    }

    /// Words of libcurl that mean no conversation with the relay happened at all.
    static func relayIsAway(_ words: String) -> Bool {
        ["Couldn't connect", "Could not connect", "Couldn't resolve", "Timeout", "timed out"].contains { words.contains($0) }
    }
}
