import Hummingbird

/// Sends anyone not signed in to the sign-in page (through `ErrorPageMiddleware`).
struct RequireSignInMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.identity != nil else { throw HTTPError(.unauthorized) }
        return try await next(request, context)
    }
}
