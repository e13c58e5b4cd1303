import Foundation

/// A coach and one or more educators trying an approved tool against a goal, to learn whether it helps (ISTE
/// Standards for Coaches 3c): the question, how they measure it, where they started and ended, for how long and with
/// how many students, what teachers and students said, and what they decided. Its summary may be shared with leaders
/// and the district to inform adoption; everything else stays with the people in the trial.
public struct EfficacyTrial: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<EfficacyTrial>

    /// What the trial decided about the tool.
    public enum Verdict: String, Sendable, Hashable, Codable, CaseIterable {
        case keep
        case expand
        case change
        case stop

        public var label: String {
            switch self {
            case .keep: "Keep"
            case .expand: "Expand"
            case .change: "Change how it is used"
            case .stop: "Stop"
            }
        }
    }

    /// Who sees the trial's summary besides the people in it.
    public enum Visibility: String, Sendable, Hashable, Codable, CaseIterable {
        /// Leaders and the district see the summary (never the notes) in the adoption view.
        case sharedSummary = "shared_summary"
        /// The coach and the educators in the trial only.
        case coachOnly = "coach_only"

        public var label: String {
            switch self {
            case .sharedSummary: "Share the summary with leaders and the district"
            case .coachOnly: "Keep it to the people in the trial"
            }
        }
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var toolID: DigitalTool.ID
    public var coachID: Person.ID
    public var educatorIDs: [Person.ID]
    /// The cycle the trial grew out of, when it did; its goal is the trial's.
    public var cycleID: CoachingCycle.ID?
    /// The goal the trial serves, in words ("Students explain fractions on a number line").
    public var goal: String
    public var question: String
    /// What is measured ("Exit-ticket score", "Minutes of independent reading"); the units are the quantities'.
    public var measure: String
    public var baseline: Quantity?
    public var result: Quantity?
    public var startsOn: CalendarDate
    public var endsOn: CalendarDate?
    public var studentCount: Int?
    public var teacherVoice: String
    public var studentVoice: String
    public var verdict: Verdict?
    /// Evidence from the educators' plans attached to the trial.
    public var evidence: [EvidenceReference]
    /// The people in the trial's working notes: never in the summary, never in the audit log.
    public var notes: String
    public var visibility: Visibility

    public init(id: ID, organizationID: Organization.ID, toolID: DigitalTool.ID, coachID: Person.ID, educatorIDs: [Person.ID],
                cycleID: CoachingCycle.ID? = nil, goal: String, question: String, measure: String = "", baseline: Quantity? = nil,
                result: Quantity? = nil, startsOn: CalendarDate, endsOn: CalendarDate? = nil, studentCount: Int? = nil,
                teacherVoice: String = "", studentVoice: String = "", verdict: Verdict? = nil, evidence: [EvidenceReference] = [],
                notes: String = "", visibility: Visibility = .coachOnly) {
        self.id = id
        self.organizationID = organizationID
        self.toolID = toolID
        self.coachID = coachID
        self.educatorIDs = educatorIDs
        self.cycleID = cycleID
        self.goal = goal
        self.question = question
        self.measure = measure
        self.baseline = baseline
        self.result = result
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.studentCount = studentCount
        self.teacherVoice = teacherVoice
        self.studentVoice = studentVoice
        self.verdict = verdict
        self.evidence = evidence
        self.notes = notes
        self.visibility = visibility
    }

    /// A trial is finished once it has a verdict; until then it is running.
    public var isFinished: Bool { verdict != nil }

    /// Whether `person` is the trial's coach or one of its educators.
    public func includes(_ person: Person.ID) -> Bool { person == coachID || educatorIDs.contains(person) }

    /// How the result differs from the baseline, when both are there in the same unit.
    public var change: Quantity? {
        guard let baseline, let result, baseline.unit == result.unit else { return nil }
        return Quantity(value: result.value - baseline.value, unit: result.unit)
    }

    /// The days the trial ran, both ends included, once it has an end.
    public var days: Int? { endsOn.map { startsOn.days(until: $0) + 1 } }
}

/// A number with its unit ("62 %", "14.5 minutes"), exact as typed.
public struct Quantity: Sendable, Hashable, Codable {
    public var value: Decimal
    public var unit: String

    public init(value: Decimal, unit: String) {
        self.value = value
        self.unit = unit
    }

    /// Kept as text in JSON so a typed 0.1 is read back as 0.1 on every platform.
    enum CodingKeys: String, CodingKey { case value, unit }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .value)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "not a number: \(text)")
        }
        self.value = value
        unit = try container.decode(String.self, forKey: .unit)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.text(value), forKey: .value)
        try container.encode(unit, forKey: .unit)
    }

    /// The number as a person types it: "62", "-3.5", never "6.2e1".
    public static func text(_ value: Decimal) -> String {
        NSDecimalNumber(decimal: value).description(withLocale: Locale(identifier: "en_US_POSIX"))
    }

    /// Reads a typed number ("62", "14.5", "-3"); nil for anything else ("about 60", "1,5").
    public static func number(_ text: String) -> Decimal? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.wholeMatch(of: /[-+]?[0-9]+(\.[0-9]+)?/) != nil else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// "62 %", "+4.5 points" when `signed`.
    public func spoken(signed: Bool = false) -> String {
        let number = Self.text(value)
        let sign = signed && value > 0 ? "+" : ""
        return unit.isEmpty ? sign + number : "\(sign)\(number) \(unit)"
    }
}

/// One piece of evidence in an educator's growth plan.
public struct EvidenceReference: Sendable, Hashable, Codable {
    public var planID: GrowthPlan.ID
    public var evidenceID: Evidence.ID

    public init(planID: GrowthPlan.ID, evidenceID: Evidence.ID) {
        self.planID = planID
        self.evidenceID = evidenceID
    }
}
