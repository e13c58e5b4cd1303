import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// The generated server wraps every error in a `ServerError` (its own middlewares' errors too, which is why this is a
/// router middleware around the generated routes rather than one of theirs). The gateway's problem middleware knows the
/// errors underneath (a service's refusal, a problem, a body that is not valid JSON), so this hands it those. A request
/// the generated code could not read (a missing parameter, a wrong content type) keeps the 4xx status it was given.
struct OpenAPIErrorUnwrapping: RouterMiddleware {
    typealias Context = TrellisRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ServerError {
            throw Self.unwrapped(error)
        }
    }

    static func unwrapped(_ error: ServerError) -> any Error {
        // Past reading the request, the handler (or encoding its answer) failed: what it threw is the error.
        if error.operationInput != nil || error.underlyingError is DecodingError { return error.underlyingError }
        if (400..<500).contains(error.httpStatus.code) {
            return APIProblem(error.httpStatus, kind: "bad-request", title: error.httpStatus.reasonPhrase,
                              detail: "The request does not fit the contract (/api/v1/openapi.json): \(error.causeDescription).")
        }
        return error.underlyingError
    }
}
