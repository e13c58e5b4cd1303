import TrellisCore
import TrellisServices

/// A person's clock-hours page: each certificate with its renewal progress, the ledger, any refused verification, and
/// for admins the form that records other learning.
struct ClockHoursView {
    struct Card {
        let heading: String
        let domID: String
        let validity: String
        let endorsements: String?
        let ruleSet: String
        let summary: String
        let percent: String
        let sentences: [String]
        let hasSentences: Bool
        let isMet: Bool
        let hasProgress: Bool
        let editPath: String?
    }
    struct Row {
        let date: String
        let activity: String
        let provider: String
        let hours: String
        let categories: String
        let source: String
    }
    struct Refusal {
        let text: String
        let path: String
    }
    struct Category {
        let value: String
        let label: String
        let checked: Bool
        let domID: String
    }
    let heading: String
    let isOwn: Bool
    let cards: [Card]
    let hasCards: Bool
    let addCertificatePath: String?
    let rows: [Row]
    let hasRows: Bool
    let total: String
    let refusals: [Refusal]
    let hasRefusals: Bool
    let canRecord: Bool
    let recordPath: String
    let date: FieldView
    let activity: FieldView
    let provider: FieldView
    let hours: FieldView
    let categories: [Category]
    let categoriesError: String?
    let errorSummary: ErrorSummary?

    init(_ overview: ClockHourService.Overview, isOwn: Bool, form: ClockHourService.LearningForm = .init(), errors: FieldErrors = FieldErrors()) {
        let person: Person.ID? = isOwn ? nil : overview.person.id
        heading = isOwn ? "Your clock hours" : "\(overview.person.displayName): clock hours"
        self.isOwn = isOwn
        cards = overview.standings.map { standing in
            let certificate = standing.certificate, progress = standing.progress
            return Card(
                heading: "\(certificate.type.label) certificate \(certificate.number)", domID: "certificate-\(certificate.id)",
                validity: "Issued \(certificate.issuedOn.longForm), expires \(certificate.expiresOn.longForm)",
                endorsements: certificate.endorsements.isEmpty ? nil
                    : "Endorsements: " + certificate.endorsements.map { $0.name + ($0.isSTEMRelated ? " (STEM-related)" : "") }.joined(separator: ", "),
                ruleSet: progress.map { "Renewal under \($0.ruleSetName), counting from \($0.cycleStart.longForm)" } ?? "No renewal rules apply to this certificate.",
                summary: progress?.summary ?? "", percent: String(Int(((progress?.fraction ?? 0) * 100).rounded(.down))),
                sentences: progress?.stillNeeded ?? [], hasSentences: !(progress?.stillNeeded ?? []).isEmpty, isMet: progress?.isMet ?? false, hasProgress: progress != nil,
                editPath: overview.canEditCertificates ? SiteRoute.certificate(person, certificate.id).path : nil)
        }
        hasCards = !cards.isEmpty
        addCertificatePath = overview.canEditCertificates ? SiteRoute.certificate(person, nil).path : nil
        rows = overview.ledger.map { entry in
            let source = entry.growthPlan.map { "Growth plan \($0.schoolYear.label), verified" }
                ?? "Recorded by \(entry.recordedByID.flatMap { overview.recorderNames[$0] } ?? "an admin")"
            return Row(date: entry.date.longForm, activity: entry.activity, provider: entry.provider, hours: entry.hours.text,
                       categories: entry.focusCategories.map(\.label).joined(separator: ", "), source: source)
        }
        hasRows = !rows.isEmpty
        total = overview.totalHours.text
        refusals = overview.refusals.map {
            Refusal(text: "The district could not verify \(isOwn ? "your" : "the") \($0.schoolYear.label) growth plan (\($0.refusedOn.longForm)): \($0.reason)",
                    path: SiteRoute.planReview($0.planID).path)
        }
        hasRefusals = !refusals.isEmpty
        canRecord = overview.canRecord
        recordPath = SiteRoute.clockHours(overview.person.id).path
        date = FieldView(name: "date", label: "Date completed", type: "date", value: form.date, errors: errors)
        activity = FieldView(name: "activity", label: "Activity", value: form.activity, errors: errors, hint: "For example: Since Time Immemorial curriculum workshop")
        provider = FieldView(name: "provider", label: "Provider", value: form.provider, errors: errors, hint: "For example: Puget Sound ESD")
        hours = FieldView(name: "hours", label: "Clock hours", value: form.hours, errors: errors, hint: "A number, such as 7.5")
        categories = FocusCategory.builtIn.enumerated().map {
            Category(value: $1.rawValue, label: $1.label, checked: form.categories.contains($1.rawValue), domID: "category-\($0)")
        }
        categoriesError = errors["categories"]
        errorSummary = ErrorSummary([ErrorSummary.field(date), ErrorSummary.field(activity), ErrorSummary.field(provider), ErrorSummary.field(hours),
                                     ErrorSummary.field(id: "category-0", errors["categories"])])
    }
}
