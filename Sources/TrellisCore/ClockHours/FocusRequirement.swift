/// A share of a renewal's hours that must be in one focus category, e.g. "15% in equity-based
/// practice, or one PGP goal aligned to the CCDEI standards".
///
/// Coded flat so an admin can read and write it:
/// `{"category": "stem", "hours": 15, "metByGrowthPlanGoal": true, "appliesTo": "stem_related_endorsement"}`
/// or `{"category": "equity_based_practice", "percentOfRequiredHours": 15}`.
public struct FocusRequirement: Sendable, Hashable, Codable {
    public var category: FocusCategory
    public var amount: Amount
    /// Whether one goal tagged with `category`, in a growth plan counted for the cycle, meets
    /// the requirement whatever the hours.
    public var metByGrowthPlanGoal: Bool
    public var appliesTo: Applicability

    public init(category: FocusCategory, amount: Amount, metByGrowthPlanGoal: Bool = false, appliesTo: Applicability = .everyCertificate) {
        self.category = category
        self.amount = amount
        self.metByGrowthPlanGoal = metByGrowthPlanGoal
        self.appliesTo = appliesTo
    }

    /// How many hours are asked for.
    public enum Amount: Sendable, Hashable {
        /// A fixed number, e.g. Washington's 15 hours of STEM integration.
        case hours(ClockHours)
        /// A share of the rule set's required hours (not of the hours earned), e.g. 15% of 100.
        case percentOfRequiredHours(Double)
    }

    /// Which certificates the requirement is asked of, among those the rule set renews.
    public enum Applicability: String, Sendable, Hashable, Codable, CaseIterable {
        case everyCertificate = "every_certificate"
        /// Only certificates with at least one STEM-related endorsement.
        case stemRelatedEndorsement = "stem_related_endorsement"
    }

    /// The hours asked for under a rule set requiring `requiredHours` in all.
    public func hours(ofRequired requiredHours: ClockHours) -> ClockHours {
        switch amount {
        case let .hours(hours): hours
        case let .percentOfRequiredHours(percent): requiredHours.percent(percent)
        }
    }

    /// Whether the requirement is asked of `certificate`.
    public func applies(to certificate: Certificate) -> Bool {
        switch appliesTo {
        case .everyCertificate: true
        case .stemRelatedEndorsement: certificate.hasSTEMRelatedEndorsement
        }
    }

    var isPositive: Bool {
        switch amount {
        case let .hours(hours): hours > .zero
        case let .percentOfRequiredHours(percent): percent > 0 && percent <= 100
        }
    }

    private enum CodingKeys: String, CodingKey {
        case category, hours, percentOfRequiredHours, metByGrowthPlanGoal, appliesTo
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let hours = try container.decodeIfPresent(ClockHours.self, forKey: .hours)
        let percent = try container.decodeIfPresent(Double.self, forKey: .percentOfRequiredHours)
        let amount: Amount
        switch (hours, percent) {
        case let (hours?, nil): amount = .hours(hours)
        case let (nil, percent?): amount = .percentOfRequiredHours(percent)
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a focus requirement needs exactly one of hours or percentOfRequiredHours"))
        }
        self.init(
            category: try container.decode(FocusCategory.self, forKey: .category), amount: amount,
            metByGrowthPlanGoal: try container.decodeIfPresent(Bool.self, forKey: .metByGrowthPlanGoal) ?? false,
            appliesTo: try container.decodeIfPresent(Applicability.self, forKey: .appliesTo) ?? .everyCertificate
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(category, forKey: .category)
        switch amount {
        case let .hours(hours): try container.encode(hours, forKey: .hours)
        case let .percentOfRequiredHours(percent): try container.encode(percent, forKey: .percentOfRequiredHours)
        }
        try container.encode(metByGrowthPlanGoal, forKey: .metByGrowthPlanGoal)
        try container.encode(appliesTo, forKey: .appliesTo)
    }
}
