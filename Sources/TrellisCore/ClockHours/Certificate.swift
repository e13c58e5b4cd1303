/// An educator's certificate: what renewal rules are evaluated against.
///
/// A person may hold several (a teacher certificate and an administrator certificate); one
/// PGP counts toward all of them, so the ledger belongs to the person, not the certificate.
public struct Certificate: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Certificate>

    public var id: ID
    public var personID: Person.ID
    public var type: CertificateType
    public var number: CertificateNumber
    public var issuedOn: CalendarDate
    /// The last day the certificate is valid; renewal cycles are counted back from it.
    public var expiresOn: CalendarDate
    /// In the order the certificate lists them.
    public var endorsements: [Endorsement]

    public init(
        id: ID, personID: Person.ID, type: CertificateType, number: CertificateNumber,
        issuedOn: CalendarDate, expiresOn: CalendarDate, endorsements: [Endorsement] = []
    ) {
        self.id = id
        self.personID = personID
        self.type = type
        self.number = number
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.endorsements = endorsements
    }

    /// Whether any endorsement is STEM-related, which brings in Washington's STEM rule.
    public var hasSTEMRelatedEndorsement: Bool { endorsements.contains(where: \.isSTEMRelated) }

    /// Whether the certificate is still valid on `date`.
    public func isCurrent(on date: CalendarDate) -> Bool { issuedOn <= date && date <= expiresOn }

    /// The message for the expiry field when the dates are the wrong way round, or nil.
    public static func datesProblem(issuedOn: CalendarDate, expiresOn: CalendarDate) -> InputProblem? {
        expiresOn > issuedOn ? nil : InputProblem("The expiry date must be after the issue date (\(issuedOn.longForm)).")
    }
}

/// The kinds of certificate renewal rules are kept for, by role. Raw values are stored.
public enum CertificateType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Washington's first teacher certificate.
    case residencyTeacher = "residency_teacher"
    case professionalTeacher = "professional_teacher"
    /// Principal or program administrator.
    case administrator
    /// Educational staff associate: counselor, psychologist, social worker, nurse, therapist.
    case educationalStaffAssociate = "educational_staff_associate"

    public var label: String {
        switch self {
        case .residencyTeacher: "Residency teacher"
        case .professionalTeacher: "Professional teacher"
        case .administrator: "Administrator (principal or program administrator)"
        case .educationalStaffAssociate: "Educational staff associate (ESA)"
        }
    }

    /// Whether the type is a teaching certificate, for rules that speak of "teachers".
    public var isTeaching: Bool { self == .residencyTeacher || self == .professionalTeacher }

    public static func < (lhs: CertificateType, rhs: CertificateType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A subject or field a certificate is endorsed in, e.g. "Middle Level Mathematics".
public struct Endorsement: Sendable, Hashable, Codable {
    public var name: String
    /// STEM-related endorsements (sciences, mathematics, technology, CTE, elementary in
    /// Washington's list) bring in the STEM-integration requirement. Kept as a flag set when the
    /// endorsement is recorded rather than a list in code, since the state's list changes.
    public var isSTEMRelated: Bool

    public init(name: String, isSTEMRelated: Bool = false) {
        self.name = name
        self.isSTEMRelated = isSTEMRelated
    }
}
