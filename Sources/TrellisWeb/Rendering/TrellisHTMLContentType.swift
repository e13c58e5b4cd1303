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
        for byte in text.utf8 { extra += replacement(byte).map { $0.utf8CodeUnitCount - 1 } ?? 0 }
        guard extra > 0 else { return text }
        let length = text.utf8.count + extra
        return String(unsafeUninitializedCapacity: length) { output in
            var at = 0
            for byte in text.utf8 {
                guard let replacement = replacement(byte) else {
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

    /// What a byte becomes once escaped; nil for a byte left as it is.
    private static func replacement(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
