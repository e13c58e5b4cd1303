import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// The district admin's roster import (`/district/roster`): upload or paste a CSV, read the dry run, apply it.
/// Both forms are multipart with the form token first, so a file of megabytes is read only after the token matched.
struct RosterController {
    let renderer: PageRenderer
    let roster: RosterImportService
    let secure: Bool

    /// File types browsers give a .csv file (Excel on Windows says it is a spreadsheet).
    static let csvTypes: Set<String> = ["text/csv", "text/plain", "application/csv", "application/vnd.ms-excel"]

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/district/roster", use: show)
        router.post("/district/roster", use: check)
        router.post("/district/roster/apply", use: apply)
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        guard Policy.can(actor, .create, .people(actor.organizationID)) else { throw ServiceError.forbidden }
        return page(RosterView(typed: "", errors: FieldErrors()), context: context, status: .ok)
    }

    /// The dry run of what was uploaded or pasted. Writes nothing.
    func check(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await MultipartForm.from(request, context: context)
        let submitted: (text: String, source: String, fromFile: Bool)
        do {
            submitted = try Self.submitted(form)
        } catch let errors as FieldErrors {
            return page(RosterView(typed: form["csv"], errors: errors), context: context, status: .unprocessableContent)
        }
        do {
            let plan = try await roster.preview(actor, csv: submitted.text)
            let view = RosterView(typed: submitted.text, errors: FieldErrors(), plan: plan, csv: submitted.text, source: submitted.source)
            return page(view, context: context, status: plan.problems.isEmpty ? .ok : .unprocessableContent)
        } catch let errors as FieldErrors {
            let view = RosterView(typed: submitted.text, errors: submitted.fromFile ? Self.atFile(errors) : errors)
            return page(view, context: context, status: .unprocessableContent)
        }
    }

    /// Applies the dry run the admin read, or shows it again as it now stands.
    func apply(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await MultipartForm.from(request, context: context)
        let csv = form["csv"], source = form["source"]
        do {
            let result = try await roster.apply(actor, csv: csv, expecting: form["digest"], source: source.isEmpty ? nil : source,
                                                address: context.peerAddress)
            var message = "The roster is imported: \(RosterImportService.summary(result.plan))."
            if !result.created.isEmpty {
                message += " New people choose their password through a one-time link: open each one's page here to make it."
            }
            return Flash.redirect(to: .people, Flash(message: message), secure: secure)
        } catch ServiceError.conflict(let notice) {
            return try await checkedAgain(actor, csv: csv, source: source, notice: notice, status: .conflict, context: context)
        } catch let errors as FieldErrors {
            return try await checkedAgain(actor, csv: csv, source: source, notice: errors["csv"], status: .unprocessableContent,
                                          context: context)
        }
    }

    /// The page after a refused apply: the dry run of the same text as things are now, with why it was not applied.
    private func checkedAgain(_ actor: Actor, csv: String, source: String, notice: String?, status: HTTPResponse.Status,
                              context: TrellisRequestContext) async throws -> Response {
        do {
            let plan = try await roster.preview(actor, csv: csv)
            return page(RosterView(typed: csv, errors: FieldErrors(), notice: notice, plan: plan, csv: csv, source: source),
                        context: context, status: status)
        } catch let errors as FieldErrors {
            return page(RosterView(typed: csv, errors: errors, notice: notice), context: context, status: .unprocessableContent)
        }
    }

    /// The file if one was chosen, else the pasted text, checked to be a UTF-8 CSV within the limit.
    static func submitted(_ form: MultipartForm) throws -> (text: String, source: String, fromFile: Bool) {
        if let file = form.files["file"], !file.data.isEmpty || !file.filename.isEmpty {
            let name = file.filename.isEmpty ? "The file" : "“\(file.filename)”"
            let type = file.contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let lowered = file.filename.lowercased()
            guard lowered.hasSuffix(".csv") || lowered.hasSuffix(".txt") || csvTypes.contains(type) else {
                throw FieldErrors("file", "\(name) is not a CSV file. In your spreadsheet, save or download the sheet as “CSV UTF-8”.")
            }
            if file.data.isEmpty { throw FieldErrors("file", "\(name) is empty.") }
            if file.data.count > RosterImportService.maximumBytes {
                throw FieldErrors("file", "\(name) is larger than 5 MB. Split it into smaller files and import each.")
            }
            guard let text = String(validating: file.data, as: UTF8.self) else {
                throw FieldErrors("file", "\(name) is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”.")
            }
            return (text, file.filename, true)
        }
        let pasted = form["csv"]
        if pasted.trimmingWhitespace().isEmpty { throw FieldErrors("file", "Choose a CSV file, or paste the rows below.") }
        return (pasted, "", false)
    }

    /// A message about the text, shown at the file input when the text came from a file.
    static func atFile(_ errors: FieldErrors) -> FieldErrors {
        errors["csv"].map { FieldErrors("file", $0) } ?? errors
    }

    private func page(_ view: RosterView, context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        let title = view.dryRun == nil ? "Import a roster" : "Roster dry run"
        return renderer.render("roster_import", title: ErrorSummary.title(title, view.errorSummary), content: view, context: context,
                               status: status, section: .people)
    }
}
