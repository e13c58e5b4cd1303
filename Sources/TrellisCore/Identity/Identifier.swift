import Foundation

/// A typed identifier, so that a school's id can never be passed where a person's is expected.
public struct Identifier<Entity>: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Where new identifiers come from. Injected so tests can predict them.
public protocol IdentifierSource: Sendable {
    func next() -> String
}

/// Random UUIDs: unguessable, so an id in a URL tells nothing about its neighbours.
public struct RandomIdentifierSource: IdentifierSource {
    public init() {}
    public func next() -> String { UUID().uuidString.lowercased() }
}

extension IdentifierSource {
    public func make<Entity>(_: Entity.Type = Entity.self) -> Identifier<Entity> {
        Identifier(next())
    }
}
