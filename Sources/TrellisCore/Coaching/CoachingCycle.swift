import Foundation

/// A stretch of coaching around one of the educator's goals: plan, learn (observe, model, co-teach), then
/// reflect on impact. Its sessions are the coaching log; the cycle says what they are for.
public struct CoachingCycle: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<CoachingCycle>

    public var id: ID
    public var organizationID: Organization.ID
    public var relationshipID: CoachingRelationship.ID
    /// The educator's goal the cycle serves, when the plan is shared with the coach; nil for a focus of its own.
    public var goalID: Goal.ID?
    /// What the cycle works on, in a sentence ("Checking for understanding in small-group reading").
    public var focus: String
    /// What the coach will watch for, in order; observation notes may be tied to one of them.
    public var lookFors: [LookFor]
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate?

    public init(id: ID, organizationID: Organization.ID, relationshipID: CoachingRelationship.ID, goalID: Goal.ID? = nil,
                focus: String, lookFors: [LookFor] = [], startsOn: CalendarDate, endsOn: CalendarDate? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.relationshipID = relationshipID
        self.goalID = goalID
        self.focus = focus
        self.lookFors = lookFors
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    public func lookFor(_ id: LookFor.ID) -> LookFor? { lookFors.first { $0.id == id } }
}

/// One thing the coach will watch for during a cycle ("students explain their thinking to a partner").
public struct LookFor: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<LookFor>
    public var id: ID
    public var text: String

    public init(id: ID, text: String) {
        self.id = id
        self.text = text
    }
}

/// Where a cycle stands, read from its sessions rather than kept, so it can never disagree with them.
public enum CyclePhase: String, Sendable, Hashable, CaseIterable {
    case plan
    case learn
    case reflect

    public var label: String {
        switch self {
        case .plan: "Plan"
        case .learn: "Learn: observe, model, co-teach"
        case .reflect: "Reflect on impact"
        }
    }

    /// Plan until the first observation, modeled or co-taught lesson; reflect once a feedback conversation
    /// follows one.
    public static func of(sessionKinds kinds: [SessionKind]) -> CyclePhase {
        guard let firstLearning = kinds.firstIndex(where: \.isLearning) else { return .plan }
        return kinds[firstLearning...].contains(.feedback) ? .reflect : .learn
    }
}
