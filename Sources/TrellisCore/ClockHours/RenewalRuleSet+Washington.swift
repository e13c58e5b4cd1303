/// Washington's renewal rules (PESB), the defaults every district starts from and may edit.
///
/// Five-year cycle, 100 clock hours, each verified annual PGP counting 25 of them (so 4 PGPs,
/// or 3 PGPs and 25 hours, or any other mix), and the focus areas of WAC 181-85.
extension RenewalRuleSet {
    /// Each annual PGP counts as 25 clock hours, at most four in a five-year cycle.
    public static let washingtonGrowthPlanCredit = GrowthPlanCredit(hoursEach: ClockHours(25), maximumCounted: 4)

    /// STEM integration: 15 hours or one PGP goal with a STEM-integration emphasis, asked only of
    /// certificates with a STEM-related endorsement.
    public static let washingtonSTEM = FocusRequirement(
        category: .stem, amount: .hours(ClockHours(15)), metByGrowthPlanGoal: true, appliesTo: .stemRelatedEndorsement
    )

    /// Residency and professional teacher certificates: STEM where endorsed, and 15% of the hours
    /// in equity-based practice, met also by one PGP goal aligned to the CCDEI standards.
    public static let washingtonTeacher = RenewalRuleSet(
        name: "Washington teacher certificates", certificateTypes: [.residencyTeacher, .professionalTeacher],
        cycleYears: 5, requiredHours: ClockHours(100), growthPlanCredit: washingtonGrowthPlanCredit,
        focusRequirements: [
            washingtonSTEM,
            FocusRequirement(category: .equityBasedPractice, amount: .percentOfRequiredHours(15), metByGrowthPlanGoal: true),
        ]
    )

    /// Principal and program administrator certificates: 10% equity-based practice, 10%
    /// leadership standards, 5% government-to-government relations with tribes. A person who
    /// also holds a teacher certificate follows these rules for it too; the STEM rule stays in
    /// the set because it follows that teacher certificate's endorsements, not the role.
    public static let washingtonAdministrator = RenewalRuleSet(
        name: "Washington administrator certificates", certificateTypes: [.administrator],
        supersedes: [.residencyTeacher, .professionalTeacher],
        cycleYears: 5, requiredHours: ClockHours(100), growthPlanCredit: washingtonGrowthPlanCredit,
        focusRequirements: [
            washingtonSTEM,
            FocusRequirement(category: .equityBasedPractice, amount: .percentOfRequiredHours(10)),
            FocusRequirement(category: .leadership, amount: .percentOfRequiredHours(10)),
            FocusRequirement(category: .tribalRelations, amount: .percentOfRequiredHours(5)),
        ]
    )

    /// Educational staff associate certificates, renewed like teacher certificates.
    public static let washingtonEducationalStaffAssociate = RenewalRuleSet(
        name: "Washington ESA certificates", certificateTypes: [.educationalStaffAssociate],
        cycleYears: 5, requiredHours: ClockHours(100), growthPlanCredit: washingtonGrowthPlanCredit,
        focusRequirements: [
            FocusRequirement(category: .equityBasedPractice, amount: .percentOfRequiredHours(15), metByGrowthPlanGoal: true),
        ]
    )

    /// Every Washington rule set, as a new district is seeded with them.
    public static let washingtonDefaults: [RenewalRuleSet] = [
        washingtonTeacher, washingtonAdministrator, washingtonEducationalStaffAssociate,
    ]
}
