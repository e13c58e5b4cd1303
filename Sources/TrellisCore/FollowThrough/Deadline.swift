/// The kinds of date a district sets for its school year. Each names something every educator has to have done by then,
/// so Trellis can tell who still owes it (`DeadlineObligation`) and remind exactly those people.
public enum DeadlineKind: String, Sendable, Hashable, Codable, CaseIterable {
    case planActiveBy = "plan_active_by"
    case midYearCheckInBy = "mid_year_check_in_by"
    case reflectionBy = "reflection_by"
    case reviewSubmittedBy = "review_submitted_by"

    /// The name shown to people.
    public var label: String {
        switch self {
        case .planActiveBy: "Plan active by"
        case .midYearCheckInBy: "Mid-year check-in by"
        case .reflectionBy: "Reflection by"
        case .reviewSubmittedBy: "Review submitted by"
        }
    }

    /// What is owed, as a reminder says it ("… by March 1").
    public var task: String {
        switch self {
        case .planActiveBy: "start your growth plan (make it active)"
        case .midYearCheckInBy: "write your mid-year check-in"
        case .reflectionBy: "write your reflection on each goal"
        case .reviewSubmittedBy: "ask for review of your growth plan"
        }
    }

    /// The part of the plan a reminder links to.
    public var planSection: String {
        switch self {
        case .planActiveBy: "status"
        case .midYearCheckInBy: "check-ins"
        case .reflectionBy: "reflection"
        case .reviewSubmittedBy: "review"
        }
    }
}

/// One date of a district's school-year calendar: the district's own (no school), or a school's, which takes the place of
/// the district's date of the same kind for the people of that school.
public struct Deadline: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Deadline>

    public var id: ID
    public var organizationID: Organization.ID
    /// Nil for the district's date.
    public var schoolID: School.ID?
    /// The school year's `startYear`.
    public var schoolYear: Int
    public var kind: DeadlineKind
    public var dueOn: CalendarDate

    public init(id: ID, organizationID: Organization.ID, schoolID: School.ID?, schoolYear: Int, kind: DeadlineKind, dueOn: CalendarDate) {
        self.id = id
        self.organizationID = organizationID
        self.schoolID = schoolID
        self.schoolYear = schoolYear
        self.kind = kind
        self.dueOn = dueOn
    }
}

/// A school year's deadlines, district-wide and per school, answering "which date applies to this person".
public struct DeadlineCalendar: Sendable, Hashable {
    public let deadlines: [Deadline]

    public init(_ deadlines: [Deadline]) {
        self.deadlines = deadlines
    }

    /// The district's own dates, in the order of the kinds.
    public var districtDates: [Deadline] {
        DeadlineKind.allCases.compactMap { kind in deadlines.first { $0.kind == kind && $0.schoolID == nil } }
    }

    /// The date of `kind` for someone at `school`: their school's when it set one, otherwise the district's.
    public func deadline(_ kind: DeadlineKind, school: School.ID?) -> Deadline? {
        if let school, let own = deadlines.first(where: { $0.kind == kind && $0.schoolID == school }) { return own }
        return deadlines.first { $0.kind == kind && $0.schoolID == nil }
    }

    /// Every deadline that applies to somebody: the district's (for everyone without a date of their school's) and each
    /// school's.
    public var applicable: [Deadline] { deadlines.sorted { ($0.dueOn, $0.kind.rawValue) < ($1.dueOn, $1.kind.rawValue) } }
}
