/// The addresses an email links to, all from the site address people type (`TRELLIS_BASE_URL`), so a link in a mail
/// client works wherever it is opened.
public struct EmailLinks: Sendable, Hashable {
    /// e.g. "https://trellis.district.org", without a trailing slash.
    public let siteAddress: String

    public init(siteAddress: String) {
        self.siteAddress = siteAddress.hasSuffix("/") ? String(siteAddress.dropLast()) : siteAddress
    }

    /// A page of the site from its path ("/plans/…"); a path that is not one is the home page.
    public func page(_ path: String) -> String {
        siteAddress + (path.hasPrefix("/") && !path.hasPrefix("//") ? path : "/")
    }

    /// The page (and RFC 8058 one-click address) that changes the preference the email was sent under, opened with the
    /// email's own token: no sign-in needed.
    public func unsubscribe(token: String) -> String { siteAddress + Self.unsubscribePath(token: token) }

    public static func unsubscribePath(token: String) -> String { "/email/unsubscribe/\(token)" }

    /// The signed-in preferences page.
    public var preferences: String { siteAddress + Self.preferencesPath }

    public static let preferencesPath = "/account/notifications"

    /// The headers every Trellis email carries so mail clients offer a one-click unsubscribe (RFC 8058).
    public func unsubscribeHeaders(token: String) -> [EmailMessage.Header] {
        [.init("List-Unsubscribe", "<\(unsubscribe(token: token))>"), .init("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")]
    }
}

/// Text set into HTML as text, never as markup.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
