import Foundation

/// Where a page of a list ended: the sort value (a time in milliseconds, or 0 where a list sorts by id alone) and the id
/// of the last row given. The next page starts strictly after it, so rows written meanwhile neither repeat nor vanish
/// from a sync that walks `updated_since` and then the pages.
public struct KeysetPosition: Sendable, Hashable {
    public let value: Int64
    public let id: String

    public init(value: Int64, id: String) {
        self.value = value
        self.id = id
    }

    /// The position of a row sorted by a stored time, in the milliseconds the column holds.
    public init(time: Date, id: String) {
        self.init(value: time.millisecondsSince1970, id: id)
    }
}
