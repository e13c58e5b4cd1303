/// Turns people's names into file-name parts that every unzip tool and file system takes:
/// lower-case ASCII letters, digits and hyphens. "Nguyễn Thị Hồng" becomes "nguyen-thi-hong".
public enum ASCIIFileName {
    /// Letters that Unicode does not decompose into a base letter plus marks.
    private static let foldings: [Character: String] = [
        "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
        "ß": "ss", "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i",
    ]

    /// The folded slug, at most `limit` characters, or `fallback` when nothing ASCII is left
    /// (a name written only in another script).
    public static func slug(_ text: String, limit: Int = 60, fallback: String) -> String {
        var folded = ""
        for character in text {
            if let replacement = foldings[character] {
                folded += replacement
                continue
            }
            // Canonical decomposition splits "ễ" into "e" and its marks; the marks are dropped,
            // and anything else outside ASCII (a dash, another script) separates words.
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if scalar.isASCII {
                    folded.unicodeScalars.append(scalar)
                } else if ![.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory) {
                    folded += " "
                }
            }
        }
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug += "-" }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if slug.count > limit {
            slug = String(slug.prefix(limit))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        return slug.isEmpty ? fallback : slug
    }
}
