import TrellisCore

extension ClockHourService.RuleSetForm.FocusLine {
    /// Whether the row was left empty, which leaves it out of the rules.
    var isBlank: Bool { category.trimmingWhitespace().isEmpty && amount.trimmingWhitespace().isEmpty }
}

extension ClockHourService {
    /// The rules a form describes for `type`, or `FieldErrors` at the fields: first what doesn't read as a number,
    /// then `RenewalRuleSet.problems`, each placed at the field whose value causes it. What the form doesn't show
    /// (`supersedes`) is kept from `existing`.
    static func parse(_ form: RuleSetForm, for type: CertificateType, keeping existing: RenewalRuleSet) throws -> RenewalRuleSet {
        var errors = FieldErrors()
        let cycle = Int(form.cycleYears.trimmingWhitespace())
        if cycle == nil { errors["cycle_years"] = "Enter the cycle as a whole number of years, such as 5." }
        let required = ClockHours(parsing: form.requiredHours)
        if required == nil { errors["required_hours"] = "Enter the hours as a number, such as 100." }
        var credit: GrowthPlanCredit?
        let each = form.growthPlanHours.trimmingWhitespace(), maximum = form.growthPlanMaximum.trimmingWhitespace()
        if !each.isEmpty || !maximum.isEmpty {
            let hours = ClockHours(parsing: each), count = Int(maximum)
            if hours == nil { errors["pgp_hours"] = "Enter the hours each growth plan counts for, such as 25, or leave both growth plan fields empty." }
            if count == nil { errors["pgp_maximum"] = "Enter how many growth plans count at most, such as 4, or leave both growth plan fields empty." }
            if let hours, let count { credit = GrowthPlanCredit(hoursEach: hours, maximumCounted: count) }
        }
        var requirements: [(index: Int, requirement: FocusRequirement)] = []
        for (index, line) in form.focus.enumerated() where !line.isBlank {
            let category = FocusCategory(rawValue: line.category.trimmingWhitespace())
            if category == nil { errors["focus_\(index)_category"] = "Choose a focus area, or clear the row's amount to leave it out." }
            var amount: FocusRequirement.Amount?
            if line.unit == "percent" {
                if let value = ClockHours(parsing: line.amount), value <= ClockHours(100) { amount = .percentOfRequiredHours(value.asDouble) }
                else { errors["focus_\(index)_amount"] = "Enter a percentage from 0 to 100, such as 15." }
            } else if let value = ClockHours(parsing: line.amount) {
                amount = .hours(value)
            } else {
                errors["focus_\(index)_amount"] = "Enter the hours as a number, such as 15."
            }
            if let category, let amount {
                requirements.append((index, FocusRequirement(category: category, amount: amount, metByGrowthPlanGoal: line.metByGrowthPlanGoal,
                                                             appliesTo: line.onlyWithSTEMEndorsement ? .stemRelatedEndorsement : .everyCertificate)))
            }
        }
        try errors.throwIfAny()
        let rules = RenewalRuleSet(name: form.name.trimmingWhitespace(), certificateTypes: [type], supersedes: existing.supersedes,
                                   cycleYears: cycle!, requiredHours: required!, growthPlanCredit: credit,
                                   focusRequirements: requirements.map(\.requirement))
        let problems = rules.problems
        guard !problems.isEmpty else { return rules }
        // Each field's problems are those that go away when only that field holds a good value.
        func solvedBy(_ fix: (inout RenewalRuleSet) -> Void) -> String? {
            var fixed = rules
            fix(&fixed)
            return problems.first { !fixed.problems.contains($0) }
        }
        errors["name"] = solvedBy { $0.name = type.label }
        errors["cycle_years"] = solvedBy { $0.cycleYears = 5 }
        errors["required_hours"] = solvedBy { $0.requiredHours = ClockHours(100) }
        errors["pgp_hours"] = solvedBy { $0.growthPlanCredit = GrowthPlanCredit(hoursEach: ClockHours(25), maximumCounted: 4) }
        for (position, row) in requirements.enumerated() {
            // Rows of one category share a sentence, so each row is judged on its own.
            let alone = RenewalRuleSet(name: type.label, certificateTypes: [type], cycleYears: 5, requiredHours: ClockHours(100),
                                       focusRequirements: [rules.focusRequirements[position]])
            errors["focus_\(row.index)_amount"] = alone.problems.first
        }
        if errors.isEmpty { errors["name"] = problems.joined(separator: " ") }
        throw errors
    }
}
