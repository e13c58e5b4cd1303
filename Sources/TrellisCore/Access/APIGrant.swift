import Foundation

/// What an API token may be used for. A call needs its scope *and* the policy's yes for the token's actor:
/// a scope narrows what a person could do in the pages, it never widens it.
public enum APIScope: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case peopleRead = "people:read"
    case peopleWrite = "people:write"
    case schoolsRead = "schools:read"
    case standardsRead = "standards:read"
    case plansRead = "plans:read"
    case plansWrite = "plans:write"
    case clockHoursRead = "clock-hours:read"
    case verificationsRead = "verifications:read"
    case coachingCountsRead = "coaching-counts:read"
    case cohortsRead = "cohorts:read"

    public static func < (lhs: APIScope, rhs: APIScope) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A request authenticated by an API token: who it acts as, and what the token allows.
public struct APIGrant: Sendable, Hashable {
    /// A person's own token, or a district's token for an integration (made by a district admin).
    public enum Kind: String, Sendable, Hashable, Codable {
        case personal
        case service
    }

    public var tokenID: String
    public var kind: Kind
    /// The actor the policy sees: the token's owner, or for a service token the district admin who made it.
    public var actor: Actor
    public var scopes: Set<APIScope>

    public init(tokenID: String, kind: Kind, actor: Actor, scopes: Set<APIScope>) {
        self.tokenID = tokenID
        self.kind = kind
        self.actor = actor
        self.scopes = scopes
    }

    public func allows(_ scope: APIScope) -> Bool { scopes.contains(scope) }
}
