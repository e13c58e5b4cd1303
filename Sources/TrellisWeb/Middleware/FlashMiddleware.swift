import Hummingbird

/// Moves a flash message from its cookie into the context, and clears the cookie once a page has shown it.
struct FlashMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let secure: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let flash = Flash.read(request) else {
            return try await next(request, context)
        }
        var context = context
        context.flash = flash
        var response = try await next(request, context)
        Flash.clear(&response, secure: secure)
        return response
    }
}
