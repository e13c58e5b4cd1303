import TrellisCore
import TrellisServices

/// The admin's Exports page: two GET forms, each a date range, answering a ZIP of verification forms and the
/// clock-hour CSV. A refused range comes back here with the dates as typed and the message at its field.
struct ExportsView {
    /// One export's form. Its fields share the names `from` and `to` with the other form's, so their ids carry a prefix.
    struct ExportForm {
        let action: String
        let from: FieldView
        let to: FieldView
        let notice: String?
    }

    let forms: ExportForm
    let hours: ExportForm
    let excel: Bool
    let errorSummary: ErrorSummary?

    /// Which form was sent back, with what was typed, its messages and a message about the whole export.
    enum Sent {
        case none
        case forms(from: String, to: String, errors: FieldErrors, notice: String?)
        case hours(from: String, to: String, excel: Bool, errors: FieldErrors)
    }

    init(suggested: (from: CalendarDate, to: CalendarDate), sent: Sent) {
        func form(_ route: SiteRoute, _ prefix: String, from: String, to: String, errors: FieldErrors, notice: String?) -> ExportForm {
            ExportForm(action: route.path,
                       from: FieldView(name: "from", label: "From", type: "date", value: from, errors: errors, hint: "The first day, e.g. 2026-07-01.",
                                       idPrefix: prefix),
                       to: FieldView(name: "to", label: "To", type: "date", value: to, errors: errors, hint: "The last day, included.", idPrefix: prefix),
                       notice: notice)
        }
        let (from, to) = (suggested.from.iso, suggested.to.iso)
        switch sent {
        case .none:
            forms = form(.exportVerificationForms, "forms", from: from, to: to, errors: FieldErrors(), notice: nil)
            hours = form(.exportClockHours, "hours", from: from, to: to, errors: FieldErrors(), notice: nil)
            excel = false
        case let .forms(typedFrom, typedTo, errors, notice):
            forms = form(.exportVerificationForms, "forms", from: typedFrom, to: typedTo, errors: errors, notice: notice)
            hours = form(.exportClockHours, "hours", from: from, to: to, errors: FieldErrors(), notice: nil)
            excel = false
        case let .hours(typedFrom, typedTo, typedExcel, errors):
            forms = form(.exportVerificationForms, "forms", from: from, to: to, errors: FieldErrors(), notice: nil)
            hours = form(.exportClockHours, "hours", from: typedFrom, to: typedTo, errors: errors, notice: nil)
            excel = typedExcel
        }
        errorSummary = ErrorSummary([forms.from, forms.to, hours.from, hours.to].map(ErrorSummary.field))
    }
}
