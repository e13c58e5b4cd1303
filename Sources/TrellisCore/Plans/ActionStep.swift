/// One thing the educator will do toward a goal: the action plan is made of these.
public struct ActionStep: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<ActionStep>

    /// Where a step stands. Three states are enough for a teacher to keep up to date in a
    /// busy week; finer progress belongs in check-ins.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case notStarted = "not_started"
        case inProgress = "in_progress"
        case done

        /// The name shown to people.
        public var label: String {
            switch self {
            case .notStarted: "Not started"
            case .inProgress: "In progress"
            case .done: "Done"
            }
        }
    }

    public var id: ID
    /// What will be done, e.g. "Run 15-minute small-group fluency practice daily".
    public var what: String
    /// When it should be done by; nil for an ongoing or not-yet-scheduled step.
    public var dueDate: CalendarDate?
    public var status: Status
    /// What the educator needs from others (a coach's modeling, release time), so a coach can see
    /// where to help.
    public var supportNeeded: String
    /// Materials, links, people or courses the step draws on, as the educator wrote them.
    public var resources: String
    /// The educator's own estimate of the time it takes. An estimate for planning, not a
    /// clock-hour record.
    public var estimatedHours: Double?

    public init(
        id: ID, what: String, dueDate: CalendarDate? = nil, status: Status = .notStarted,
        supportNeeded: String = "", resources: String = "", estimatedHours: Double? = nil
    ) {
        self.id = id
        self.what = what
        self.dueDate = dueDate
        self.status = status
        self.supportNeeded = supportNeeded
        self.resources = resources
        self.estimatedHours = estimatedHours
    }

    /// A step counts toward the action plan once it says what will be done.
    public var isWritten: Bool { !what.trimmingWhitespace().isEmpty }

    /// Past its due date and not done. A step due today is not overdue yet.
    public func isOverdue(on today: CalendarDate) -> Bool {
        guard status != .done, let dueDate else { return false }
        return dueDate < today
    }
}
