import Foundation

/// Writes an `EmailMessage` as the bytes an SMTP relay is given (RFC 5322 with MIME): a multipart/alternative of the
/// plain text and the HTML, each UTF-8 in base64 (safe for any text and any relay), the subject and display name
/// encoded per RFC 2047 when they are not plain ASCII, and CRLF line ends throughout.
public enum MIMEMessage {
    /// - Parameters:
    ///   - messageID: stable for the message (the outbox row), so a relay that receives a retry can tell it is the same.
    ///   - date: when the message was written, not when it was sent, so every try carries the same.
    public static func render(_ message: EmailMessage, from sender: EmailAddress, senderName: String, messageID: String,
                              date: Date, boundary: String) -> String {
        var lines = [
            "From: \(mailbox(senderName, sender))",
            "To: \(mailbox(message.recipientName, message.recipient))",
            "Subject: \(encodedWord(message.subject))",
            "Date: \(rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
        ]
        lines += message.headers.map { "\($0.name): \(oneLine($0.value))" }
        lines += [
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
        ]
        lines += part("text/plain", message.textBody)
        lines.append("--\(boundary)")
        lines += part("text/html", message.htmlBody)
        lines.append("--\(boundary)--")
        lines.append("")
        return lines.joined(separator: "\r\n")
    }

    private static func part(_ type: String, _ body: String) -> [String] {
        ["Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""] + base64Lines(body)
    }

    /// Base64 in lines of 76 characters (RFC 2045).
    static func base64Lines(_ text: String) -> [String] {
        let encoded = Data(normalizedNewlines(text).utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            return String(encoded[from..<(encoded.index(from, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex)])
        }
    }

    /// Text parts of mail end their lines with CRLF.
    static func normalizedNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// `"Name" <address>`, the name encoded when it needs to be.
    static func mailbox(_ name: String, _ address: EmailAddress) -> String {
        let clean = oneLine(name)
        guard !clean.isEmpty else { return "<\(address)>" }
        let isPlain = clean.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 } && !clean.contains("\"") && !clean.contains("\\")
        return (isPlain ? "\"\(clean)\"" : encodedWord(clean)) + " <\(address)>"
    }

    /// An RFC 2047 encoded word (`=?utf-8?B?…?=`) for text that is not printable ASCII; plain ASCII as it is. Long text is
    /// split into several words so no header line grows past what relays accept.
    static func encodedWord(_ text: String) -> String {
        let clean = oneLine(text)
        if clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) && !clean.contains("=?") { return clean }
        var words: [String] = [], chunk = ""
        for character in clean {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?utf-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// A header value never carries a line break: one would let text start a header of its own.
    static func oneLine(_ text: String) -> String {
        text.components(separatedBy: .newlines).joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
