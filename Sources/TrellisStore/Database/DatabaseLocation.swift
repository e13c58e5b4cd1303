/// Where the data lives, parsed from `TRELLIS_DATABASE_URL`.
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// An embedded SQLite file: `sqlite:relative/or/absolute/path.sqlite` or `sqlite:///absolute/path`.
    case sqlite(path: String)
    /// A PostgreSQL server: `postgres://user:password@host:port/database`.
    case postgres(url: String)

    /// A database URL that cannot be used, with a message that says why in one line.
    public struct ParseError: Error, Hashable, CustomStringConvertible {
        public let description: String
    }

    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingWhitespaceForURL()
        if trimmed.hasPrefix("sqlite:") {
            var path = String(trimmed.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else {
                throw ParseError(description: "TRELLIS_DATABASE_URL \"\(text)\" names no file: use sqlite:PATH, e.g. sqlite:trellis-data/trellis.sqlite")
            }
            self = .sqlite(path: path)
        } else if trimmed.hasPrefix("postgres://") || trimmed.hasPrefix("postgresql://") {
            let rest = trimmed.drop(while: { $0 != "/" }).dropFirst(2)
            let hostPart = rest.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            let host = hostPart.split(separator: "@").last.map(String.init) ?? ""
            guard !host.isEmpty, rest.contains("/") else {
                throw ParseError(description: "TRELLIS_DATABASE_URL \"\(Self.redacted(text))\" is not a usable PostgreSQL URL: use postgres://USER:PASSWORD@HOST:PORT/DATABASE")
            }
            if let port = host.split(separator: ":").dropFirst().first, Int(port) == nil {
                throw ParseError(description: "TRELLIS_DATABASE_URL \"\(Self.redacted(text))\" has a port that is not a number: \"\(port)\"")
            }
            self = .postgres(url: trimmed)
        } else {
            throw ParseError(description: "TRELLIS_DATABASE_URL \"\(Self.redacted(text))\" is neither sqlite:PATH nor postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// The URL with any password replaced, fit for logs and error messages.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url.range(of: "@", range: schemeEnd.upperBound..<url.endIndex) else { return url }
        let credentials = url[schemeEnd.upperBound..<at.lowerBound]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return url.replacingCharacters(in: url.index(after: colon)..<at.lowerBound, with: "***")
    }
}

extension String {
    fileprivate func trimmingWhitespaceForURL() -> String {
        var slice = Substring(self)
        while let c = slice.first, c.isWhitespace { slice = slice.dropFirst() }
        while let c = slice.last, c.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
