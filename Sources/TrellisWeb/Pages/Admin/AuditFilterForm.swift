import Foundation
import TrellisCore

/// The audit log's filter form, read from the query string: kind, person, dates and where the page starts.
/// What the admin typed comes back as typed, with a message at a field that cannot be read.
struct AuditFilterForm {
    /// One choice of the kind select.
    struct KindOption {
        let value: String
        let label: String
        let selected: Bool
    }

    let kinds: [KindOption]
    let kindError: String?
    let person: FieldView
    let from: FieldView
    let to: FieldView
    let filter: AuditFilter
    let cursor: AuditCursor?
    let errors: FieldErrors
    /// The filters as query items, for the Older and Newer links (no cursor).
    let query: [(name: String, value: String)]

    /// Values of the kind select besides the kinds themselves.
    static let everything = "all"

    init(_ parameters: [String: String]) {
        var errors = FieldErrors()
        let kindText = parameters["kind", default: ""]
        let kinds: AuditFilter.Kinds
        switch kindText {
        case "": kinds = .allButSignIns
        case Self.everything: kinds = .all
        default:
            if let kind = AuditEvent.Kind(rawValue: kindText) {
                kinds = .only(kind)
            } else {
                kinds = .allButSignIns
                errors["kind"] = "Choose a kind of event from the list."
            }
        }
        let personText = parameters["person", default: ""].trimmingCharacters(in: .whitespacesAndNewlines)
        if personText.count > 200 { errors["person"] = "Enter at most 200 characters of a name or an email address." }
        let fromText = parameters["from", default: ""].trimmingCharacters(in: .whitespaces)
        let toText = parameters["to", default: ""].trimmingCharacters(in: .whitespaces)
        let fromDay = Self.day(fromText, field: "from", errors: &errors)
        let toDay = Self.day(toText, field: "to", errors: &errors)
        if let fromDay, let toDay, toDay < fromDay {
            errors["to"] = "Enter a date on or after the start date, \(fromDay.longForm)."
        }
        let allKinds = [KindOption(value: "", label: "Everything but sign-ins and sign-outs", selected: kindText == "" || errors["kind"] != nil),
                        KindOption(value: Self.everything, label: "Everything", selected: kindText == Self.everything)]
        self.kinds = allKinds + AuditEvent.Kind.allCases.map { KindOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == kindText) }
        kindError = errors["kind"]
        person = FieldView(name: "person", label: "Person", type: "search", value: personText, errors: errors,
                           hint: "Part of a name or an email address: events by or about them.", required: false)
        from = FieldView(name: "from", label: "From", type: "date", value: fromText, errors: errors, hint: "The first day to show.", required: false)
        to = FieldView(name: "to", label: "To", type: "date", value: toText, errors: errors, hint: "The last day to show, included. Days are in UTC.", required: false)
        filter = AuditFilter(kinds: kinds, person: personText.isEmpty || personText.count > 200 ? nil : personText,
                             from: fromDay.map(Self.start), until: toDay.flatMap { $0.adding(days: 1) }.map(Self.start))
        if let older = parameters["before"].flatMap(Int64.init), older > 0 {
            cursor = .olderThan(older)
        } else if let newer = parameters["after"].flatMap(Int64.init), newer > 0 {
            cursor = .newerThan(newer)
        } else {
            cursor = nil
        }
        self.errors = errors
        query = [("kind", kindText), ("person", personText), ("from", fromText), ("to", toText)].filter { !$0.1.isEmpty }
    }

    /// Whether the log is narrowed by anything the admin chose (the default hides sign-ins and does not count).
    var isFiltered: Bool { !query.isEmpty }

    /// The log's address with these filters and a page start.
    func path(_ cursor: AuditCursor?) -> String {
        var items = query
        switch cursor {
        case .olderThan(let seq): items.append(("before", String(seq)))
        case .newerThan(let seq): items.append(("after", String(seq)))
        case nil: break
        }
        let base = SiteRoute.auditLog.path
        guard !items.isEmpty else { return base }
        let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
        return base + "?" + items.map { "\($0.name)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    private static func day(_ text: String, field: String, errors: inout FieldErrors) -> CalendarDate? {
        guard !text.isEmpty else { return nil }
        guard let day = CalendarDate(iso: text) else {
            errors[field] = "Enter a real date as year-month-day, for example 2026-03-15."
            return nil
        }
        return day
    }

    /// Midnight UTC at the start of `day`: the log shows times in UTC, so its days are UTC days.
    private static func start(_ day: CalendarDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
    }
}
