import TrellisCore
import TrellisServices
import TrellisStore

/// The district's renewal rules, one line per certificate type, and what a verified growth plan earns.
struct RenewalRulesView {
    struct Line {
        let type: String
        let name: String
        let summary: String
        let isDistrictOwn: Bool
        let path: String
    }
    let lines: [Line]
    let pgpHours: FieldView
    let action = SiteRoute.renewalRules.path
    let settingsPath = SiteRoute.settings.path
    let errorSummary: ErrorSummary?

    init(_ stored: [RenewalRuleStore.Stored], pgpHours: String, errors: FieldErrors = FieldErrors()) {
        lines = stored.map { item in
            let rules = item.rules
            var summary = "\(rules.requiredHours) clock hours in \(rules.cycleYears) years"
            if let credit = rules.growthPlanCredit { summary += "; each growth plan counts \(credit.hoursEach), at most \(credit.maximumCounted)" }
            if !rules.focusRequirements.isEmpty { summary += "; focus: " + rules.focusRequirements.map(\.category.inSentence).joined(separator: ", ") }
            return Line(type: item.type.label, name: rules.name, summary: summary, isDistrictOwn: item.isDistrictOwn,
                        path: SiteRoute.renewalRuleSet(item.type).path)
        }
        self.pgpHours = FieldView(name: "pgp_clock_hours", label: "Clock hours a verified growth plan earns", value: pgpHours, errors: errors,
                                  hint: "Washington's is 25. Plans verified before a change keep the hours they were credited.")
        errorSummary = ErrorSummary([ErrorSummary.field(self.pgpHours)])
    }
}

/// Editing the rules for one certificate type. Every value comes back as typed after a refusal.
struct RenewalRuleSetView {
    struct Row {
        struct Option {
            let value: String
            let label: String
            let selected: Bool
        }
        let number: String
        let categoryID: String
        let categoryName: String
        let categories: [Option]
        let categoryError: String?
        let amount: FieldView
        let unitName: String
        let hoursID: String
        let percentID: String
        let isPercent: Bool
        let goalName: String
        let goalID: String
        let metByGoal: Bool
        let stemName: String
        let stemID: String
        let stemOnly: Bool
    }
    let heading: String
    let action: String
    let resetPath: String
    let backPath = SiteRoute.renewalRules.path
    let version: String
    let isDistrictOwn: Bool
    let name: FieldView
    let cycleYears: FieldView
    let requiredHours: FieldView
    let pgpHours: FieldView
    let pgpMaximum: FieldView
    let rows: [Row]
    private(set) var errorSummary: ErrorSummary?

    /// Shows a message about the whole form (another admin saved first) above it.
    mutating func notice(_ message: String) {
        errorSummary = ErrorSummary(notice: message, noticeHref: "#field-name")
    }

    /// Empty rows offered beyond the requirements already written.
    static let spareRows = 2

    init(type: CertificateType, version: Int, isDistrictOwn: Bool, form: ClockHourService.RuleSetForm, errors: FieldErrors = FieldErrors()) {
        heading = "Renewal rules: \(type.label)"
        action = SiteRoute.renewalRuleSet(type).path
        resetPath = SiteRoute.renewalRuleSetReset(type).path
        self.version = String(version)
        self.isDistrictOwn = isDistrictOwn
        name = FieldView(name: "name", label: "Name", value: form.name, errors: errors)
        cycleYears = FieldView(name: "cycle_years", label: "Cycle (years)", type: "number", value: form.cycleYears, errors: errors,
                               hint: "Counted back from the certificate's expiry date.")
        requiredHours = FieldView(name: "required_hours", label: "Clock hours required in the cycle", value: form.requiredHours, errors: errors)
        pgpHours = FieldView(name: "pgp_hours", label: "Hours each verified growth plan counts for", value: form.growthPlanHours, errors: errors,
                             hint: "Leave both growth plan fields empty if growth plans don't count toward renewal.", required: false)
        pgpMaximum = FieldView(name: "pgp_maximum", label: "Growth plans counted at most in a cycle", type: "number", value: form.growthPlanMaximum,
                               errors: errors, hint: "One per school year at most, whatever this says.", required: false)
        let lines = form.focus + Array(repeating: .init(), count: Self.spareRows)
        let known = FocusCategory.builtIn + lines.compactMap { FocusCategory(rawValue: $0.category) }.filter { !FocusCategory.builtIn.contains($0) }
        rows = lines.enumerated().map { index, line in
            let prefix = "focus_\(index)"
            return Row(
                number: String(index + 1), categoryID: "field-\(prefix)_category", categoryName: "\(prefix)_category",
                categories: [.init(value: "", label: "(none: leave this row out)", selected: line.category.isEmpty)]
                    + Array(Set(known)).sorted().map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == line.category) },
                categoryError: errors["\(prefix)_category"],
                amount: FieldView(name: "\(prefix)_amount", label: "Amount", value: line.amount, errors: errors, required: false),
                unitName: "\(prefix)_unit", hoursID: "field-\(prefix)_unit_hours", percentID: "field-\(prefix)_unit_percent",
                isPercent: line.unit == "percent",
                goalName: "\(prefix)_goal", goalID: "field-\(prefix)_goal", metByGoal: line.metByGrowthPlanGoal,
                stemName: "\(prefix)_stem", stemID: "field-\(prefix)_stem", stemOnly: line.onlyWithSTEMEndorsement)
        }
        errorSummary = ErrorSummary([ErrorSummary.field(name), ErrorSummary.field(cycleYears), ErrorSummary.field(requiredHours),
                                     ErrorSummary.field(pgpHours), ErrorSummary.field(pgpMaximum)]
                                    + rows.flatMap { [ErrorSummary.field(id: $0.categoryID, $0.categoryError), ErrorSummary.field($0.amount)] })
    }

    /// The form as posted; focus rows are read until the first index the form does not have.
    static func form(from data: FormData) -> ClockHourService.RuleSetForm {
        var focus: [ClockHourService.RuleSetForm.FocusLine] = []
        var index = 0
        while index < 40, !data.all("focus_\(index)_category").isEmpty {
            let prefix = "focus_\(index)"
            focus.append(.init(category: data["\(prefix)_category"], amount: data["\(prefix)_amount"],
                               unit: data["\(prefix)_unit"] == "percent" ? "percent" : "hours",
                               metByGrowthPlanGoal: data["\(prefix)_goal"] == "yes", onlyWithSTEMEndorsement: data["\(prefix)_stem"] == "yes"))
            index += 1
        }
        while let last = focus.last, last.isEmpty { focus.removeLast() }
        return .init(name: data["name"], cycleYears: data["cycle_years"], requiredHours: data["required_hours"],
                     growthPlanHours: data["pgp_hours"], growthPlanMaximum: data["pgp_maximum"], focus: focus)
    }
}

extension ClockHourService.RuleSetForm.FocusLine {
    /// Nothing chosen or typed: a spare row left as it was.
    var isEmpty: Bool { category.isEmpty && amount.trimmingWhitespace().isEmpty }
}
