import Foundation
import Hummingbird
import NIOCore

/// Behind trusted reverse proxies, the client's address is the one the outermost trusted proxy appended to
/// `X-Forwarded-For`; otherwise, or when that entry is missing or not an address, the peer's.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    /// How many proxies in front of Trellis append to `X-Forwarded-For`; 0 trusts none.
    let trustedProxies: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if trustedProxies > 0,
           let address = ForwardedFor.clientAddress(request.headers[values: .init("X-Forwarded-For")!], trustedProxies: trustedProxies) {
            context.peerAddress = address
        }
        return try await next(request, context)
    }
}

/// Reads `X-Forwarded-For` from the right. Each proxy appends the address it received the request from, so the
/// entries on the left are whatever the client chose to send and prove nothing; only the last `trustedProxies`
/// entries were written by proxies we run, and the leftmost of those is the client as our outermost proxy saw it.
enum ForwardedFor {
    /// The client's address, or nil when the header has fewer entries than trusted proxies (one of them did not
    /// add its entry) or that entry is not an IPv4 or IPv6 address.
    static func clientAddress(_ headerLines: [String], trustedProxies: Int) -> String? {
        guard trustedProxies > 0 else { return nil }
        // Several header lines are one list, in order.
        let hops = headerLines.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard hops.count >= trustedProxies else { return nil }
        let candidate = hops[hops.count - trustedProxies]
        return isAddress(candidate) ? candidate : nil
    }

    /// A literal IPv4 or IPv6 address, nothing more (no port, brackets, zone or name).
    static func isAddress(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 45, text.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }) else { return false }
        return (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}
