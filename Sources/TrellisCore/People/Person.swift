import Foundation

/// Someone who signs in to Trellis. Deactivated people keep everything they made but cannot sign in.
public struct Person: Sendable, Hashable, Codable {
    public typealias ID = Identifier<Person>
    public var id: ID
    public var organizationID: Organization.ID
    public var email: EmailAddress
    public var displayName: String
    public var schoolID: School.ID?
    public var roles: Set<Role>
    public var isActive: Bool

    public init(
        id: ID, organizationID: Organization.ID, email: EmailAddress, displayName: String,
        schoolID: School.ID?, roles: Set<Role>, isActive: Bool = true
    ) {
        self.id = id
        self.organizationID = organizationID
        self.email = email
        self.displayName = displayName
        self.schoolID = schoolID
        self.roles = roles
        self.isActive = isActive
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// Roles in a stable order, for display.
    public var sortedRoles: [Role] { roles.sorted() }
}
