import Foundation

/// One email as the outbox keeps it: to whom, what it says in plain text and in HTML, and the headers it carries beyond
/// the usual ones (`List-Unsubscribe` and `List-Unsubscribe-Post`, RFC 8058).
public struct EmailMessage: Sendable, Hashable, Codable {
    public var recipient: EmailAddress
    public var recipientName: String
    public var subject: String
    public var textBody: String
    public var htmlBody: String
    /// Extra header lines in order, each a name and its value.
    public var headers: [Header]

    public struct Header: Sendable, Hashable, Codable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(recipient: EmailAddress, recipientName: String, subject: String, textBody: String, htmlBody: String,
                headers: [Header] = []) {
        self.recipient = recipient
        self.recipientName = recipientName
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.headers = headers
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
