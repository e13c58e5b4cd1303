/// An educator's Professional Growth Plan for one school year: goals aligned to standards, an
/// action plan, evidence, check-ins along the way, and a reflection at the end.
///
/// A plain value: changing it changes nothing stored. Status changes go through
/// `PlanLifecycle`, which says whether a change is allowed and why not.
public struct GrowthPlan: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<GrowthPlan>

    public var id: ID
    public var organizationID: Organization.ID
    /// The educator whose plan it is.
    public var ownerID: Person.ID
    /// Washington allows one PGP per school year; the year decides which one it counts for.
    public var schoolYear: SchoolYear
    public var status: PlanStatus
    /// In the educator's order; "goal 1" in messages is the first of these.
    public var goals: [Goal]
    public var evidence: [Evidence]
    /// In the order they were recorded.
    public var checkIns: [CheckIn]
    public var reflection: Reflection
    public var sharing: PlanSharing

    public init(
        id: ID, organizationID: Organization.ID, ownerID: Person.ID, schoolYear: SchoolYear,
        status: PlanStatus = .draft, goals: [Goal] = [], evidence: [Evidence] = [], checkIns: [CheckIn] = [],
        reflection: Reflection = Reflection(), sharing: PlanSharing = .ownerOnly
    ) {
        self.id = id
        self.organizationID = organizationID
        self.ownerID = ownerID
        self.schoolYear = schoolYear
        self.status = status
        self.goals = goals
        self.evidence = evidence
        self.checkIns = checkIns
        self.reflection = reflection
        self.sharing = sharing
    }

    /// Whether the plan's content may change in its current status.
    public var canEdit: Bool { status.canEdit }

    /// The goal with this id, if the plan has it.
    public func goal(_ id: Goal.ID) -> Goal? {
        goals.first { $0.id == id }
    }

    /// The goal's number as people see it: 1 for the first goal.
    public func number(of goalID: Goal.ID) -> Int? {
        goals.firstIndex { $0.id == goalID }.map { $0 + 1 }
    }

    /// The evidence tagged with `goalID`, in the order it was added.
    public func evidence(for goalID: Goal.ID) -> [Evidence] {
        evidence.filter { $0.documents(goalID) }
    }
}

/// Who, besides the owner, the educator has chosen to share the plan with. Sharing is explicit
/// and per plan: nothing is shared until the educator says so.
///
/// Sharing is not part of the plan's content: an educator may share a signed plan with a new
/// coach, so it can change in every status.
public struct PlanSharing: Sendable, Hashable, Codable {
    /// The coaches who may see and comment on the plan, in the order they were added. An array
    /// rather than a set so a plan's JSON is the same every time it is encoded.
    public private(set) var coachIDs: [Person.ID]
    /// Whether the leaders of the owner's school see the content, not only status and dates.
    public var isSharedWithSchoolLeaders: Bool
    /// Whether the goal linked to a PLC's group goal shows its content to that PLC, not only its progress. Stored only
    /// when true, so plans saved before PLCs existed decode unchanged and a plan not shared encodes as it did.
    private var sharedWithPLC: Bool?

    public var isSharedWithPLC: Bool {
        get { sharedWithPLC ?? false }
        set { sharedWithPLC = newValue ? true : nil }
    }

    /// Shared with nobody: how every plan starts.
    public static let ownerOnly = PlanSharing()

    public init(coachIDs: [Person.ID] = [], isSharedWithSchoolLeaders: Bool = false, isSharedWithPLC: Bool = false) {
        self.coachIDs = []
        self.isSharedWithSchoolLeaders = isSharedWithSchoolLeaders
        self.isSharedWithPLC = isSharedWithPLC
        for coachID in coachIDs { share(with: coachID) }
    }

    public func isShared(with coachID: Person.ID) -> Bool { coachIDs.contains(coachID) }

    /// Adds a coach; sharing twice with the same coach changes nothing.
    public mutating func share(with coachID: Person.ID) {
        if !coachIDs.contains(coachID) { coachIDs.append(coachID) }
    }

    public mutating func stopSharing(with coachID: Person.ID) {
        coachIDs.removeAll { $0 == coachID }
    }
}
