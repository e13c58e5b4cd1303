import Foundation

/// A certificated educator's signature on one submission of a plan. It stores the snapshot it covers and that
/// snapshot's SHA-256, and is never changed: a correction after signing is a new submission with its own review.
public struct Signature: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Signature>

    public var id: ID
    public var organizationID: Organization.ID
    public var planID: GrowthPlan.ID
    public var reviewRequestID: ReviewRequest.ID
    /// The signer's account, when they have one in the district.
    public var signerID: Person.ID?
    public var signerName: String
    public var certificateNumber: String
    public var signedOn: CalendarDate
    public var signedAt: Date
    public var snapshot: PlanSnapshot

    public init(id: ID, organizationID: Organization.ID, planID: GrowthPlan.ID, reviewRequestID: ReviewRequest.ID,
                signerID: Person.ID?, signerName: String, certificateNumber: String, signedOn: CalendarDate,
                signedAt: Date, snapshot: PlanSnapshot) {
        self.id = id
        self.organizationID = organizationID
        self.planID = planID
        self.reviewRequestID = reviewRequestID
        self.signerID = signerID
        self.signerName = signerName
        self.certificateNumber = certificateNumber
        self.signedOn = signedOn
        self.signedAt = signedAt
        self.snapshot = snapshot
    }
}

/// The district's decision on a signed plan: clock hours credited, or refused with a reason the educator sees.
public struct Verification: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Verification>

    public enum Outcome: Sendable, Hashable, Codable {
        case verified(hours: Double)
        case refused(reason: String)
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var planID: GrowthPlan.ID
    public var signatureID: Signature.ID
    public var outcome: Outcome
    public var decidedBy: Person.ID
    public var decidedAt: Date

    public init(id: ID, organizationID: Organization.ID, planID: GrowthPlan.ID, signatureID: Signature.ID,
                outcome: Outcome, decidedBy: Person.ID, decidedAt: Date) {
        self.id = id
        self.organizationID = organizationID
        self.planID = planID
        self.signatureID = signatureID
        self.outcome = outcome
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    public var creditedHours: Double? {
        if case .verified(let hours) = outcome { return hours }
        return nil
    }
}
