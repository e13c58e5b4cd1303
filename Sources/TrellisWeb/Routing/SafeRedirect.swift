import Foundation

/// Where a `next` parameter may send someone after signing in: only a path on this site.
///
/// `next` arrives in a URL anyone can craft, and browsers are generous readers of `Location`: they drop tabs and
/// line breaks, treat `\` as `/`, and read `//host` as another site. So the rule is narrow rather than clever: a
/// single leading "/", then only characters a path and query need, checked again after each layer of
/// percent-decoding so an encoded tab or slash cannot smuggle a second "/" in front.
enum SafeRedirect {
    /// Characters allowed as written: letters, digits and the few marks paths and queries use.
    private static let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?=&%:@+,;")
    /// Enough for any link Trellis makes; longer is not a link a person followed.
    static let maximumLength = 512

    /// `text` when it is a safe path on this site, otherwise nil.
    static func path(_ text: String) -> String? {
        guard text.count <= maximumLength, text.unicodeScalars.allSatisfy(allowed.contains) else { return nil }
        var layer = text
        // Each decoding must still look like a same-site path; three layers is more than any real link carries.
        for _ in 0..<4 {
            guard isSameSitePath(layer) else { return nil }
            guard layer.contains("%") else { return text }
            guard let decoded = layer.removingPercentEncoding, decoded != layer else { return nil }
            layer = decoded
        }
        return nil
    }

    private static func isSameSitePath(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.first == "/" else { return false }
        if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" || scalars[1].properties.isWhitespace { return false }
        // Control characters anywhere: browsers delete tabs and line breaks, which can join "/" and "/".
        return !scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\\" }
    }
}
