import Foundation
import Logging
import TrellisCore

/// Hands one email to whatever carries it on: an SMTP relay, or the log when none is set.
public protocol EmailTransport: Sendable {
    /// Returns when the message was accepted; throws when it was not (it then stays in the outbox for another try).
    func send(_ message: EmailMessage, messageID: String, writtenAt: Date) async throws
}

/// Who Trellis's email comes from: `TRELLIS_MAIL_FROM` (an address), shown with the name "Trellis".
public struct EmailSender: Sendable, Hashable {
    public let address: EmailAddress
    public let name: String

    public init(address: EmailAddress, name: String = "Trellis") {
        self.address = address
        self.name = name
    }

    /// The domain of the address: the right part of every Message-ID.
    public var domain: String { String(address.value.split(separator: "@").last ?? "trellis.invalid") }
}

/// Without a relay (`TRELLIS_SMTP_URL` unset) each email is written to the log, whole, and counts as sent: a laptop
/// install needs no mail server, and the text is there to read.
public struct LogTransport: EmailTransport {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func send(_ message: EmailMessage, messageID: String, writtenAt: Date) async throws {
        logger.info("email (no TRELLIS_SMTP_URL set, so written here) to \(message.recipient): \(message.subject)\n\(message.textBody)",
                    metadata: ["message_id": "\(messageID)"])
    }
}
