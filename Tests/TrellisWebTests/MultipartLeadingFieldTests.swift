import Foundation
import Hummingbird
import Testing
@testable import TrellisWeb

@Suite struct MultipartLeadingFieldTests {
    /// A body that arrives in pieces and counts how many were asked for.
    struct CountedBody: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        final class Count: @unchecked Sendable {
            private let lock = NSLock()
            private var value = 0
            func increment() { lock.withLock { value += 1 } }
            var pulled: Int { lock.withLock { value } }
        }
        let pieces: [ByteBuffer]
        let count = Count()

        struct AsyncIterator: AsyncIteratorProtocol {
            var pieces: ArraySlice<ByteBuffer>
            let count: Count
            mutating func next() async throws -> ByteBuffer? {
                guard let piece = pieces.popFirst() else { return nil }
                count.increment()
                return piece
            }
        }

        func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pieces: pieces[...], count: count) }
    }

    func request(_ body: CountedBody) -> Request {
        let head = HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/plans/p/evidence")
        return Request(head: head, body: RequestBody(asyncSequence: body))
    }

    @Test func theTokenIsReadFromTheFirstPieceAndTheWholeBodyIsStillThere() async throws {
        // setup: the token and the start of the file in one piece, then 1 MB of file in two more
        let first = "--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nTOKEN\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF"
        let pieces = [ByteBuffer(string: first), ByteBuffer(repeating: 0x41, count: 512 * 1024), ByteBuffer(string: String(repeating: "B", count: 512 * 1024) + "\r\n--B--\r\n")]
        let body = CountedBody(pieces: pieces)
        var request = request(body)
        // run
        let field = try await MultipartLeadingField.read(&request, boundary: "B")
        // check: only the first piece was read, and the page still gets every byte, in order
        #expect(field?.name == "csrf_token")
        #expect(field?.value == "TOKEN")
        #expect(body.count.pulled == 1)
        let whole = try await request.collectBody(upTo: 2 * 1024 * 1024)
        #expect(whole == ByteBuffer(bytes: pieces.flatMap { Array($0.readableBytesView) }))
        let form = try MultipartForm(body: whole, boundary: "B")
        #expect(form["csrf_token"] == "TOKEN")
        #expect(form.files["file"]?.data.count == 4 + 1024 * 1024)
    }

    @Test func aBodyThatDoesNotStartWithAnOrdinaryFieldHasNoLeadingField() async throws {
        // setup: a file first; and a first field that never ends
        let file = CountedBody(pieces: [ByteBuffer(string: "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nx\r\n--B--\r\n")])
        let header = ByteBuffer(string: "--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n")
        let endless = CountedBody(pieces: [header] + (0..<100).map { _ in ByteBuffer(repeating: 0x41, count: 4096) })
        var fileFirst = request(file)
        var neverEnding = request(endless)
        // run + check: nothing usable, and the endless one is given up after a few pieces
        #expect(try await MultipartLeadingField.read(&fileFirst, boundary: "B") == nil)
        #expect(try await MultipartLeadingField.read(&neverEnding, boundary: "B") == nil)
        #expect(endless.count.pulled <= 6)
    }
}
