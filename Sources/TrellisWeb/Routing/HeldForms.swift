import Foundation
import Hummingbird

/// The forms worth keeping when their sign-in expired before they were sent (long text typed away from a desk, such as
/// observation notes), the page each is applied on once the person signs in again, and how. Controllers register
/// theirs while the router is built; `HeldFormMiddleware` does the keeping and applying.
final class HeldForms: @unchecked Sendable {
    /// Applies a kept form as the page's own POST would, for the signed-in person of `context`, whose route is the
    /// page the form is applied on (its parameters name the same record): a redirect when saved, or the page again
    /// with messages at the fields and the text kept.
    typealias Apply = @Sendable (_ context: TrellisRequestContext, _ form: FormData) async throws -> Response

    private struct Entry {
        /// Path segments, with "*" standing for an identifier, e.g. ["coaching", "sessions", "*", "notes"].
        let posted: [Substring]
        /// The page's segments; its "*"s take the posted path's identifiers in order.
        let page: [Substring]
        let apply: Apply
    }

    private var entries: [Entry] = []
    private let lock = NSLock()

    /// Keeps forms posted to paths like "/coaching/sessions/*/notes", applied on `page` ("/coaching/sessions/*"; by
    /// default the same path).
    func keep(_ posted: String, shownOn page: String? = nil, apply: @escaping Apply) {
        let entry = Entry(posted: posted.split(separator: "/"), page: (page ?? posted).split(separator: "/"), apply: apply)
        lock.withLock { entries.append(entry) }
    }

    /// For a form posted to `path` that is worth keeping: the page it is applied on.
    func page(forPosted path: String) -> String? {
        let segments = path.split(separator: "/")
        guard let entry = lock.withLock({ entries.first { Self.matches($0.posted, segments) } }) else { return nil }
        var identifiers = zip(entry.posted, segments).filter { $0.0 == "*" }.map(\.1).makeIterator()
        return "/" + entry.page.map { $0 == "*" ? identifiers.next() ?? "" : $0 }.joined(separator: "/")
    }

    /// Whether kept forms are applied on the page at `path`.
    func isPage(_ path: String) -> Bool {
        let segments = path.split(separator: "/")
        return lock.withLock { entries.contains { Self.matches($0.page, segments) } }
    }

    /// How to apply a form that was posted to `path`.
    func apply(forPosted path: String) -> Apply? {
        let segments = path.split(separator: "/")
        return lock.withLock { entries.first { Self.matches($0.posted, segments) }?.apply }
    }

    private static func matches(_ pattern: [Substring], _ segments: [Substring]) -> Bool {
        pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == "*" ? !$1.isEmpty : $0 == $1 }
    }
}
