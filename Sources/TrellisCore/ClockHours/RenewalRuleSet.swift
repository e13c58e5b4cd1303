/// The renewal rules for one or more certificate types, as data: a district stores one per
/// certificate type (Washington's are the seeded defaults) and an admin may edit it, so another
/// state's rules fit without a code change.
///
/// The model is "hours by category over a cycle":
/// - `requiredHours` clock hours within the `cycleYears` before the certificate expires;
/// - growth plans as an exchange rate, `growthPlanCredit`: each PGP counts as `hoursEach` hours,
///   at most `maximumCounted` of them. Washington's "100 hours, or 4 PGPs, or 3 PGPs + 25 hours"
///   are all points on the line hours + 25 × PGPs ≥ 100 with at most 4 PGPs, so one rate and one
///   cap express every mix without listing them, and also cover a state that caps PGPs at half
///   the hours, or one that takes none (`nil`). An explicit list of alternatives would be more
///   general only for rules nobody has, and harder to edit and to explain in one sentence;
/// - `focusRequirements`: a share of the hours in a category, each met by hours or by one PGP
///   goal tagged with the category, for every certificate or only those with a STEM-related
///   endorsement.
public struct RenewalRuleSet: Sendable, Hashable, Codable {
    /// Shown to admins choosing and editing rule sets, e.g. "Washington teacher certificates".
    public var name: String
    /// The certificate types these rules renew.
    public var certificateTypes: [CertificateType]
    /// Types these rules also govern for a person who currently holds a certificate of one of
    /// `certificateTypes`: Washington's "a person renewing both a teacher and an administrator
    /// certificate follows the administrator rule" is the administrator set superseding the
    /// teacher types.
    public var supersedes: [CertificateType]
    /// The renewal cycle, counted back from the expiry date.
    public var cycleYears: Int
    public var requiredHours: ClockHours
    /// How verified growth plans count toward `requiredHours`; nil where they don't.
    public var growthPlanCredit: GrowthPlanCredit?
    public var focusRequirements: [FocusRequirement]

    public init(
        name: String, certificateTypes: [CertificateType], supersedes: [CertificateType] = [],
        cycleYears: Int, requiredHours: ClockHours, growthPlanCredit: GrowthPlanCredit? = nil,
        focusRequirements: [FocusRequirement] = []
    ) {
        self.name = name
        self.certificateTypes = certificateTypes
        self.supersedes = supersedes
        self.cycleYears = cycleYears
        self.requiredHours = requiredHours
        self.growthPlanCredit = growthPlanCredit
        self.focusRequirements = focusRequirements
    }

    /// What is wrong with the rules as an admin wrote them, one sentence each; empty when they
    /// can be evaluated. Decoding refuses rules with problems, so none reach the evaluator.
    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingWhitespace().isEmpty { problems.append("Give the rule set a name.") }
        if certificateTypes.isEmpty { problems.append("Choose at least one certificate type.") }
        if !(1...20).contains(cycleYears) { problems.append("The cycle must be 1 to 20 years.") }
        if requiredHours <= .zero { problems.append("The required hours must be more than 0.") }
        if let credit = growthPlanCredit, credit.hoursEach <= .zero || credit.maximumCounted < 1 {
            problems.append("A growth plan must count for more than 0 hours, and at least one must count.")
        }
        for requirement in focusRequirements where !requirement.isPositive {
            problems.append("The \(requirement.category.inSentence) requirement must ask for more than 0 hours.")
        }
        return problems
    }

    /// The focus categories the rules name, so forms can offer them as tags beside the built-in ones.
    public var focusCategories: [FocusCategory] { focusRequirements.map(\.category) }

    /// The rule set that governs `certificate`, or nil when none of `ruleSets` covers its type.
    ///
    /// A rule set that supersedes the certificate's type wins when the person also holds a
    /// certificate that set renews and is valid `today`; otherwise the first set for the type.
    public static func governing(
        _ certificate: Certificate, heldCertificates: [Certificate], among ruleSets: [RenewalRuleSet], today: CalendarDate
    ) -> RenewalRuleSet? {
        let otherTypes = Set(heldCertificates.filter {
            $0.personID == certificate.personID && $0.id != certificate.id && $0.isCurrent(on: today)
        }.map(\.type))
        let superseding = ruleSets.first { rules in
            rules.supersedes.contains(certificate.type) && !otherTypes.isDisjoint(with: rules.certificateTypes)
        }
        return superseding ?? ruleSets.first { $0.certificateTypes.contains(certificate.type) }
    }

    // Written out so hand-made JSON may leave out what it doesn't use (no superseding, no
    // growth plans, no focus requirements), and so invalid rules never decode.
    private enum CodingKeys: String, CodingKey {
        case name, certificateTypes, supersedes, cycleYears, requiredHours, growthPlanCredit, focusRequirements
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            certificateTypes: try container.decode([CertificateType].self, forKey: .certificateTypes),
            supersedes: try container.decodeIfPresent([CertificateType].self, forKey: .supersedes) ?? [],
            cycleYears: try container.decode(Int.self, forKey: .cycleYears),
            requiredHours: try container.decode(ClockHours.self, forKey: .requiredHours),
            growthPlanCredit: try container.decodeIfPresent(GrowthPlanCredit.self, forKey: .growthPlanCredit),
            focusRequirements: try container.decodeIfPresent([FocusRequirement].self, forKey: .focusRequirements) ?? []
        )
        if let problem = problems.first {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
    }
}

/// How verified growth plans count toward a renewal: each as `hoursEach` clock hours, at most
/// `maximumCounted` per cycle, and never more than one per school year.
public struct GrowthPlanCredit: Sendable, Hashable, Codable {
    public var hoursEach: ClockHours
    public var maximumCounted: Int

    public init(hoursEach: ClockHours, maximumCounted: Int) {
        self.hoursEach = hoursEach
        self.maximumCounted = maximumCounted
    }
}
