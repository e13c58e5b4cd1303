import TrellisCore
import TrellisServices

/// Adding or changing a certificate: type, number (checked as Washington writes it), dates and endorsements.
struct CertificateFormView {
    struct TypeOption {
        let value: String
        let label: String
        let selected: Bool
    }
    struct EndorsementRow {
        let name: FieldView
        let stemName: String
        let stemID: String
        let isSTEM: Bool
    }
    let heading: String
    let action: String
    let backPath: String
    let removePath: String?
    let types: [TypeOption]
    let typeError: String?
    let number: FieldView
    let issuedOn: FieldView
    let expiresOn: FieldView
    let endorsements: [EndorsementRow]
    let errorSummary: ErrorSummary?

    /// Rows offered for endorsements beyond those already recorded.
    static let spareEndorsementRows = 2

    init(person: Person.ID?, certificateID: Certificate.ID?, form: ClockHourService.CertificateForm, errors: FieldErrors = FieldErrors()) {
        heading = certificateID == nil ? "Add a certificate" : "Change a certificate"
        action = SiteRoute.certificate(person, certificateID).path
        backPath = SiteRoute.clockHours(person).path
        removePath = certificateID.map { SiteRoute.certificateRemoval(person, $0).path }
        types = CertificateType.allCases.map { TypeOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.type) }
        typeError = errors["type"]
        number = FieldView(name: "number", label: "Certificate number", value: form.number, errors: errors,
                           hint: "As on your certificate: 6 to 10 digits, sometimes followed by one letter, such as 412345F.")
        issuedOn = FieldView(name: "issued_on", label: "Issued", type: "date", value: form.issuedOn, errors: errors)
        expiresOn = FieldView(name: "expires_on", label: "Expires", type: "date", value: form.expiresOn, errors: errors,
                              hint: "Renewal counts back from this date.")
        let lines = form.endorsements + Array(repeating: .init(name: "", isSTEMRelated: false), count: Self.spareEndorsementRows)
        endorsements = lines.enumerated().map { index, line in
            EndorsementRow(name: FieldView(name: "endorsement_\(index)", label: "Endorsement \(index + 1)", value: line.name, errors: errors,
                                           required: false),
                           stemName: "endorsement_\(index)_stem", stemID: "field-endorsement_\(index)_stem", isSTEM: line.isSTEMRelated)
        }
        errorSummary = ErrorSummary([ErrorSummary.field(id: "field-type", typeError), ErrorSummary.field(number), ErrorSummary.field(issuedOn),
                                     ErrorSummary.field(expiresOn)] + endorsements.map { ErrorSummary.field($0.name) })
    }

    /// The form as posted: endorsement rows are read until the first index the form does not have.
    static func form(from data: FormData) -> ClockHourService.CertificateForm {
        var endorsements: [ClockHourService.CertificateForm.EndorsementLine] = []
        var index = 0
        while index < 50, data.all("endorsement_\(index)").count > 0 {
            endorsements.append(.init(name: data["endorsement_\(index)"], isSTEMRelated: data["endorsement_\(index)_stem"] == "yes"))
            index += 1
        }
        // Empty rows are kept only while they sit between filled ones, so a refused form comes back without extra gaps.
        while let last = endorsements.last, last.name.trimmingWhitespace().isEmpty { endorsements.removeLast() }
        return .init(type: data["type"], number: data["number"], issuedOn: data["issued_on"], expiresOn: data["expires_on"],
                     endorsements: endorsements)
    }
}
