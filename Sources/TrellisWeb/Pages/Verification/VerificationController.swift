import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// District admins' verification pages: the queue of signed plans, one plan's signature with the verify and refuse
/// forms, and archiving a finished school year. The service refuses anyone else.
struct VerificationController {
    let renderer: PageRenderer
    let verification: VerificationService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/verification", use: queue)
        router.post("/verification/archive", use: archive)
        router.get("/verification/:plan", use: detail)
        router.post("/verification/:plan/verify", use: verify)
        router.post("/verification/:plan/refuse", use: refuse)
    }

    func queue(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let chosen = AuditController.parameters(of: request.uri.query)["school"] ?? ""
        return try await renderQueue(context, school: chosen)
    }

    func detail(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let view = VerificationDetailView(try await verification.detail(actor, try PlansController.planID(context)))
        return renderer.render("verification_detail", title: view.title, content: view, context: context, section: .verification)
    }

    func verify(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try PlansController.planID(context)
        let form = try await FormData.from(request)
        let entry = try await verification.verify(actor, id, expecting: PlansController.version(form), address: context.peerAddress)
        return Flash.redirect(to: .verification, Flash(message: "Verified: \(entry.hours) clock hours are on the educator's ledger, and they have been told."),
                              secure: secure)
    }

    func refuse(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try PlansController.planID(context)
        let form = try await FormData.from(request)
        do {
            try await verification.refuse(actor, id, expecting: PlansController.version(form), reason: form["reason"], address: context.peerAddress)
        } catch let errors as FieldErrors {
            let view = VerificationDetailView(try await verification.detail(actor, id), reason: form["reason"], errors: errors)
            return renderer.render("verification_detail", title: ErrorSummary.title(view.title, view.errorSummary), content: view,
                                   context: context, status: .unprocessableContent, section: .verification)
        }
        return Flash.redirect(to: .verification, Flash(message: "Verification refused. The plan is back with the educator, with your reason."),
                              secure: secure)
    }

    func archive(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let form = try await FormData.from(request)
        do {
            let count = try await verification.archive(actor, schoolYear: form["school_year"], address: context.peerAddress)
            let label = Int(form["school_year"]).map { SchoolYear(startingIn: $0).label } ?? ""
            let message = count == 0 ? "No verified plans of \(label) were waiting to be archived."
                : "\(count) verified \(count == 1 ? "plan" : "plans") of \(label) archived. They are kept, never deleted: each educator still finds theirs under Growth plans, and the hours stay on their ledger."
            return Flash.redirect(to: .verification, Flash(message: message), secure: secure)
        } catch let errors as FieldErrors {
            return try await renderQueue(context, school: "", chosenYear: form["school_year"], archiveError: errors["school_year"],
                                         status: .unprocessableContent)
        }
    }

    private func renderQueue(_ context: TrellisRequestContext, school text: String, chosenYear: String = "", archiveError: String? = nil,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let actor = try context.requireActor()
        let schools = try await verification.schools(actor)
        // An unknown school (a stale or edited link) shows every school rather than an empty queue.
        let school = schools.first { $0.id.rawValue == text }?.id
        let view = VerificationQueueView(queue: try await verification.queue(actor, school: school), schools: schools, school: school,
                                         years: try await verification.yearCounts(actor), chosenYear: chosenYear, archiveError: archiveError)
        return renderer.render("verification_queue", title: ErrorSummary.title("Verification", view.errorSummary), content: view,
                               context: context, status: status, section: .verification)
    }
}
