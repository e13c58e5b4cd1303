import Foundation
import SQLKit
import TrellisCore

extension VerificationStore {
    /// A decision with the plan it was about: whose it is and which school year.
    public struct Record: Sendable, Hashable {
        public let verification: Verification
        public let ownerID: Person.ID
        public let schoolYear: Int
    }

    /// One page of the district's decisions, verified and refused, oldest first (decided_at, then id), after `position`;
    /// only those decided at or after `since` when given. What an HR system syncs from.
    public func page(decidedSince since: Date?, after position: KeysetPosition?, limit: Int) async throws -> [Record] {
        let org = organizationID.rawValue
        var conditions: [SQLQueryString] = ["verifications.organization_id = \(bind: org)"]
        if let since { conditions.append("verifications.decided_at >= \(bind: since.millisecondsSince1970)") }
        if let position {
            conditions.append("""
                (verifications.decided_at > \(bind: position.value)
                 OR (verifications.decided_at = \(bind: position.value) AND verifications.id > \(bind: position.id)))
                """)
        }
        struct RecordRow: Decodable, Sendable { let document: String; let ownerId: String; let schoolYear: Int }
        let rows = try await executor.all("""
            SELECT verifications.document, growth_plans.owner_id, growth_plans.school_year
            FROM verifications JOIN growth_plans
              ON growth_plans.id = verifications.plan_id AND growth_plans.organization_id = verifications.organization_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY verifications.decided_at, verifications.id LIMIT \(literal: max(0, limit))
            """, as: RecordRow.self)
        return try rows.compactMap { row in
            let verification = try JSONDecoder().decode(Verification.self, from: Data(row.document.utf8))
            guard verification.organizationID == organizationID else { return nil }
            return Record(verification: verification, ownerID: .init(row.ownerId), schoolYear: row.schoolYear)
        }
    }
}
