import Foundation
import Hummingbird

/// A file as a response that is always saved, never shown inline: `Content-Disposition: attachment` with an ASCII
/// name and the exact UTF-8 one (RFC 6266), and `Cache-Control: private, no-store`, since these files hold people's
/// records. `nosniff` is on every response (`SecurityHeadersMiddleware`).
enum FileDownload {
    static func response(_ data: Data, mediaType: String, filename: String, fallback: String = "download") -> Response {
        var headers = HTTPFields()
        headers[.contentType] = mediaType
        let ascii = String(filename.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? fallback
        headers[.contentDisposition] = "attachment; filename=\"\(ascii.isEmpty ? fallback : ascii)\"; filename*=UTF-8''\(encoded)"
        headers[.cacheControl] = "private, no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
