import Foundation

/// A key for the JSON API: a person's own (personal), or a district's for an integration (service, made by a district
/// admin, who is the actor it acts as). Only the SHA-256 of its secret is ever kept; `prefix` is the start of the
/// secret, shown in lists so a person can tell their tokens apart.
public struct APIToken: Sendable, Hashable {
    public typealias ID = Identifier<APIToken>

    public var id: ID
    public var organizationID: Organization.ID
    /// The owner; for a service token, the admin who made it.
    public var personID: Person.ID
    public var kind: APIGrant.Kind
    public var name: String
    public var prefix: String
    public var scopes: Set<APIScope>
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var expiresAt: Date?
    public var revokedAt: Date?

    public init(id: ID, organizationID: Organization.ID, personID: Person.ID, kind: APIGrant.Kind, name: String, prefix: String,
                scopes: Set<APIScope>, createdAt: Date, lastUsedAt: Date? = nil, expiresAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.personID = personID
        self.kind = kind
        self.name = name
        self.prefix = prefix
        self.scopes = scopes
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token opens anything at `now`: not revoked and not past its expiry.
    public func isLive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }

    /// Scopes in a stable order, for display and storage.
    public var sortedScopes: [APIScope] { scopes.sorted() }
}

extension APIScope {
    /// One line saying what the scope lets a program do, shown beside its checkbox.
    public var summary: String {
        switch self {
        case .peopleRead: "Read people, their roles and schools"
        case .peopleWrite: "Add and change people and their roles (district admins)"
        case .schoolsRead: "Read the district's schools"
        case .standardsRead: "Read frameworks and standards"
        case .plansRead: "Read growth plans you may see"
        case .plansWrite: "Create and update your own growth plans"
        case .clockHoursRead: "Read clock-hour ledgers and certificates you may see"
        case .verificationsRead: "Read verification records (district admins)"
        case .coachingCountsRead: "Read coaching counts, never notes (leaders and admins)"
        case .cohortsRead: "Read the cohorts and PLCs you belong to"
        }
    }

    /// Reads a space- or comma-separated list; nil when any entry is not a scope.
    public static func parseList(_ text: String) -> Set<APIScope>? {
        let names = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var scopes = Set<APIScope>()
        for name in names {
            guard let scope = APIScope(rawValue: name) else { return nil }
            scopes.insert(scope)
        }
        return scopes
    }
}
