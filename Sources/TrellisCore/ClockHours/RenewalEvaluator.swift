/// Evaluates a person's clock-hour ledger against a certificate's renewal rules.
///
/// Pure: everything it needs is passed in, `today` included, so pages, exports and tests that
/// move through a school year all get the same answer.
public enum RenewalEvaluator {
    /// Where `certificate` stands under `rules`.
    ///
    /// - `ledger`: the person's entries (others' are ignored); only those dated inside the cycle
    ///   count. The cycle is the `cycleYears` ending on the expiry date, from the day after the
    ///   same date `cycleYears` earlier: a five-year cycle ending June 30, 2029 starts July 1,
    ///   2024, exactly five school years, so the last day of a sixth year never counts.
    /// - Growth plans: one per school year (a second PGP in a year counts nothing), each worth
    ///   `growthPlanCredit.hoursEach` up to its cap, whatever hours its entry holds for salary.
    ///   With no credit in the rules, PGP entries count no hours.
    /// - `pgpGoalsFocus`: the tags of the goals of the plans on the ledger, for requirements a
    ///   tagged goal meets.
    public static func evaluate(
        certificate: Certificate, ledger: [ClockHourEntry], pgpGoalsFocus: [GoalFocus], rules: RenewalRuleSet,
        today: CalendarDate, schoolYearStart: SchoolYearStart = .julyFirst
    ) -> RenewalProgress {
        let cycleStart = cycleStart(endingOn: certificate.expiresOn, years: rules.cycleYears)
        let inCycle = ledger.filter {
            $0.personID == certificate.personID && cycleStart <= $0.date && $0.date <= certificate.expiresOn
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }

        // One PGP per school year: the first verified in each year stands for it.
        var plansByYear: [SchoolYear: ClockHourEntry] = [:]
        for entry in inCycle {
            if let plan = entry.growthPlan, plansByYear[plan.schoolYear] == nil { plansByYear[plan.schoolYear] = entry }
        }
        let yearPlans = plansByYear.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let credited = rules.growthPlanCredit.map { Array(yearPlans.prefix(max(0, $0.maximumCounted))) } ?? []
        let creditEach = rules.growthPlanCredit?.hoursEach ?? .zero

        let recorded = inCycle.filter { $0.source.kind == .recorded }
        func hours(taggedWith category: FocusCategory? = nil) -> ClockHours {
            let matching = { (entry: ClockHourEntry) in category.map(entry.isTagged) ?? true }
            let recordedHours = recorded.filter(matching).reduce(ClockHours.zero) { $0 + $1.hours }
            return recordedHours + creditEach * credited.filter(matching).count
        }

        let wording = RenewalWording(deadline: certificate.expiresOn, isPastDeadline: today > certificate.expiresOn)
        // School years still able to bring a growth plan before the deadline.
        let openYears = openSchoolYears(from: max(today, cycleStart), to: certificate.expiresOn,
                                        taken: Set(plansByYear.keys.map(\.startYear)), start: schoolYearStart)

        let countedHours = hours()
        let totalShortfall = max(.zero, rules.requiredHours - countedHours)
        let plansLeft = rules.growthPlanCredit.map { min(max(0, $0.maximumCounted - credited.count), openYears) } ?? 0
        var requirements = [RenewalRequirementProgress(
            kind: .totalHours, requiredHours: rules.requiredHours, countedHours: countedHours,
            stillNeeded: totalShortfall > .zero
                ? wording.totalHours(totalShortfall, growthPlansLeft: plansLeft, creditEach: creditEach) : nil
        )]

        for requirement in rules.focusRequirements where requirement.applies(to: certificate) {
            let required = requirement.hours(ofRequired: rules.requiredHours)
            let counted = hours(taggedWith: requirement.category)
            let metByGoal = requirement.metByGrowthPlanGoal && yearPlans.contains { entry in
                pgpGoalsFocus.contains { $0.planID == entry.growthPlan?.planID && $0.categories.contains(requirement.category) }
            }
            let shortfall = max(.zero, required - counted)
            requirements.append(RenewalRequirementProgress(
                kind: .focus(requirement.category), requiredHours: required, countedHours: counted,
                isMetByGrowthPlanGoal: metByGoal,
                stillNeeded: metByGoal || shortfall == .zero ? nil
                    : wording.focusHours(shortfall, in: requirement.category,
                                         orGoal: requirement.metByGrowthPlanGoal && openYears > 0)
            ))
        }

        return RenewalProgress(
            certificateID: certificate.id, ruleSetName: rules.name, cycleStart: cycleStart,
            deadline: certificate.expiresOn, requiredHours: rules.requiredHours, countedHours: countedHours,
            countedGrowthPlans: credited.compactMap { entry in
                entry.growthPlan.map { CountedGrowthPlan(entryID: entry.id, planID: $0.planID, schoolYear: $0.schoolYear) }
            },
            requirements: requirements,
            fraction: fraction(counted: countedHours, requirements: requirements)
        )
    }

    /// The first day of a cycle of `years` ending on `end`.
    public static func cycleStart(endingOn end: CalendarDate, years: Int) -> CalendarDate {
        let year = max(CalendarDate.validYears.lowerBound, end.year - years)
        // February 29 has no match in most years; the day before stands in for it.
        let sameDay = CalendarDate(year: year, month: end.month, day: end.day)
            ?? CalendarDate(year: year, month: end.month, day: end.day - 1)!
        return sameDay.adding(days: 1) ?? sameDay
    }

    /// Progress toward the larger of what the total and any one focus area still need: focus
    /// hours count toward the total too, so the larger shortfall is what must still be earned.
    /// A person with 100 hours but 7.5 short in equity is at 100 / 107.5, not at a full bar.
    static func fraction(counted: ClockHours, requirements: [RenewalRequirementProgress]) -> Double {
        let remaining = requirements.map(\.shortfall).max() ?? .zero
        // An unmet requirement always has a shortfall, so `whole` is above zero here.
        guard remaining > .zero else { return 1 }
        let whole = counted + remaining
        return min(1, max(0, counted.asDouble / whole.asDouble))
    }

    /// How many school years from the one containing `from` to the one containing `to` have no
    /// growth plan on the ledger yet.
    static func openSchoolYears(from: CalendarDate, to: CalendarDate, taken: Set<Int>, start: SchoolYearStart) -> Int {
        guard from <= to else { return 0 }
        let first = SchoolYear.containing(date: from, start: start).startYear
        let last = SchoolYear.containing(date: to, start: start).startYear
        return (first...last).filter { !taken.contains($0) }.count
    }
}
