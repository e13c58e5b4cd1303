import Hummingbird

/// Turns every error under /api/v1 into a problem object, addresses no route answers (404, 405) included, which is
/// why it sits on the router rather than on the API's group: a group's middleware runs only for its own routes.
/// Other addresses pass straight through to the pages' error handling.
struct APIProblemMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext

    static func isAPI(_ path: String) -> Bool { path == "/api/v1" || path.hasPrefix("/api/v1/") }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isAPI(request.uri.path) else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch {
            var problem = APIProblem.from(error, context: context)
            problem.instance = request.uri.path
            return problem.response()
        }
    }
}
