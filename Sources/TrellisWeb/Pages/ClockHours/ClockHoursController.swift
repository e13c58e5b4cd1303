import Hummingbird
import TrellisCore
import TrellisServices

/// Clock hours and certificates: a person's own under `/clock-hours`, and anyone's for district admins under
/// `/admin/people/:person/clock-hours`, where admins also record other learning. The same handlers serve both;
/// the service decides who may do what.
struct ClockHoursController {
    let renderer: PageRenderer
    let clockHours: ClockHourService
    let secure: Bool

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        for base in ["/clock-hours", "/admin/people/:id/clock-hours"] {
            router.get(RouterPath(base), use: page)
            router.get(RouterPath(base + "/certificates"), use: newCertificate)
            router.post(RouterPath(base + "/certificates"), use: saveCertificate)
            router.get(RouterPath(base + "/certificates/:certificate"), use: editCertificate)
            router.post(RouterPath(base + "/certificates/:certificate"), use: saveCertificate)
            router.get(RouterPath(base + "/certificates/:certificate/remove"), use: confirmRemoval)
            router.post(RouterPath(base + "/certificates/:certificate/remove"), use: removeCertificate)
        }
        router.post("/admin/people/:id/clock-hours", use: record)
    }

    /// Whose page it is: nil for the signed-in person's own (`/clock-hours`), else the person in the path.
    private func person(_ context: TrellisRequestContext) -> Person.ID? {
        context.parameters.get("id").map { Person.ID($0) }
    }

    private func subject(_ context: TrellisRequestContext) throws -> Person.ID {
        try person(context) ?? context.requireActor().personID
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let overview = try await clockHours.overview(actor, of: try subject(context))
        return render(ClockHoursView(overview, isOwn: person(context) == nil), context: context, status: .ok)
    }

    func record(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let personID = try subject(context)
        let data = try await FormData.from(request)
        let form = ClockHourService.LearningForm(date: data["date"], activity: data["activity"], provider: data["provider"],
                                                 hours: data["hours"], categories: data.all("categories"))
        do {
            let entry = try await clockHours.record(actor, for: personID, form, address: context.peerAddress)
            return Flash.redirect(to: .clockHours(personID), Flash(message: "Recorded \(entry.hours) clock hours: \(entry.activity)."), secure: secure)
        } catch let errors as FieldErrors {
            let overview = try await clockHours.overview(actor, of: personID)
            return render(ClockHoursView(overview, isOwn: false, form: form, errors: errors), context: context, status: .unprocessableContent)
        }
    }

    func newCertificate(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let overview = try await clockHours.overview(actor, of: try subject(context))
        guard overview.canEditCertificates else { throw ServiceError.forbidden }
        return renderForm(CertificateFormView(person: person(context), certificateID: nil, form: .init(type: CertificateType.professionalTeacher.rawValue)),
                          context: context, status: .ok)
    }

    func editCertificate(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = Certificate.ID(try context.parameters.require("certificate"))
        let certificate = try await clockHours.certificate(actor, of: try subject(context), id)
        return renderForm(CertificateFormView(person: person(context), certificateID: id, form: .init(certificate)), context: context, status: .ok)
    }

    func saveCertificate(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = context.parameters.get("certificate").map { Certificate.ID($0) }
        let form = CertificateFormView.form(from: try await FormData.from(request))
        do {
            let saved = try await clockHours.saveCertificate(actor, of: try subject(context), id, form, address: context.peerAddress)
            return Flash.redirect(to: .clockHours(person(context)),
                                  Flash(message: "The \(saved.type.label.lowercased()) certificate \(saved.number) is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return renderForm(CertificateFormView(person: person(context), certificateID: id, form: form, errors: errors),
                              context: context, status: .unprocessableContent)
        }
    }

    /// A page that changes nothing: "Remove certificate …?", with Remove and Keep it.
    struct ConfirmView {
        let question: String
        let consequence: String
        let action: String
        let removeLabel: String
        let keepPath: String
    }

    func confirmRemoval(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = Certificate.ID(try context.parameters.require("certificate"))
        let certificate = try await clockHours.certificate(actor, of: try subject(context), id)
        let view = ConfirmView(
            question: "Remove the \(certificate.type.label.lowercased()) certificate \(certificate.number)?",
            consequence: "Its renewal tracker goes with it. The clock hours on the ledger stay: they belong to the person, not the certificate.",
            action: SiteRoute.certificateRemoval(person(context), id).path, removeLabel: "Remove the certificate",
            keepPath: SiteRoute.certificate(person(context), id).path)
        return renderer.render("confirm", title: "Remove a certificate?", content: view, context: context,
                               section: person(context) == nil ? .clockHours : .people)
    }

    func removeCertificate(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = Certificate.ID(try context.parameters.require("certificate"))
        _ = try await FormData.from(request)
        try await clockHours.removeCertificate(actor, of: try subject(context), id, address: context.peerAddress)
        return Flash.redirect(to: .clockHours(person(context)), Flash(message: "The certificate is removed."), secure: secure)
    }

    private func render(_ view: ClockHoursView, context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        renderer.render("clock_hours", title: ErrorSummary.title(view.heading, view.errorSummary), content: view, context: context,
                        status: status, section: view.isOwn ? .clockHours : .people)
    }

    private func renderForm(_ view: CertificateFormView, context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        renderer.render("certificate_form", title: ErrorSummary.title(view.heading, view.errorSummary), content: view, context: context,
                        status: status, section: person(context) == nil ? .clockHours : .people)
    }
}
