/// Where one certificate stands against its renewal rules: what counts, what is met, and in
/// sentences, exactly what is still needed by when. Built by `RenewalEvaluator`.
public struct RenewalProgress: Sendable, Hashable {
    public let certificateID: Certificate.ID
    /// The name of the rule set evaluated, e.g. "Washington teacher certificates".
    public let ruleSetName: String
    /// The first day whose entries count; the cycle ends on `deadline`.
    public let cycleStart: CalendarDate
    /// The certificate's expiry date: everything must be done by then.
    public let deadline: CalendarDate
    public let requiredHours: ClockHours
    /// Recorded hours in the cycle plus the credit of the growth plans counted.
    public let countedHours: ClockHours
    /// The growth plans counted toward the hours: one per school year, up to the rule's cap.
    public let countedGrowthPlans: [CountedGrowthPlan]
    /// The total-hours requirement first, then each focus requirement that applies.
    public let requirements: [RenewalRequirementProgress]
    /// How far along, from 0 to 1, for a progress bar. 1 only when every requirement is met.
    public let fraction: Double

    public init(
        certificateID: Certificate.ID, ruleSetName: String, cycleStart: CalendarDate, deadline: CalendarDate,
        requiredHours: ClockHours, countedHours: ClockHours, countedGrowthPlans: [CountedGrowthPlan],
        requirements: [RenewalRequirementProgress], fraction: Double
    ) {
        self.certificateID = certificateID
        self.ruleSetName = ruleSetName
        self.cycleStart = cycleStart
        self.deadline = deadline
        self.requiredHours = requiredHours
        self.countedHours = countedHours
        self.countedGrowthPlans = countedGrowthPlans
        self.requirements = requirements
        self.fraction = fraction
    }

    public var isMet: Bool { requirements.allSatisfy(\.isMet) }

    /// The headline next to the progress bar: "62.5 of 100 clock hours", or "Renewal
    /// requirements met" once nothing is left.
    public var summary: String {
        isMet ? "Renewal requirements met" : "\(countedHours) of \(requiredHours) clock hours"
    }

    /// One sentence per unmet requirement, e.g. "7.5 more hours in equity-based practice before
    /// June 30, 2029"; empty when everything is met.
    public var stillNeeded: [String] { requirements.compactMap(\.stillNeeded) }
}

/// One requirement of a renewal and how it stands.
public struct RenewalRequirementProgress: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// The rule set's required hours over the cycle.
        case totalHours
        case focus(FocusCategory)
    }

    public let kind: Kind
    /// The hours asked for.
    public let requiredHours: ClockHours
    /// The hours in the cycle that count toward it.
    public let countedHours: ClockHours
    /// Whether a tagged goal in a counted growth plan met a focus requirement.
    public let isMetByGrowthPlanGoal: Bool
    /// What is still needed by when, or nil when met.
    public let stillNeeded: String?

    public init(kind: Kind, requiredHours: ClockHours, countedHours: ClockHours, isMetByGrowthPlanGoal: Bool = false, stillNeeded: String?) {
        self.kind = kind
        self.requiredHours = requiredHours
        self.countedHours = countedHours
        self.isMetByGrowthPlanGoal = isMetByGrowthPlanGoal
        self.stillNeeded = stillNeeded
    }

    public var isMet: Bool { stillNeeded == nil }

    /// The hours still missing; zero when met (by hours or by a goal).
    public var shortfall: ClockHours { isMet ? .zero : max(.zero, requiredHours - countedHours) }
}

/// A growth plan whose credit counts toward a renewal.
public struct CountedGrowthPlan: Sendable, Hashable {
    public let entryID: ClockHourEntry.ID
    public let planID: GrowthPlan.ID
    public let schoolYear: SchoolYear

    public init(entryID: ClockHourEntry.ID, planID: GrowthPlan.ID, schoolYear: SchoolYear) {
        self.entryID = entryID
        self.planID = planID
        self.schoolYear = schoolYear
    }
}
