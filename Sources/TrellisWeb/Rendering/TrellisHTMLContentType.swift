import Mustache

/// HTML escaping for every template (`{{% CONTENT_TYPE: TRELLIS_HTML}}` on each one's first line): the five characters
/// swift-mustache's own HTML content type escapes, found by scanning UTF-8 bytes. The library's looks each `Character`
/// up in a dictionary, which was a fifteenth of the server's time under load; here a text with nothing to escape, most
/// of them, is handed back as it is.
///
/// Bytes, not characters, also close a gap: the library leaves a `<` alone when a combining mark follows it (the two
/// are one `Character`, which is not `<`), but a browser still reads the byte `<` as the start of a tag.
struct TrellisHTMLContentType: MustacheContentType {
    static let name = "TRELLIS_HTML"

    /// Makes the name known to the template parser, which must see it before the first template is read.
    static let registered: Void = MustacheContentTypes.register(TrellisHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        var extra = 0
        for byte in text.utf8 { extra += growth(byte) }
        guard extra > 0 else { return text }
        let length = text.utf8.count + extra
        return String(unsafeUninitializedCapacity: length) { output in
            var at = 0
            for byte in text.utf8 {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default:
                    output[at] = byte
                    at += 1
                    continue
                }
                replacement.withUTF8Buffer { bytes in
                    for b in bytes { output[at] = b; at += 1 }
                }
            }
            return at
        }
    }

    /// How many bytes longer a byte becomes once escaped.
    private static func growth(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"): 3
        case UInt8(ascii: "&"): 4
        case UInt8(ascii: "\""), UInt8(ascii: "'"): 5
        default: 0
        }
    }
}
