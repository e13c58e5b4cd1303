/// A time when a cohort's members write down where things stand and where they dream of being in three years.
/// The facilitator opens it and closes it; members post statements while it is open.
public struct VisioningRound: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<VisioningRound>

    public var id: ID
    public var cohortID: Cohort.ID
    /// What members are asked, e.g. "Our district's digital learning, today and in three years".
    public var prompt: String
    public var openedOn: CalendarDate
    /// nil while members may still post.
    public var closedOn: CalendarDate?

    public init(id: ID, cohortID: Cohort.ID, prompt: String, openedOn: CalendarDate, closedOn: CalendarDate? = nil) {
        self.id = id
        self.cohortID = cohortID
        self.prompt = prompt
        self.openedOn = openedOn
        self.closedOn = closedOn
    }

    public var isOpen: Bool { closedOn == nil }
}

/// One short statement from visioning: how things are now, or how they should be in three years.
///
/// A statement posted without a name has no author at all: not hidden, absent. Nothing stored says who wrote it,
/// so nobody (the facilitator, an admin, someone reading the database) can find out. It carries only the day it
/// was posted, not the moment, so its time cannot be matched with a sign-in either.
public struct VisioningStatement: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<VisioningStatement>

    /// Current state or ideal state.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case current
        case ideal

        public var label: String {
            switch self {
            case .current: "Current state"
            case .ideal: "Ideal state in three years"
            }
        }
    }

    public var id: ID
    public var roundID: VisioningRound.ID
    public var kind: Kind
    public var text: String
    /// nil for a statement posted without a name.
    public var authorID: Person.ID?
    public var postedOn: CalendarDate

    public init(id: ID, roundID: VisioningRound.ID, kind: Kind, text: String, authorID: Person.ID?, postedOn: CalendarDate) {
        self.id = id
        self.roundID = roundID
        self.kind = kind
        self.text = text
        self.authorID = authorID
        self.postedOn = postedOn
    }

    public var isAnonymous: Bool { authorID == nil }

    /// The longest statement accepted: statements are cards on a wall, not essays.
    public static let maximumLength = 500
}
