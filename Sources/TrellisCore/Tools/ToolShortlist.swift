import Foundation

/// Where a shortlist hangs: a coaching cycle (the coach and the educator choose together) or a goal of a growth plan
/// (the owner, and coaches it is shared with).
public enum ShortlistAnchor: Sendable, Hashable, Codable {
    case cycle(CoachingCycle.ID)
    case goal(GrowthPlan.ID, Goal.ID)
}

/// A tool on a shortlist, with the rubric the coach and the educator filled in for it.
public struct ShortlistEntry: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<ShortlistEntry>

    public var id: ID
    public var organizationID: Organization.ID
    public var toolID: DigitalTool.ID
    public var anchor: ShortlistAnchor
    public var rubric: ToolRubric
    public var addedBy: Person.ID
    public var addedAt: Date

    public init(id: ID, organizationID: Organization.ID, toolID: DigitalTool.ID, anchor: ShortlistAnchor,
                rubric: ToolRubric = ToolRubric(), addedBy: Person.ID, addedAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.toolID = toolID
        self.anchor = anchor
        self.rubric = rubric
        self.addedBy = addedBy
        self.addedAt = addedAt
    }
}
