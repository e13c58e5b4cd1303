/// Messages for the fields of a form that a person filled in wrongly, keyed by field name.
/// Services return them; pages show each one next to its field.
public struct FieldErrors: Sendable, Hashable, Error {
    public private(set) var messages: [String: String] = [:]

    public init() {}

    public init(_ field: String, _ message: String) {
        messages[field] = message
    }

    public subscript(field: String) -> String? {
        get { messages[field] }
        set { messages[field] = newValue }
    }

    public var isEmpty: Bool { messages.isEmpty }

    /// Throws self when any field has a message.
    public func throwIfAny() throws {
        if !isEmpty { throw self }
    }
}
