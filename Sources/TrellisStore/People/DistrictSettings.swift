import SQLKit
import TrellisCore

/// A district's settings, kept on its organization row.
extension OrganizationScope {
    /// The month and day the district's school year starts ("07-01" unless the district chose otherwise).
    public func schoolYearStart() async throws -> SchoolYearStart {
        struct Row: Decodable, Sendable { let schoolYearStart: String }
        let text = try await executor.first("""
            SELECT school_year_start FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: Row.self)?.schoolYearStart ?? "07-01"
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return parts.count == 2 ? (SchoolYearStart(month: parts[0], day: parts[1]) ?? .julyFirst) : .julyFirst
    }

    public func setSchoolYearStart(_ start: SchoolYearStart) async throws {
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        try await executor.execute("""
            UPDATE organizations SET school_year_start = \(bind: "\(twoDigits(start.month))-\(twoDigits(start.day))")
            WHERE id = \(bind: organizationID.rawValue)
            """)
    }
}
