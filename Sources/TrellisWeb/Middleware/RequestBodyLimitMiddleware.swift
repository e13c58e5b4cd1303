import Hummingbird

/// Decides from the headers alone whether a request body may be read at all, before a byte of it is:
/// url-encoded forms up to 1 MB from anyone; multipart bodies only from a signed-in person, only on the routes
/// that take files, and only up to the evidence limit with room for the rest of the form.
/// A body sent without a length is held to the same limits as it is read (`maxUploadSize`).
struct RequestBodyLimitMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    /// Room in an upload's body beyond the largest file: the form's other fields, and a file a little too large,
    /// so that the evidence page can say at the field how large it was and keep what was typed.
    static let uploadFormRoom = 2 * 1024 * 1024
    /// The largest evidence file accepted (configured).
    let maximumUploadBytes: Int

    var uploadBodyLimit: Int { maximumUploadBytes + Self.uploadFormRoom }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }
        var context = context
        if Self.isMultipart(request) {
            guard UploadRoutes.accept(endpoint: context.endpointPath) else { throw HTTPError(.unsupportedMediaType) }
            // Someone signed out (a session that ended, or no one) is sent to sign in, the upload unread.
            guard context.identity != nil else { throw HTTPError(.unauthorized) }
            context.maxUploadSize = uploadBodyLimit
        } else {
            context.maxUploadSize = FormData.maximumBytes
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > context.maxUploadSize {
            throw HTTPError(.contentTooLarge)
        }
        return try await next(request, context)
    }

    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("multipart/") == true
    }
}
