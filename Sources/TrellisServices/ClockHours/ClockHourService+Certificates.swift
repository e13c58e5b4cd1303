import Foundation
import TrellisCore
import TrellisStore

/// Keeping certificates (the educator their own, admins anyone's) and recording other learning (admins).
extension ClockHourService {
    /// A certificate as typed; every field as text so a refused form comes back exactly as written.
    public struct CertificateForm: Sendable, Hashable {
        public struct EndorsementLine: Sendable, Hashable {
            public var name: String
            public var isSTEMRelated: Bool
            public init(name: String, isSTEMRelated: Bool) {
                self.name = name
                self.isSTEMRelated = isSTEMRelated
            }
        }
        public var type: String
        public var number: String
        public var issuedOn: String
        public var expiresOn: String
        public var endorsements: [EndorsementLine]

        public init(type: String = "", number: String = "", issuedOn: String = "", expiresOn: String = "", endorsements: [EndorsementLine] = []) {
            self.type = type
            self.number = number
            self.issuedOn = issuedOn
            self.expiresOn = expiresOn
            self.endorsements = endorsements
        }

        public init(_ certificate: Certificate) {
            self.init(type: certificate.type.rawValue, number: certificate.number.rawValue, issuedOn: certificate.issuedOn.iso,
                      expiresOn: certificate.expiresOn.iso,
                      endorsements: certificate.endorsements.map { EndorsementLine(name: $0.name, isSTEMRelated: $0.isSTEMRelated) })
        }
    }

    /// Other learning as an admin types it.
    public struct LearningForm: Sendable, Hashable {
        public var date: String
        public var activity: String
        public var provider: String
        public var hours: String
        /// Focus category slugs ticked.
        public var categories: [String]

        public init(date: String = "", activity: String = "", provider: String = "", hours: String = "", categories: [String] = []) {
            self.date = date
            self.activity = activity
            self.provider = provider
            self.hours = hours
            self.categories = categories
        }
    }

    public func certificate(_ actor: Actor, of personID: Person.ID, _ id: Certificate.ID) async throws -> Certificate {
        let (scope, _) = try await authorize(actor, .read, personID)
        guard let certificate = try await scope.certificates.certificates(of: personID).first(where: { $0.id == id }) else {
            throw ServiceError.notFound
        }
        return certificate
    }

    /// Adds a certificate (`id` nil) or changes one of the person's; refused fields come back as `FieldErrors`.
    @discardableResult
    public func saveCertificate(_ actor: Actor, of personID: Person.ID, _ id: Certificate.ID?, _ form: CertificateForm,
                                address: String? = nil) async throws -> Certificate {
        let (scope, person) = try await authorize(actor, .update, personID)
        if let id, try await !scope.certificates.certificates(of: personID).contains(where: { $0.id == id }) { throw ServiceError.notFound }
        var errors = FieldErrors()
        let type = CertificateType(rawValue: form.type)
        if type == nil { errors["type"] = "Choose the kind of certificate." }
        let number = CertificateNumber(rawValue: form.number)
        if number == nil { errors["number"] = CertificateNumber.formatMessage }
        let issued = CalendarDate(iso: form.issuedOn.trimmingWhitespace())
        if issued == nil { errors["issued_on"] = "Enter the issue date as on the certificate, such as 2022-07-01." }
        let expires = CalendarDate(iso: form.expiresOn.trimmingWhitespace())
        if expires == nil { errors["expires_on"] = "Enter the expiry date as on the certificate, such as 2027-06-30." }
        if let issued, let expires, let problem = Certificate.datesProblem(issuedOn: issued, expiresOn: expires) { errors["expires_on"] = problem.message }
        var endorsements: [Endorsement] = []
        for (index, line) in form.endorsements.enumerated() {
            let name = line.name.trimmingWhitespace()
            if name.isEmpty { continue }
            if name.count > 120 { errors["endorsement_\(index)"] = "Keep the endorsement under 120 characters." }
            endorsements.append(Endorsement(name: name, isSTEMRelated: line.isSTEMRelated))
        }
        try errors.throwIfAny()
        let certificate = Certificate(id: id ?? env.ids.make(), personID: personID, type: type!, number: number!, issuedOn: issued!,
                                      expiresOn: expires!, endorsements: endorsements)
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.certificates.save(certificate)
            try await scope.audit.append(env.event(.certificateChanged, in: actor.organizationID, by: actor.personID, about: person.id,
                                                   detail: "\(id == nil ? "added" : "changed") \(type!.label) certificate \(number!), expires \(expires!.longForm)",
                                                   address: address))
        }
        return certificate
    }

    public func removeCertificate(_ actor: Actor, of personID: Person.ID, _ id: Certificate.ID, address: String? = nil) async throws {
        let certificate = try await certificate(actor, of: personID, id)
        _ = try await authorize(actor, .update, personID)
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.certificates.remove(id, of: personID)
            try await scope.audit.append(env.event(.certificateChanged, in: actor.organizationID, by: actor.personID, about: personID,
                                                   detail: "removed \(certificate.type.label) certificate \(certificate.number)", address: address))
        }
    }

    /// Records other learning on a person's ledger (district admins). Hours that are not a number, not above 0, or
    /// past `ClockHours.entryLimit` are refused at the field with `ClockHours`'s messages.
    @discardableResult
    public func record(_ actor: Actor, for personID: Person.ID, _ form: LearningForm, address: String? = nil) async throws -> ClockHourEntry {
        let (_, person) = try await authorize(actor, .create, personID)
        var errors = FieldErrors()
        let date = CalendarDate(iso: form.date.trimmingWhitespace())
        if date == nil { errors["date"] = "Enter the date the learning was completed, such as 2026-10-15." }
        if let date, date > env.today { errors["date"] = "The date can't be in the future: record learning once it is completed." }
        let activity = form.activity.trimmingWhitespace(), provider = form.provider.trimmingWhitespace()
        if activity.isEmpty || activity.count > 200 { errors["activity"] = "Write what the learning was, in under 200 characters." }
        if provider.isEmpty || provider.count > 200 { errors["provider"] = "Write who offered it, such as an ESD or a university, in under 200 characters." }
        var hours = ClockHours.zero
        switch ClockHours.entryHours(from: form.hours) {
        case .success(let parsed): hours = parsed
        case .failure(let problem): errors["hours"] = problem.message
        }
        let categories = form.categories.compactMap(FocusCategory.init(rawValue:))
        if categories.count != form.categories.count { errors["categories"] = "Choose focus areas from the list." }
        try errors.throwIfAny()
        let entry = ClockHourEntry(id: env.ids.make(), personID: personID, date: date!, activity: activity, provider: provider,
                                   hours: hours, focusCategories: categories, source: .recorded(by: actor.personID))
        let credited = entry.hours
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.clockHours.add(entry, recordedBy: actor.personID, at: env.clock.now())
            try await scope.audit.append(env.event(.clockHoursRecorded, in: actor.organizationID, by: actor.personID, about: person.id,
                                                   detail: "\(credited) clock hours: \(activity) (\(provider)), \(date!.longForm)", address: address))
        }
        return entry
    }
}
