import TrellisCore
import TrellisServices

/// The evidence page: what has been collected, and a form to add a file, a link or a note. Each kind has its own
/// form with only its own fields, chosen by a link (`?add=link`), so nobody wonders which fields count.
struct EvidenceView {
    struct Item {
        let caption: String
        let date: String
        let kind: String
        let fileName: String?
        let downloadPath: String?
        let size: String?
        let link: String?
        let note: String?
        let tags: String?
        let removePath: String
    }

    struct Choice {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    /// A link that switches the form to one kind of evidence.
    struct KindLink {
        let label: String
        let href: String
        let isCurrent: Bool
    }

    /// Told at the file field whenever the page comes back after a file was chosen: the browser has forgotten it.
    static let chooseFileAgain = "Choose the file again: browsers forget a chosen file when a page reloads."

    let header: PlanHeader
    let errorSummary: ErrorSummary?
    let items: [Item]
    let hasItems: Bool
    let canEdit: Bool
    let ownerName: String
    let action: String
    let version: Int
    let kinds: [KindLink]
    let kind: String
    let formHeading: String
    let submit: String
    let isFile: Bool
    let isLink: Bool
    let isNote: Bool
    let caption: FieldView
    let date: FieldView
    let link: FieldView
    let note: FieldView
    let fileError: String?
    let goals: [Choice]
    let hasGoalChoices: Bool
    let goalsError: String?
    let standards: [Choice]
    let hasStandards: Bool
    let standardsError: String?
    let maximum: String
    let nextPath: String

    init(_ loaded: PlanService.Loaded, form: EvidenceForm, errors: FieldErrors, notice: String? = nil, standards index: [String: Standard],
         today: CalendarDate, maximumBytes: Int) {
        let plan = loaded.plan
        header = PlanHeader(loaded, current: .evidence)
        let path = SiteRoute.planSection(plan.id, "evidence").path
        items = plan.evidence.sorted { $0.date > $1.date }.map { evidence in
            let goals = evidence.goalIDs.compactMap { plan.number(of: $0).map { "Goal \($0)" } }
            let codes = evidence.standardIdentifiers.compactMap { index[$0]?.code }
            var file: EvidenceFile?, link: String?, note: String?
            switch evidence.content {
            case .file(let f): file = f
            case .link(let url): link = url.absoluteString
            case .note(let text): note = text
            }
            return Item(caption: evidence.caption, date: evidence.date.longForm, kind: evidence.kind.label, fileName: file?.originalFilename,
                        downloadPath: file.map { _ in SiteRoute.evidenceFile(plan.id, evidence.id).path },
                        size: file.map { EvidenceView.size($0.byteCount) }, link: link, note: note,
                        tags: (goals + codes).joined(separator: " · ").nonEmpty,
                        removePath: path + "/\(evidence.id)/remove")
        }
        hasItems = !items.isEmpty
        canEdit = loaded.canEdit
        ownerName = loaded.owner.displayName
        action = path
        version = loaded.version
        let chosen = Evidence.Kind(rawValue: form.kind) ?? .file
        kind = chosen.rawValue
        kinds = Evidence.Kind.allCases.map { KindLink(label: Self.heading($0), href: "\(path)?add=\($0.rawValue)#add-evidence-heading", isCurrent: $0 == chosen) }
        formHeading = Self.heading(chosen)
        submit = "Add evidence"
        isFile = chosen == .file
        isLink = chosen == .link
        isNote = chosen == .note
        caption = FieldView(name: "caption", label: "Caption", value: form.caption, errors: errors, hint: "What this shows, in a few words.")
        date = FieldView(name: "date", label: "Date (optional)", type: "date", value: form.date.isEmpty ? today.iso : form.date, errors: errors, required: false)
        link = FieldView(name: "link", label: "Web address", type: "url", value: form.link, errors: errors, hint: "Starting with https://")
        note = FieldView(name: "note", label: "Note", type: "textarea", value: form.note, errors: errors, rows: 5)
        let cameBack = !errors.isEmpty || notice != nil
        fileError = errors["file"] ?? (cameBack && isFile ? Self.chooseFileAgain : nil)
        goals = plan.goals.enumerated().map { Choice(id: "evidence-goal-\($0)", value: $1.id.rawValue, label: "Goal \($0 + 1): \($1.statement)",
                                                      checked: form.goalIDs.contains($1.id.rawValue)) }
        hasGoalChoices = !goals.isEmpty
        goalsError = errors["goals"]
        let aligned = plan.goals.flatMap(\.alignedStandardIdentifiers)
        var seen: Set<String> = []
        standards = aligned.filter { seen.insert($0).inserted }.enumerated().compactMap { number, id in
            index[id].map { Choice(id: "evidence-standard-\(number)", value: id, label: "\($0.code) \($0.title)", checked: form.standardIdentifiers.contains(id)) }
        }
        hasStandards = !standards.isEmpty
        standardsError = errors["standards"]
        maximum = EvidenceView.size(maximumBytes)
        nextPath = SiteRoute.planSection(plan.id, "check-ins").path
        let content: ErrorSummary.Item? = switch chosen {
        case .file: ErrorSummary.field(id: "field-file", fileError)
        case .link: ErrorSummary.field(link)
        case .note: ErrorSummary.field(note)
        }
        errorSummary = ErrorSummary(notice: notice ?? errors["kind"], noticeHref: "#add-evidence-heading",
                                    [content, ErrorSummary.field(caption), ErrorSummary.field(date),
                                     ErrorSummary.field(id: "evidence-goal-0", goalsError), ErrorSummary.field(id: "evidence-standard-0", standardsError)])
    }

    static func heading(_ kind: Evidence.Kind) -> String {
        switch kind {
        case .file: "Add a file"
        case .link: "Add a link"
        case .note: "Add a note"
        }
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? "\(Int((Double(bytes) / 1_048_576).rounded())) MB" : bytes >= 1024 ? "\(bytes / 1024) KB" : "\(bytes) bytes"
    }
}
