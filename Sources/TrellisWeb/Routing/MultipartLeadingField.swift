import Foundation
import Hummingbird
import MultipartKit

/// The first field of a multipart body, read without reading the rest. Trellis's upload forms put their CSRF token
/// first and browsers send fields in the order of the form, so the token can be compared before a large file is
/// read or parsed. The bytes read are put back in front of the body, so the page still reads the whole form.
enum MultipartLeadingField {
    /// A first field larger than this is not a token from a Trellis form.
    static let maximumBytes = 16 * 1024
    /// Bytes are given to the parser in small pieces, so a body that arrives in one large buffer is not scanned whole.
    private static let pieceBytes = 2048

    /// The first field's name and value, or nil when the body does not begin with a complete ordinary field.
    static func read(_ request: inout Request, boundary: String) async throws -> (name: String, value: String)? {
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var value = Data()
        var isComplete = false
        parser.onHeader = { name, text in if !isComplete { headers[name.lowercased()] = text } }
        parser.onBody = { buffer in if !isComplete { value.append(contentsOf: buffer.readableBytesView) } }
        parser.onPartComplete = { isComplete = true }

        var iterator = request.body.makeAsyncIterator()
        var consumed: [ByteBuffer] = []
        var parsedBytes = 0
        var isMalformed = false
        reading: while !isComplete, !isMalformed, parsedBytes <= maximumBytes, let buffer = try await iterator.next() {
            consumed.append(buffer)
            var rest = buffer
            while !isComplete, parsedBytes <= maximumBytes, let piece = rest.readSlice(length: min(pieceBytes, rest.readableBytes)),
                  piece.readableBytes > 0 {
                parsedBytes += piece.readableBytes
                do {
                    try parser.execute(piece)
                } catch {
                    isMalformed = true
                    continue reading
                }
            }
        }
        request.body = RequestBody(asyncSequence: ReplayedBody(head: consumed, rest: .init(iterator)))
        guard isComplete, !isMalformed, let disposition = headers["content-disposition"],
              let name = MultipartForm.parameter("name", in: disposition), MultipartForm.parameter("filename", in: disposition) == nil
        else { return nil }
        return (name, String(decoding: value, as: UTF8.self))
    }
}

/// A request body of which the first buffers were already read: those buffers again, then the rest as it arrives.
/// Like every request body it is read once; the remainder is shared by any iterator made from it.
struct ReplayedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer

    /// The rest of the original body. Unchecked: only the one reader of the request body calls it, one call at a time.
    final class Remainder: @unchecked Sendable {
        private var iterator: RequestBody.AsyncIterator

        init(_ iterator: RequestBody.AsyncIterator) {
            self.iterator = iterator
        }

        func next() async throws -> ByteBuffer? {
            var current = iterator
            let buffer = try await current.next()
            iterator = current
            return buffer
        }
    }

    let head: [ByteBuffer]
    let rest: Remainder

    struct AsyncIterator: AsyncIteratorProtocol {
        var head: ArraySlice<ByteBuffer>
        let rest: Remainder

        mutating func next() async throws -> ByteBuffer? {
            if let buffer = head.popFirst() { return buffer }
            return try await rest.next()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(head: head[...], rest: rest)
    }
}
