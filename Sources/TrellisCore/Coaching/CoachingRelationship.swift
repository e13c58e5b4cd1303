import Foundation

/// A coach and an educator who agreed to work together. Either may propose it (a coach invites, an educator
/// asks); it begins only when the other accepts, and either may end it. Ended relationships are kept: the
/// records written in them stay with the people who could see them.
public struct CoachingRelationship: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<CoachingRelationship>

    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Proposed by one side, waiting for the other.
        case proposed
        case active
        /// The other side said no before it began.
        case declined
        case ended

        public var label: String {
            switch self {
            case .proposed: "Waiting for an answer"
            case .active: "Active"
            case .declined: "Declined"
            case .ended: "Ended"
            }
        }
    }

    /// Who proposed the relationship, and so who must accept it.
    public enum Side: String, Sendable, Hashable, Codable {
        case coach
        case educator
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var coachID: Person.ID
    public var educatorID: Person.ID
    public var state: State
    public var proposedBy: Side
    /// A line from whoever proposed it ("I'd love help with small-group reading").
    public var message: String
    public var proposedAt: Date
    public var startedAt: Date?
    public var endedAt: Date?

    public init(id: ID, organizationID: Organization.ID, coachID: Person.ID, educatorID: Person.ID, proposedBy: Side,
                message: String = "", proposedAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.coachID = coachID
        self.educatorID = educatorID
        self.state = .proposed
        self.proposedBy = proposedBy
        self.message = message
        self.proposedAt = proposedAt
    }

    public var isActive: Bool { state == .active }

    /// Whether the relationship is still proposed or under way (not declined or ended).
    public var isCurrent: Bool { state == .proposed || state == .active }

    /// The side a person is on, or nil when they are neither the coach nor the educator.
    public func side(of personID: Person.ID) -> Side? {
        if personID == coachID { return .coach }
        if personID == educatorID { return .educator }
        return nil
    }

    /// The person on the other side from `personID`.
    public func other(than personID: Person.ID) -> Person.ID {
        personID == coachID ? educatorID : coachID
    }

    /// Whether `personID` is the one who must answer a proposal.
    public func awaitsAnswer(from personID: Person.ID) -> Bool {
        state == .proposed && side(of: personID) != nil && side(of: personID) != proposedBy
    }
}
