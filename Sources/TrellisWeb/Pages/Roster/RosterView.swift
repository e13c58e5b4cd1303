import TrellisCore
import TrellisServices

/// The roster import page: the format, the form (upload or paste), and after a check the dry run with the button
/// that applies it. The CSV travels in the apply form, so the text is never lost between the two steps.
struct RosterView {
    /// One column of the format, as the page documents it.
    struct Column {
        let name: String
        let about: String
    }

    /// One person the import adds or changes, with each field's old and new value.
    struct PersonLine {
        struct Change {
            let label: String
            let old: String?
            let new: String
        }
        let row: Int
        let name: String
        let email: String
        let changes: [Change]
        let deactivates: Bool
    }

    struct ProblemLine {
        let row: Int
        let column: String
        let message: String
    }

    /// The dry run of the last file checked.
    struct DryRun {
        let summary: String
        let creates: [PersonLine]
        let updates: [PersonLine]
        /// "and 1,200 more", when a group is longer than the page shows.
        let moreCreates: String?
        let moreUpdates: String?
        let newSchools: [String]
        /// Whether each group has lines, for its heading (a template cannot ask an array).
        let hasCreates: Bool
        let hasUpdates: Bool
        let hasNewSchools: Bool
        let unchanged: String?
        let problems: [ProblemLine]
        let moreProblems: String?
        let problemsHeading: String?
        let canApply: Bool
        let applyLabel: String
        let nothingToDo: Bool
        let digest: String
        let csv: String
        let source: String
    }

    /// At most this many lines per group are shown; the digest still covers every row.
    static let linesShown = 500

    let columns: [Column]
    let example: String
    let checkPath = SiteRoute.roster.path
    let applyPath = SiteRoute.rosterApply.path
    let peoplePath = SiteRoute.people.path
    let paste: FieldView
    let fileError: String?
    let errorSummary: ErrorSummary?
    let dryRun: DryRun?

    /// The page; `typed` is the pasted text kept on every error, `errors` holds messages at `csv` (the text) or `file`.
    init(typed: String, errors: FieldErrors, notice: String? = nil, plan: RosterImportPlan? = nil, csv: String = "", source: String = "") {
        columns = RosterColumn.allCases.map { Column(name: $0.rawValue, about: $0.summary) }
        example = "email,name,roles,school,active\nana.lopez@district.example,Ana López,educator;coach,Lincoln Elementary,yes\n"
        paste = FieldView(name: "csv", label: "Or paste the rows", type: "textarea", value: typed, errors: errors,
                          hint: "With the header row first, as a spreadsheet saves them in CSV.", required: false, rows: 8)
        fileError = errors["file"]
        let dryRun = plan.map { Self.dryRun($0, csv: csv, source: source) }
        self.dryRun = dryRun
        errorSummary = ErrorSummary(notice: notice, noticeHref: dryRun == nil ? nil : "#dry-run-heading", [
            ErrorSummary.field(id: "field-file", errors["file"]),
            ErrorSummary.field(paste),
            dryRun.flatMap { $0.problems.isEmpty ? nil : ErrorSummary.Item(message: $0.problemsHeading ?? "", href: "#problems-heading") },
        ])
    }

    static func dryRun(_ plan: RosterImportPlan, csv: String, source: String) -> DryRun {
        func line(_ change: RosterImportPlan.PersonChange) -> PersonLine {
            PersonLine(row: change.row, name: change.name, email: change.email.value, changes: change.changes.map {
                PersonLine.Change(label: label($0.column), old: $0.old.isEmpty ? nil : $0.old, new: $0.new)
            }, deactivates: change.deactivates)
        }
        func more(_ count: Int) -> String? { count > linesShown ? "and \(count - linesShown) more" : nil }
        var parts = ["\(Plural.count(plan.rowCount, "row")) read", "\(plan.creates.count) to add",
                     "\(plan.updates.count) to change" + (plan.deactivations > 0 ? " (\(plan.deactivations) deactivated)" : ""),
                     "\(plan.unchanged) already up to date"]
        if !plan.newSchools.isEmpty { parts.append(Plural.count(plan.newSchools.count, "new school")) }
        if !plan.problems.isEmpty { parts.append(Plural.count(plan.problems.count, "mistake")) }
        let problemRows = Set(plan.problems.map(\.row)).count
        return DryRun(
            summary: parts.joined(separator: ", ") + ".",
            creates: plan.creates.prefix(linesShown).map(line), updates: plan.updates.prefix(linesShown).map(line),
            moreCreates: more(plan.creates.count), moreUpdates: more(plan.updates.count),
            newSchools: plan.newSchools,
            hasCreates: !plan.creates.isEmpty, hasUpdates: !plan.updates.isEmpty, hasNewSchools: !plan.newSchools.isEmpty,
            unchanged: plan.unchanged > 0 ? "\(Plural.count(plan.unchanged, "person", plural: "people")) already as the file says." : nil,
            problems: plan.problems.prefix(linesShown * 2).map {
                ProblemLine(row: $0.row, column: $0.column ?? "whole row", message: $0.message)
            },
            moreProblems: plan.problems.count > linesShown * 2 ? "and \(plan.problems.count - linesShown * 2) more" : nil,
            problemsHeading: plan.problems.isEmpty ? nil
                : "\(Plural.count(problemRows, "row")) of the file \(problemRows == 1 ? "needs" : "need") correcting before anything can be applied",
            canApply: plan.canApply,
            applyLabel: "Apply \(plan.changeCount == 1 ? "this change" : "these \(plan.changeCount) changes")",
            nothingToDo: plan.problems.isEmpty && plan.changeCount == 0,
            digest: plan.digest, csv: csv, source: source)
    }

    static func label(_ column: RosterColumn) -> String {
        switch column {
        case .email: "Email"
        case .name: "Name"
        case .roles: "Roles"
        case .school: "School"
        case .active: "Status"
        }
    }
}
