import Foundation
import Hummingbird
import MultipartKit
import NIOPosix

/// The fields and files of a `multipart/form-data` body, as a browser sends a form with a file input.
struct MultipartForm: Sendable {
    struct File: Sendable {
        let filename: String
        let contentType: String?
        let data: Data
    }

    private(set) var fields: [String: [String]] = [:]
    private(set) var files: [String: File] = [:]

    /// The boundary of a multipart content type, or nil when the request is not multipart.
    static func boundary(of request: Request) -> String? {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data") else { return nil }
        return parameter("boundary", in: type)
    }

    /// The form of this request, read up to the limit `RequestBodyLimitMiddleware` set for its route.
    static func from(_ request: Request, context: TrellisRequestContext) async throws -> MultipartForm {
        try await from(request, limit: context.maxUploadSize)
    }

    /// Reads the body, then parses it on the blocking-work thread pool: parsing megabytes would otherwise hold
    /// one of the few threads that serve every other request.
    static func from(_ request: Request, limit: Int) async throws -> MultipartForm {
        guard let boundary = boundary(of: request) else { throw HTTPError(.unsupportedMediaType) }
        var request = request
        let body = try await request.collectBody(upTo: limit)
        return try await NIOThreadPool.singleton.runIfActive { try MultipartForm(body: body, boundary: boundary) }
    }

    init(body: ByteBuffer, boundary: String) throws {
        let parser = MultipartParser(boundary: boundary)
        var headers: [String: String] = [:]
        var data = Data()
        var parts: [(headers: [String: String], data: Data)] = []
        parser.onHeader = { name, value in headers[name.lowercased()] = value }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            parts.append((headers, data))
            headers = [:]
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        for part in parts {
            guard let disposition = part.headers["content-disposition"], let name = Self.parameter("name", in: disposition) else { continue }
            if let filename = Self.parameter("filename", in: disposition) {
                files[name] = File(filename: filename, contentType: part.headers["content-type"], data: part.data)
            } else {
                fields[name, default: []].append(String(decoding: part.data, as: UTF8.self))
            }
        }
    }

    subscript(name: String) -> String { fields[name]?.first ?? "" }

    /// Every value of a repeated field (checkboxes), in order.
    func all(_ name: String) -> [String] { fields[name] ?? [] }

    /// A `name=value` parameter of a header such as Content-Type or Content-Disposition; names ignore case.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == name {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }
}
