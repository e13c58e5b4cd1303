/// A view model whose template data is made by its `Encodable` conformance instead of by reflection (`TemplateData`):
/// the compiler writes the walk over its properties, where `Mirror` made a label string and boxed a value for each one
/// it visited, and was a tenth of the server's time on the plan pages. What a template sees is the same: a dictionary
/// per struct, an array per array, a nil as `TemplateNull`; only an enum would differ (its raw value rather than its
/// case's name), so a view model that adopts this holds none, or holds them as the strings it means.
protocol TemplateEncodable: Encodable {}

/// Encodes a value into the dictionaries, arrays, strings, numbers and Booleans that Mustache reads. It never fails:
/// a value whose own `encode(to:)` throws becomes `TemplateNull`.
final class TemplateEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    private var storage: Storage?

    static func encode(_ value: some Encodable) -> Any {
        if let leaf = leaf(value) { return leaf }
        let encoder = TemplateEncoder()
        do { try value.encode(to: encoder) } catch { return TemplateNull() }
        return encoder.storage?.value ?? TemplateNull()
    }

    /// The values Mustache prints as they are.
    private static func leaf(_ value: some Encodable) -> Any? {
        switch value {
        case let value as String: value
        case let value as Bool: value
        case let value as Int: value
        case let value as Double: value
        default: nil
        }
    }

    /// What a container wrote; containers hold it by reference, as an `Encoder`'s containers are meant to.
    final class Storage {
        var keyed: [String: Any] = [:]
        var unkeyed: [Any] = []
        var single: Any?
        var isKeyed = false
        /// Containers and encoders asked for inside this one, read when this one's value is.
        var nested: [(key: String?, storage: () -> Any)] = []

        var value: Any {
            guard !nested.isEmpty else { return isKeyed ? keyed : single ?? unkeyed }
            var keyed = keyed, unkeyed = unkeyed
            for (key, storage) in nested {
                if let key { keyed[key] = storage() } else { unkeyed.append(storage()) }
            }
            return isKeyed ? keyed : unkeyed
        }
    }

    private func storage(keyed: Bool) -> Storage {
        if let storage { return storage }
        let made = Storage()
        made.isKeyed = keyed
        storage = made
        return made
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(storage: storage(keyed: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(storage: storage(keyed: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(storage: storage(keyed: false))
    }

    /// An encoder whose value is read with its parent's, for `nestedContainer` and `superEncoder`.
    fileprivate static func nested(in storage: Storage, key: String?) -> TemplateEncoder {
        let child = TemplateEncoder()
        storage.nested.append((key, { child.storage?.value ?? TemplateNull() }))
        return child
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: TemplateEncoder.Storage
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: Any, _ key: Key) { storage.keyed[key.stringValue] = value }
    private func putOrNull(_ value: (some Any)?, _ key: Key) { put(value.map { $0 as Any } ?? TemplateNull(), key) }

    mutating func encodeNil(forKey key: Key) { put(TemplateNull(), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: String, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Float, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int8, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { put(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { put(TemplateEncoder.encode(value), key) }

    // A nil property is `TemplateNull`, not a missing key: Mustache looks a missing name up in the enclosing objects
    // (see `TemplateData`). The standard library's versions of these leave the key out.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { putOrNull(value, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
        put(value.map { TemplateEncoder.encode($0) } ?? TemplateNull(), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TemplateEncoder.nested(in: storage, key: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TemplateEncoder.nested(in: storage, key: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder.nested(in: storage, key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TemplateEncoder.nested(in: storage, key: key.stringValue) }
}

/// An array. A nil element is left out, as `TemplateData` leaves it out.
private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: TemplateEncoder.Storage
    var codingPath: [any CodingKey] { [] }
    var count: Int { storage.unkeyed.count + storage.nested.count }

    private func append(_ value: Any) { storage.unkeyed.append(value) }

    mutating func encodeNil() {}
    mutating func encode(_ value: Bool) { append(value) }
    mutating func encode(_ value: String) { append(value) }
    mutating func encode(_ value: Double) { append(value) }
    mutating func encode(_ value: Float) { append(value) }
    mutating func encode(_ value: Int) { append(value) }
    mutating func encode(_ value: Int8) { append(value) }
    mutating func encode(_ value: Int16) { append(value) }
    mutating func encode(_ value: Int32) { append(value) }
    mutating func encode(_ value: Int64) { append(value) }
    mutating func encode(_ value: UInt) { append(value) }
    mutating func encode(_ value: UInt8) { append(value) }
    mutating func encode(_ value: UInt16) { append(value) }
    mutating func encode(_ value: UInt32) { append(value) }
    mutating func encode(_ value: UInt64) { append(value) }
    mutating func encode<T: Encodable>(_ value: T) {
        // An optional element encodes its nil itself, as a single null value.
        let encoded = TemplateEncoder.encode(value)
        if !(encoded is TemplateNull) { append(encoded) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        TemplateEncoder.nested(in: storage, key: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TemplateEncoder.nested(in: storage, key: nil).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TemplateEncoder.nested(in: storage, key: nil) }
}

/// One value, as a `RawRepresentable` enum or a wrapper type writes itself.
private struct SingleContainer: SingleValueEncodingContainer {
    let storage: TemplateEncoder.Storage
    var codingPath: [any CodingKey] { [] }

    private func set(_ value: Any) { storage.single = value }

    mutating func encodeNil() { set(TemplateNull()) }
    mutating func encode(_ value: Bool) { set(value) }
    mutating func encode(_ value: String) { set(value) }
    mutating func encode(_ value: Double) { set(value) }
    mutating func encode(_ value: Float) { set(value) }
    mutating func encode(_ value: Int) { set(value) }
    mutating func encode(_ value: Int8) { set(value) }
    mutating func encode(_ value: Int16) { set(value) }
    mutating func encode(_ value: Int32) { set(value) }
    mutating func encode(_ value: Int64) { set(value) }
    mutating func encode(_ value: UInt) { set(value) }
    mutating func encode(_ value: UInt8) { set(value) }
    mutating func encode(_ value: UInt16) { set(value) }
    mutating func encode(_ value: UInt32) { set(value) }
    mutating func encode(_ value: UInt64) { set(value) }
    mutating func encode<T: Encodable>(_ value: T) { set(TemplateEncoder.encode(value)) }
}
