import Foundation
import Hummingbird
import NIOCore
import TrellisCore
import TrellisServices

/// An RFC 9457 problem object: what every error under /api/v1 becomes, as `application/problem+json`.
/// `type` names the kind of problem (a fragment of the /api page, where each is explained); `detail` is written for the
/// developer of the calling program and never holds internals; `errors` lists a request's fields that were wrong.
struct APIProblem: Error, Encodable, Sendable {
    struct FieldProblem: Encodable, Sendable, Hashable {
        let field: String
        let message: String
    }

    let type: String
    let title: String
    let status: Int
    let detail: String?
    var instance: String?
    var errors: [FieldProblem]?
    /// Headers the answer carries besides the body, e.g. `WWW-Authenticate` or `Retry-After`; not part of the JSON.
    var headers: HTTPFields = [:]

    enum CodingKeys: String, CodingKey { case type, title, status, detail, instance, errors }

    static let contentType = "application/problem+json"

    init(_ status: HTTPResponse.Status, kind: String, title: String, detail: String?, errors: [FieldProblem]? = nil,
         headers: HTTPFields = [:]) {
        self.type = "/api#problem-\(kind)"
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// The answer: the JSON body, its content type and the problem's own headers.
    func response() -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = (try? encoder.encode(self)) ?? Data(#"{"status":500,"title":"Internal Server Error","type":"about:blank"}"#.utf8)
        var fields = headers
        fields[.contentType] = Self.contentType
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension APIProblem {
    /// A 401: no token (`invalidToken` false), or one that opens nothing (RFC 6750's `invalid_token`).
    static func unauthorized(_ detail: String, invalidToken: Bool = false) -> APIProblem {
        APIProblem(.unauthorized, kind: "unauthorized", title: "A valid API token is needed", detail: detail,
                   headers: [.wwwAuthenticate: invalidToken ? #"Bearer realm="trellis", error="invalid_token""# : #"Bearer realm="trellis""#])
    }

    static func missingScope(_ scope: APIScope) -> APIProblem {
        APIProblem(.forbidden, kind: "insufficient-scope", title: "The token lacks a scope this needs",
                   detail: "This needs the scope \(scope.rawValue), which the token was not given. Make a token with it on the account page.",
                   headers: [.wwwAuthenticate: #"Bearer realm="trellis", error="insufficient_scope", scope="\#(scope.rawValue)""#])
    }

    /// What any error thrown under /api/v1 means to a client. Anything not known to be the client's doing is a 500
    /// that says only the request's reference; the error itself goes to the log.
    static func from(_ error: any Error, context: TrellisRequestContext) -> APIProblem {
        switch error {
        case let problem as APIProblem:
            return problem
        case let errors as FieldErrors:
            let fields = errors.messages.sorted { $0.key < $1.key }.map { FieldProblem(field: $0.key, message: $0.value) }
            return APIProblem(.unprocessableContent, kind: "invalid-fields", title: "Some fields are not valid",
                              detail: fields.map { "\($0.field): \($0.message)" }.joined(separator: " "), errors: fields)
        case ServiceError.notFound:
            return APIProblem(.notFound, kind: "not-found", title: "Not found",
                              detail: "Nothing is there, or the token's person may not know it is there.")
        case ServiceError.forbidden:
            return APIProblem(.forbidden, kind: "forbidden", title: "Not allowed",
                              detail: "The token's person may not do this: a token never allows more than its person could do in the pages.")
        case ServiceError.conflict(let message):
            return APIProblem(.conflict, kind: "conflict", title: "Conflict", detail: message)
        case let error as DecodingError:
            return APIProblem(.badRequest, kind: "bad-request", title: "The request could not be read", detail: Self.describe(error))
        case is NIOTooManyBytesError:
            return APIProblem(.contentTooLarge, kind: "too-large", title: "The request is too large", detail: nil)
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return APIProblem(error.status, kind: Self.kind(of: error.status), title: error.status.reasonPhrase,
                              detail: error.body, headers: error.headers)
        case let error as any HTTPResponseError where (400..<500).contains(error.status.code):
            return APIProblem(error.status, kind: Self.kind(of: error.status), title: error.status.reasonPhrase, detail: nil)
        default:
            context.logger.error("unexpected error in the API: \(String(reflecting: error))")
            return APIProblem(.internalServerError, kind: "server-error", title: "Something went wrong",
                              detail: "Trellis could not finish this; nothing was changed by it. Quote the reference \(context.id) when reporting it.")
        }
    }

    private static func kind(of status: HTTPResponse.Status) -> String {
        switch status {
        case .badRequest: "bad-request"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .conflict: "conflict"
        case .contentTooLarge: "too-large"
        case .unsupportedMediaType: "unsupported-media-type"
        case .tooManyRequests: "rate-limited"
        default: "client-error"
        }
    }

    /// Where in the JSON it went wrong, in the client's terms (the path of fields), without Swift's type names.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the body" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])) is missing."
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context.codingPath)) has the wrong type."
        case .dataCorrupted(let context): return "\(path(context.codingPath)) is not valid JSON for this operation."
        @unknown default: return "The body is not valid JSON for this operation."
        }
    }
}
