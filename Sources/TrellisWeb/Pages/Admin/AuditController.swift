import Hummingbird
import TrellisServices

/// The district's audit log, for district admins.
struct AuditController {
    let renderer: PageRenderer
    let audit: AuditService

    struct LogView {
        let events: [AuditLine]
        let hasEvents: Bool
        let previousPath: String?
        let nextPath: String?
        let pageNumber: Int
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/admin/audit", use: page)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let number = max(1, min(10_000, Int(request.uri.queryParameters["page"].map(String.init) ?? "1") ?? 1))
        let page = try await audit.page(actor, number: number)
        let base = SiteRoute.auditLog.path
        let view = LogView(events: page.events.map { AuditLine($0, names: page.names) }, hasEvents: !page.events.isEmpty,
                           previousPath: number > 1 ? "\(base)?page=\(number - 1)" : nil,
                           nextPath: page.hasMore ? "\(base)?page=\(number + 1)" : nil, pageNumber: number)
        return renderer.render("admin_audit", title: "Audit log", content: view, context: context, section: .audit)
    }
}
