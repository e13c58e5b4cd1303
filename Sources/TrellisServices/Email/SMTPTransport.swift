import CCurl
import Foundation
import NIOPosix
import TrellisCore

/// Sends email to the relay in `TRELLIS_SMTP_URL` through Debian's libcurl, which speaks SMTP with STARTTLS and AUTH.
/// The connection upgrades to TLS whenever the relay offers it; with a user and password, to a relay that is not on this
/// machine, TLS is required, so a password never crosses a network in the clear. Each email is one connection; curl
/// blocks, so it runs on NIO's thread pool, never on an event loop.
public struct SMTPTransport: EmailTransport {
    public let relay: SMTPRelay
    public let sender: EmailSender
    /// Seconds to wait for the relay to answer at all, and for one message in all.
    let connectTimeout: Int
    let timeout: Int

    public init(relay: SMTPRelay, sender: EmailSender, connectTimeout: Int = 10, timeout: Int = 60) {
        self.relay = relay
        self.sender = sender
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    /// What the relay or the connection said when a message was not taken.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func send(_ message: EmailMessage, messageID: String, writtenAt: Date) async throws {
        let text = MIMEMessage.render(message, from: sender.address, senderName: sender.name, messageID: messageID, date: writtenAt,
                                      boundary: "trellis-\(messageID.prefix(40))")
        let transfer = Transfer(relay: relay, from: sender.address.value, to: message.recipient.value, body: Data(text.utf8),
                                connectTimeout: connectTimeout, timeout: timeout)
        try await NIOThreadPool.singleton.runIfActive { try transfer.perform() }
    }

    private static let curlReady: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    /// One SMTP conversation, all on the calling thread.
    struct Transfer: Sendable {
        let relay: SMTPRelay
        let from: String
        let to: String
        let body: Data
        let connectTimeout: Int
        let timeout: Int

        /// What curl reads the message from.
        final class Source {
            let bytes: [UInt8]
            var offset = 0
            init(_ data: Data) { bytes = Array(data) }
        }

        func perform() throws {
            guard SMTPTransport.curlReady, let handle = curl_easy_init() else { throw Failure(description: "libcurl could not start") }
            defer { curl_easy_cleanup(handle) }
            let recipients: UnsafeMutablePointer<curl_slist>? = curl_slist_append(nil, "<\(to)>")
            defer { curl_slist_free_all(recipients) }
            let source = Source(body)
            let isLocal = ["localhost", "127.0.0.1", "::1"].contains(relay.host.lowercased())
            let needsTLS = relay.user != nil && !isLocal
            var codes = [
                trellis_curl_set_string(handle, CURLOPT_URL, relay.url),
                trellis_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(from)>"),
                trellis_curl_set_list(handle, CURLOPT_MAIL_RCPT, recipients),
                trellis_curl_set_long(handle, CURLOPT_UPLOAD, 1),
                trellis_curl_set_long(handle, CURLOPT_USE_SSL, Int(needsTLS ? CURLUSESSL_ALL.rawValue : CURLUSESSL_TRY.rawValue)),
                trellis_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeout),
                trellis_curl_set_long(handle, CURLOPT_TIMEOUT, timeout),
                // Threads of a pool must not be sent signals by curl's resolver.
                trellis_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
                trellis_curl_set_read_function(handle) { buffer, size, count, context in
                    guard let buffer, let context else { return 0 }
                    let source = Unmanaged<Source>.fromOpaque(context).takeUnretainedValue()
                    let length = min(size * count, source.bytes.count - source.offset)
                    source.bytes.withUnsafeBufferPointer { all in
                        UnsafeMutableRawPointer(buffer).copyMemory(from: all.baseAddress! + source.offset, byteCount: length)
                    }
                    source.offset += length
                    return length
                },
                trellis_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()),
            ]
            if let user = relay.user {
                codes.append(trellis_curl_set_string(handle, CURLOPT_USERNAME, user))
                codes.append(trellis_curl_set_string(handle, CURLOPT_PASSWORD, relay.password ?? ""))
            }
            if let bad = codes.first(where: { $0 != CURLE_OK }) { throw Failure(description: Self.describe(bad, handle)) }
            let result = withExtendedLifetime(source) { curl_easy_perform(handle) }
            guard result == CURLE_OK else { throw Failure(description: Self.describe(result, handle)) }
        }

        static func describe(_ code: CURLcode, _ handle: UnsafeMutableRawPointer) -> String {
            let reply = trellis_curl_response_code(handle)
            return String(cString: curl_easy_strerror(code)) + (reply > 0 ? " (relay replied \(reply))" : "")
        }
    }
}
