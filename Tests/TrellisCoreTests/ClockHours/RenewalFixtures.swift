import TrellisCore

/// A Washington teacher, her certificates and ledger entries, shared by the renewal tests. Her
/// certificate expires June 30, 2029, so the cycle is July 1, 2024 to June 30, 2029.
enum RenewalFixtures {
    static let hong = Person.ID("hong")
    static let admin = Person.ID("hr-admin")
    static let today = date("2027-03-01")

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    static func certificate(
        _ type: CertificateType = .professionalTeacher, id: String = "cert-teacher", person: Person.ID = hong,
        expires: String = "2029-06-30", stem: Bool = false
    ) -> Certificate {
        Certificate(
            id: .init(id), personID: person, type: type, number: CertificateNumber(rawValue: "412345F")!,
            issuedOn: date("2024-07-01"), expiresOn: date(expires),
            endorsements: [Endorsement(name: stem ? "Middle Level Mathematics" : "English Language Arts", isSTEMRelated: stem)]
        )
    }

    /// Learning an admin recorded.
    static func recorded(_ hours: Double, on iso: String = "2026-02-10", _ focus: [FocusCategory] = [],
                         id: String? = nil, person: Person.ID = hong) -> ClockHourEntry {
        ClockHourEntry(
            id: .init(id ?? "rec-\(iso)-\(hours)-\(focus.map(\.rawValue).joined())"), personID: person, date: date(iso),
            activity: "Workshop", provider: "Puget Sound ESD",
            hours: ClockHours(hundredths: Int((hours * 100).rounded())), focusCategories: focus, source: .recorded(by: admin)
        )
    }

    /// A verified PGP for the school year starting July 1 of `startYear`, verified in June.
    static func pgp(_ startYear: Int, plan: String? = nil, verifiedOn iso: String? = nil) -> ClockHourEntry {
        let planID = GrowthPlan.ID(plan ?? "plan-\(startYear)")
        return ClockHourEntry(
            id: .init("pgp-\(planID)"), personID: hong, date: date(iso ?? "\(startYear + 1)-06-10"),
            activity: "Professional Growth Plan", provider: "Evergreen School District", hours: ClockHours(25),
            source: .pgp(planID: planID, schoolYear: SchoolYear(startingIn: startYear))
        )
    }

    /// One goal of `plan` tagged with `categories`.
    static func goal(of plan: String, _ categories: FocusCategory...) -> GoalFocus {
        GoalFocus(planID: .init(plan), goalID: .init("\(plan)-goal-1"), categories: categories)
    }

    /// Evaluates the default professional teacher certificate.
    static func evaluate(
        _ ledger: [ClockHourEntry], goals: [GoalFocus] = [], rules: RenewalRuleSet = .washingtonTeacher, today: CalendarDate = today
    ) -> RenewalProgress {
        evaluate(certificate(), ledger, goals: goals, rules: rules, today: today)
    }

    static func evaluate(
        _ certificate: Certificate, _ ledger: [ClockHourEntry], goals: [GoalFocus] = [],
        rules: RenewalRuleSet = .washingtonTeacher, today: CalendarDate = today
    ) -> RenewalProgress {
        RenewalEvaluator.evaluate(certificate: certificate, ledger: ledger, pgpGoalsFocus: goals, rules: rules, today: today)
    }
}

extension RenewalProgress {
    /// The requirement for `category`, if it applies.
    func focus(_ category: FocusCategory) -> RenewalRequirementProgress? {
        requirements.first { $0.kind == .focus(category) }
    }

    var focusCategories: [FocusCategory] {
        requirements.compactMap { if case let .focus(category) = $0.kind { category } else { nil } }
    }
}
