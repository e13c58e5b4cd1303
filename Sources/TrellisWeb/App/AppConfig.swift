import Foundation
import Logging
import TrellisCore
import TrellisStore

/// Everything an operator can set, read from `TRELLIS_*` environment variables. One struct, checked at start.
public struct AppConfig: Sendable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    /// Where the SQLite file and uploads live.
    public var dataDirectory: String
    /// The address people type, e.g. https://trellis.district.org; decides Secure cookies and link URLs.
    public var baseURL: String
    public var logLevel: Logger.Level
    /// How long a sign-in lasts.
    public var sessionLifetime: Duration
    /// bcrypt cost; lower only in tests.
    public var bcryptCost: UInt8
    /// How many reverse proxies in front of Trellis append to `X-Forwarded-For`; the client address (for throttling
    /// and the audit log) is the entry the outermost of them wrote. 0 trusts no header.
    public var trustedProxies: Int
    /// The largest evidence file accepted, in bytes.
    public var maximumUploadBytes: Int
    /// The relay email goes to (`TRELLIS_SMTP_URL`); nil writes each email to the log instead.
    public var smtp: SMTPRelay?
    /// Who email comes from (`TRELLIS_MAIL_FROM`).
    public var mailFrom: EmailAddress
    /// Requests a minute each API token may make on one instance, in bursts of half that (`TRELLIS_API_RATE_PER_MINUTE`).
    public var apiRatePerMinute = 120
    /// How much rendered HTML an instance keeps to answer a page seen again without making it again
    /// (`TRELLIS_PAGE_CACHE_MB`; 0 keeps none).
    public var pageCacheBytes = PageRenderer.defaultCacheBudget

    public init(database: DatabaseLocation, host: String = "127.0.0.1", port: Int = 8080, dataDirectory: String = "trellis-data",
                baseURL: String = "http://127.0.0.1:8080", logLevel: Logger.Level = .info, sessionLifetime: Duration = .seconds(12 * 3600),
                bcryptCost: UInt8 = 12, trustedProxies: Int = 0, maximumUploadMegabytes: Int = 20, smtp: SMTPRelay? = nil,
                mailFrom: EmailAddress? = nil) {
        self.database = database
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.logLevel = logLevel
        self.sessionLifetime = sessionLifetime
        self.bcryptCost = bcryptCost
        self.trustedProxies = trustedProxies
        self.maximumUploadBytes = maximumUploadMegabytes * 1024 * 1024
        self.smtp = smtp
        self.mailFrom = mailFrom ?? Self.defaultSender(baseURL: baseURL)
    }

    /// trellis@ the site's host when that is a name, otherwise an address that names no real place.
    static func defaultSender(baseURL: String) -> EmailAddress {
        let host = URLComponents(string: baseURL)?.host ?? ""
        let isName = host.contains(".") && !host.allSatisfy { $0.isNumber || $0 == "." }
        return (isName ? EmailAddress("trellis@\(host)") : nil) ?? EmailAddress("trellis@trellis.invalid")!
    }

    /// True when people reach Trellis over HTTPS, so cookies must be Secure.
    public var isSecure: Bool { baseURL.lowercased().hasPrefix("https://") }

    /// A setting that cannot be used, named with what was wrong, in one line.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the environment. Unset variables take their defaults; a set but unusable one is a `Problem`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        let dataDirectory = environment["TRELLIS_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "trellis-data"
        let database: DatabaseLocation
        do {
            database = try DatabaseLocation(parsing: environment["TRELLIS_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
                                            ?? "sqlite:\(dataDirectory)/trellis.sqlite")
        } catch {
            throw Problem(description: error.description)
        }
        let host = environment["TRELLIS_HOST"] ?? "127.0.0.1"
        let port = try integer(environment, "TRELLIS_PORT", default: 8080, in: 1...65535)
        let baseURL = environment["TRELLIS_BASE_URL"] ?? "http://\(host == "0.0.0.0" ? "127.0.0.1" : host):\(port)"
        guard baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://") else {
            throw Problem(description: "TRELLIS_BASE_URL \"\(baseURL)\" must start with http:// or https://")
        }
        let levelText = environment["TRELLIS_LOG_LEVEL"] ?? "info"
        guard let logLevel = Logger.Level(rawValue: levelText.lowercased()) else {
            throw Problem(description: "TRELLIS_LOG_LEVEL \"\(levelText)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        let hours = try integer(environment, "TRELLIS_SESSION_HOURS", default: 12, in: 1...24 * 90)
        let cost = try integer(environment, "TRELLIS_BCRYPT_COST", default: 12, in: 4...31)
        let uploadMegabytes = try integer(environment, "TRELLIS_MAX_UPLOAD_MB", default: 20, in: 1...24)
        let trustedProxies = try proxies(environment["TRELLIS_TRUST_PROXY"] ?? "")
        let smtp: SMTPRelay?
        do {
            smtp = try environment["TRELLIS_SMTP_URL"].flatMap { $0.isEmpty ? nil : try SMTPRelay(parsing: $0) }
        } catch {
            throw Problem(description: "\(error)")
        }
        let mailFrom = try environment["TRELLIS_MAIL_FROM"].flatMap { text -> EmailAddress? in
            guard !text.isEmpty else { return nil }
            guard let address = EmailAddress(text) else {
                throw Problem(description: "TRELLIS_MAIL_FROM \"\(text)\" is not an email address, e.g. trellis@district.org")
            }
            return address
        }
        var config = AppConfig(database: database, host: host, port: port, dataDirectory: dataDirectory, baseURL: baseURL,
                               logLevel: logLevel, sessionLifetime: .seconds(hours * 3600), bcryptCost: UInt8(cost), trustedProxies: trustedProxies,
                               maximumUploadMegabytes: uploadMegabytes, smtp: smtp, mailFrom: mailFrom)
        config.apiRatePerMinute = try integer(environment, "TRELLIS_API_RATE_PER_MINUTE", default: 120, in: 2...1_000_000)
        let megabyte = 1024 * 1024
        config.pageCacheBytes = try integer(environment, "TRELLIS_PAGE_CACHE_MB", default: PageRenderer.defaultCacheBudget / megabyte,
                                            in: 0...4096) * megabyte
        return config
    }

    /// `TRELLIS_TRUST_PROXY`: off, on (one proxy), or the number of proxies in a chain.
    private static func proxies(_ text: String) throws -> Int {
        switch text.lowercased() {
        case "", "0", "false", "no", "off": return 0
        case "true", "yes", "on": return 1
        default:
            guard let number = Int(text), (1...10).contains(number) else {
                throw Problem(description: "TRELLIS_TRUST_PROXY \"\(text)\" must be 0 (off) or the number of reverse proxies in front of Trellis, 1 to 10")
            }
            return number
        }
    }

    private static func integer(_ environment: [String: String], _ name: String, default value: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = environment[name], !text.isEmpty else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw Problem(description: "\(name) \"\(text)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
