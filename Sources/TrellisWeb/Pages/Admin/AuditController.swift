import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The district's audit log, for district admins: filtered by kind, person and date, a page at a time.
struct AuditController {
    let renderer: PageRenderer
    let audit: AuditService

    struct LogView {
        let events: [AuditLine]
        let hasEvents: Bool
        /// Why there is nothing to show, when the filters cannot be used.
        let blocked: Bool
        let summary: String?
        let previousPath: String?
        let nextPath: String?
        let hasPager: Bool
        let clearPath: String?
        /// The filter form's fields, as typed.
        let kinds: [AuditFilterForm.KindOption]
        let kindError: String?
        let person: FieldView
        let from: FieldView
        let to: FieldView
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/audit", use: page)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = AuditFilterForm(Self.parameters(of: request.uri.query))
        guard form.errors.isEmpty else {
            return render(form, page: nil, status: .unprocessableContent, context: context)
        }
        let page = try await audit.page(actor, filter: form.filter, from: form.cursor)
        return render(form, page: page, status: .ok, context: context)
    }

    private func render(_ form: AuditFilterForm, page: AuditService.Page?, status: HTTPResponse.Status,
                        context: TrellisRequestContext) -> Response {
        var person = form.person
        var summary: String?
        switch page?.people {
        case .nobody?:
            person = FieldView(name: "person", label: person.label, type: "search", value: person.value,
                               errors: FieldErrors("person", "Nobody in your district has a name or email containing “\(person.value)”."),
                               hint: person.hint, required: false)
        case .tooMany?:
            person = FieldView(name: "person", label: person.label, type: "search", value: person.value,
                               errors: FieldErrors("person", "More than \(AuditService.personMatchLimit) people match “\(person.value)”: type more of the name or email."),
                               hint: person.hint, required: false)
        case .matched(let count)?:
            summary = count == 1 ? "Events by or about the one person matching “\(person.value)”."
                                 : "Events by or about the \(count) people matching “\(person.value)”."
        case .anyone?, nil: break
        }
        let events = page.map { page in page.events.map { AuditLine($0, names: page.names) } } ?? []
        let view = LogView(events: events, hasEvents: !events.isEmpty,
                           blocked: page == nil || person.error != nil, summary: summary,
                           previousPath: page?.newer.map(form.path), nextPath: page?.older.map(form.path),
                           hasPager: page?.newer != nil || page?.older != nil,
                           clearPath: form.isFiltered ? SiteRoute.auditLog.path : nil,
                           kinds: form.kinds, kindError: form.kindError, person: person, from: form.from, to: form.to)
        return renderer.render("admin_audit", title: "Audit log", content: view, context: context, status: status, section: .audit)
    }

    /// The query string as a GET form sends it: `+` is a space, then percent-decoding. The first value of a name wins.
    static func parameters(of query: String?) -> [String: String] {
        var result: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            if result[name] == nil { result[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return result
    }
}
