import Foundation
import Hummingbird

/// Pages already rendered, by template, layout and the source their content was made from.
///
/// Rendering is a pure function of its data, so a page whose data is made from an equal source is the same
/// bytes: a person going back to their plan, or reloading it, is answered without building the view or
/// walking the templates again. The key holds the whole layout (the person's name, navigation, form token
/// and any message) and the source (e.g. the plan's id and version and who is looking), compared for
/// equality on a hit, so nothing rendered for one person or one version of a plan is served for another.
/// Bounded by size; the oldest pages go first.
///
/// Pages are kept as byte arrays of their exact length, not as the `ByteBuffer` they were rendered into: a buffer's
/// storage is rounded up to a power of two, so a 10 KB page would hold 16 KB, and the budget would be half as much
/// again in memory as it says. A page answered from here is copied into a buffer of its own, which is freed once
/// written.
final class RenderedPageCache: Sendable {
    struct Key: Hashable {
        let template: String
        /// The page's `Layout`.
        let layout: AnyHashable
        let source: AnyHashable
    }

    private let store: BoundedStore<Key, [UInt8]>

    /// `budget`: roughly how many bytes of HTML to keep.
    init(budget: Int) {
        store = BoundedStore(budget: budget) { $0.count }
    }

    func page(_ key: Key) -> ByteBuffer? {
        store.value(key).map { ByteBuffer(bytes: $0) }
    }

    func keep(_ rendered: ByteBuffer, for key: Key) {
        // Far larger than any page Trellis renders; never worth copying to keep.
        guard rendered.readableBytes <= store.budget / 8 else { return }
        store.keep(Array(rendered.readableBytesView), for: key)
    }

    var count: Int { store.count }

    /// The memory the kept pages' bytes take: their storage's capacity, which the budget's count of bytes must stay
    /// close to.
    var heldBytes: Int { store.reduce(0) { $0 + $1.capacity } }
}
