import Hummingbird

extension Request {
    /// Whether a Cookie header mentions `name` at all. Most requests carry no flash message and no held form, and
    /// looking for the name is far cheaper than parsing every cookie of the request, which was a few percent of a kept
    /// page's time when each middleware did it. A `true` is only a maybe: the caller still reads the cookie.
    func mayCarryCookie(_ name: String) -> Bool {
        headers[values: .cookie].contains { $0.contains(name) }
    }
}
