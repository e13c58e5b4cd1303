import Foundation
import SQLKit
import TrellisCore

/// The district's decisions on signed plans, and the queue of plans waiting for one.
/// A signature is decided once: a second decision on it is a `duplicate("signature")`.
public struct VerificationStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable { let document: String }

    /// A signed plan waiting for the district, without reading its document.
    public struct Waiting: Sendable, Hashable {
        public let planID: GrowthPlan.ID
        public let ownerID: Person.ID
        public let schoolYear: Int
        /// When the signature that stands was made; the queue is oldest first.
        public let signedAt: Date
    }

    public func create(_ verification: Verification) async throws {
        precondition(verification.organizationID == organizationID, "a verification is kept in its own district")
        let document = String(decoding: try JSONEncoder.sorted.encode(verification), as: UTF8.self)
        do {
            try await executor.execute("""
                INSERT INTO verifications (id, organization_id, plan_id, signature_id, outcome, document, decided_by, decided_at)
                VALUES (\(bind: verification.id.rawValue), \(bind: organizationID.rawValue), \(bind: verification.planID.rawValue),
                        \(bind: verification.signatureID.rawValue), \(bind: Self.outcome(verification)), \(bind: document),
                        \(bind: verification.decidedBy.rawValue), \(bind: verification.decidedAt.millisecondsSince1970))
                """)
        } catch where error.isUniqueViolation {
            throw StoreError.duplicate("signature")
        }
    }

    /// Every decision on a plan's signatures, newest first.
    public func verifications(forPlan plan: GrowthPlan.ID) async throws -> [Verification] {
        try await decode(executor.all("""
            SELECT document FROM verifications
            WHERE organization_id = \(bind: organizationID.rawValue) AND plan_id = \(bind: plan.rawValue)
            ORDER BY decided_at DESC, id DESC
            """, as: Row.self))
    }

    /// Plans verified (not refused) between the two instants, oldest first: what verification forms are made from.
    public func verified(from start: Date, until end: Date) async throws -> [Verification] {
        try await decode(executor.all("""
            SELECT document FROM verifications
            WHERE organization_id = \(bind: organizationID.rawValue) AND outcome = 'verified'
              AND decided_at >= \(bind: start.millisecondsSince1970) AND decided_at < \(bind: end.millisecondsSince1970)
            ORDER BY decided_at, id
            """, as: Row.self))
    }

    /// Signed plans waiting for verification, the longest-waiting first; only owners at `school` when given.
    public func waiting(school: School.ID? = nil) async throws -> [Waiting] {
        struct WaitingRow: Decodable, Sendable {
            let planId: String
            let ownerId: String
            let schoolYear: Int
            let signedAt: Int64
        }
        let atSchool: SQLQueryString = school.map {
            "AND p.owner_id IN (SELECT id FROM people WHERE organization_id = \(bind: organizationID.rawValue) AND school_id = \(bind: $0.rawValue))"
        } ?? ""
        return try await executor.all("""
            SELECT p.id AS plan_id, p.owner_id, p.school_year, MAX(s.signed_at) AS signed_at
            FROM growth_plans p JOIN signatures s ON s.plan_id = p.id AND s.organization_id = p.organization_id
            WHERE p.organization_id = \(bind: organizationID.rawValue) AND p.status = 'signed' \(atSchool)
            GROUP BY p.id, p.owner_id, p.school_year
            ORDER BY signed_at, p.id
            """, as: WaitingRow.self).map {
            Waiting(planID: .init($0.planId), ownerID: .init($0.ownerId), schoolYear: $0.schoolYear,
                    signedAt: Date(millisecondsSince1970: $0.signedAt))
        }
    }

    /// The ids of the district's plans in `status` for one school year: what archiving a finished year moves.
    public func plans(in status: PlanStatus, schoolYear: Int) async throws -> [GrowthPlan.ID] {
        struct IDRow: Decodable, Sendable { let id: String }
        return try await executor.all("""
            SELECT id FROM growth_plans
            WHERE organization_id = \(bind: organizationID.rawValue) AND status = \(bind: status.rawValue)
              AND school_year = \(bind: schoolYear)
            ORDER BY id
            """, as: IDRow.self).map { .init($0.id) }
    }

    /// How many of the district's plans are in `status`, by school year (start year), newest year first.
    public func counts(in status: PlanStatus) async throws -> [(schoolYear: Int, count: Int)] {
        struct CountRow: Decodable, Sendable { let schoolYear: Int; let plans: Int }
        return try await executor.all("""
            SELECT school_year, COUNT(*) AS plans FROM growth_plans
            WHERE organization_id = \(bind: organizationID.rawValue) AND status = \(bind: status.rawValue)
            GROUP BY school_year ORDER BY school_year DESC
            """, as: CountRow.self).map { ($0.schoolYear, $0.plans) }
    }

    private func decode(_ rows: [Row]) throws -> [Verification] {
        try rows.map { try JSONDecoder().decode(Verification.self, from: Data($0.document.utf8)) }
            .filter { $0.organizationID == organizationID }
    }

    static func outcome(_ verification: Verification) -> String {
        switch verification.outcome {
        case .verified: "verified"
        case .refused: "refused"
        }
    }
}

extension OrganizationScope {
    public var verifications: VerificationStore { VerificationStore(executor: executor, organizationID: organizationID) }
}
