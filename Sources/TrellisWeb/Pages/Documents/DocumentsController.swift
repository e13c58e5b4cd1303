import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The documents as downloads: the printable plan and a verified plan's verification form from the plan's page,
/// and the admin's Exports page with the ZIP of verification forms and the clock-hour CSV for a date range.
/// `DocumentService` decides who gets what; a refused range re-renders the page with the message at its field.
struct DocumentsController {
    let renderer: PageRenderer
    let documents: DocumentService

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/plan.pdf", use: planPDF)
        router.get("/plans/:plan/verification-form.pdf", use: verificationForm)
        router.get("/admin/exports", use: exportsPage)
        router.get("/admin/exports/verification-forms.zip", use: verificationForms)
        router.get("/admin/exports/clock-hours.csv", use: clockHours)
    }

    func planPDF(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        download(try await documents.planPDF(try context.requireActor(), try PlansController.planID(context)))
    }

    func verificationForm(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        download(try await documents.verificationFormPDF(try context.requireActor(), try PlansController.planID(context)))
    }

    func exportsPage(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await render(context, .none, status: .ok)
    }

    func verificationForms(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let query = AuditController.parameters(of: request.uri.query)
        let (from, to) = (query["from"] ?? "", query["to"] ?? "")
        do {
            let zip = try await documents.verificationForms(try context.requireActor(), from: from, to: to)
            // An empty ZIP would look like a broken download; saying so on the page is clearer.
            guard zip.itemCount > 0 else {
                let notice = "No plan was verified from \(from) to \(to), so there is no form to download. Choose another range."
                return try await render(context, .forms(from: from, to: to, errors: FieldErrors(), notice: notice), status: .ok)
            }
            return download(zip)
        } catch let errors as FieldErrors {
            return try await render(context, .forms(from: from, to: to, errors: errors, notice: nil), status: .unprocessableContent)
        }
    }

    func clockHours(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let query = AuditController.parameters(of: request.uri.query)
        let (from, to, excel) = (query["from"] ?? "", query["to"] ?? "", !(query["excel"] ?? "").isEmpty)
        do {
            // An empty range still answers the header row: HR systems read "no entries" from it.
            return download(try await documents.clockHours(try context.requireActor(), from: from, to: to, excel: excel))
        } catch let errors as FieldErrors {
            return try await render(context, .hours(from: from, to: to, excel: excel, errors: errors), status: .unprocessableContent)
        }
    }

    private func download(_ document: DocumentService.Document) -> Response {
        FileDownload.response(document.data, mediaType: document.mediaType, filename: document.filename)
    }

    private func render(_ context: TrellisRequestContext, _ sent: ExportsView.Sent, status: HTTPResponse.Status) async throws -> Response {
        let view = ExportsView(suggested: try await documents.suggestedRange(try context.requireActor()), sent: sent)
        return renderer.render("admin_exports", title: ErrorSummary.title("Exports", view.errorSummary), content: view, context: context,
                               status: status, section: .exports)
    }
}
