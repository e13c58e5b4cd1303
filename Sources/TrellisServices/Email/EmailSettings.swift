import Logging
import TrellisCore

/// How email leaves this installation: the transport (the SMTP relay of `TRELLIS_SMTP_URL`, or the log) and who it is
/// from. Part of `ServiceEnvironment`, so the job runner's delivery uses whatever `serve` or `jobs` was started with.
public struct EmailSettings: Sendable {
    public let transport: any EmailTransport
    public let sender: EmailSender

    public init(transport: any EmailTransport, sender: EmailSender) {
        self.transport = transport
        self.sender = sender
    }

    /// The relay when one is set, the log otherwise.
    public static func from(relay: SMTPRelay?, sender: EmailSender, logger: Logger) -> EmailSettings {
        EmailSettings(transport: relay.map { SMTPTransport(relay: $0, sender: sender) } ?? LogTransport(logger: logger), sender: sender)
    }

    /// Written to the log, from an address that goes nowhere: tests and tools that never send.
    public static func log(_ logger: Logger) -> EmailSettings {
        EmailSettings(transport: LogTransport(logger: logger), sender: EmailSender(address: EmailAddress("trellis@trellis.invalid")!))
    }
}
