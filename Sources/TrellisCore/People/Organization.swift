import Foundation

/// A district: the tenant. Nothing ever crosses from one organization to another.
public struct Organization: Sendable, Hashable, Codable {
    public typealias ID = Identifier<Organization>
    public var id: ID
    /// Short name used on the command line and in URLs, e.g. `cascade`.
    public var slug: String
    public var name: String

    public init(id: ID, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
    }
}

/// A school within a district.
public struct School: Sendable, Hashable, Codable {
    public typealias ID = Identifier<School>
    public var id: ID
    public var organizationID: Organization.ID
    public var name: String

    public init(id: ID, organizationID: Organization.ID, name: String) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
    }
}
