import Foundation

/// Where email goes: `TRELLIS_SMTP_URL`, `smtp://[user:password@]host[:port]`. The connection upgrades to TLS with
/// STARTTLS when the relay offers it; the user and password (percent-encoded in the URL) are sent only then or to a
/// relay on this machine.
public struct SMTPRelay: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String?
    public let password: String?

    public struct Malformed: Error, Hashable, CustomStringConvertible {
        public let description: String
    }

    public init(host: String, port: Int = 25, user: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
    }

    /// Reads the URL; anything else is `Malformed`, with a message naming the setting and what is wrong, in one line.
    public init(parsing text: String) throws {
        func malformed(_ why: String) -> Malformed {
            Malformed(description: "TRELLIS_SMTP_URL \"\(Self.redacted(text))\" \(why); write smtp://host:port or smtp://user:password@host:port")
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw malformed("is not a URL")
        }
        guard scheme == "smtp" else { throw malformed("must start with smtp://") }
        guard let host = components.host, !host.isEmpty else { throw malformed("names no host") }
        guard components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil else {
            throw malformed("has a path or query, which an SMTP relay does not take")
        }
        if let port = components.port, !(1...65535).contains(port) { throw malformed("has a port outside 1 to 65535") }
        if components.password != nil && (components.user ?? "").isEmpty { throw malformed("has a password but no user") }
        self.init(host: host, port: components.port ?? 25, user: components.user.flatMap { $0.isEmpty ? nil : $0 },
                  password: components.password)
    }

    /// The URL libcurl is given: no credentials in it (they are set apart), the host and port.
    public var url: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "smtp://\(bracketed):\(port)"
    }

    /// Shown in logs and messages: never the password.
    public var description: String { (user.map { "\($0)@" } ?? "") + "\(host):\(port)" }

    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? text
    }
}
