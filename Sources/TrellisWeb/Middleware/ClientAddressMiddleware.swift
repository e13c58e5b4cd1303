import Hummingbird

/// Behind a trusted reverse proxy, the client's address is the first in `X-Forwarded-For`; otherwise the peer's.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let trustProxy: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if trustProxy, let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").first {
            let address = forwarded.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty { context.peerAddress = String(address.prefix(64)) }
        }
        return try await next(request, context)
    }
}

import Foundation
