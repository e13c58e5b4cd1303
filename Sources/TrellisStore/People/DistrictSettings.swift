import Foundation
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
        // Which plans are this year's moves with it.
        defer { executor.forgetCaseloads(in: organizationID) }
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        try await executor.execute("""
            UPDATE organizations SET school_year_start = \(bind: "\(twoDigits(start.month))-\(twoDigits(start.day))")
            WHERE id = \(bind: organizationID.rawValue)
            """)
    }

    /// The district's own guiding questions, or nil when it uses Trellis's (or what is stored no longer reads).
    public func guidingQuestions() async throws -> GuidingQuestions? {
        struct Row: Decodable, Sendable { let guidingQuestions: String? }
        guard let text = try await executor.first("""
            SELECT guiding_questions FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: Row.self)?.guidingQuestions else { return nil }
        return try? JSONDecoder().decode(GuidingQuestions.self, from: Data(text.utf8))
    }

    /// Keeps the district's own bank; nil goes back to Trellis's questions.
    public func setGuidingQuestions(_ bank: GuidingQuestions?) async throws {
        let text = try bank.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        try await executor.execute("""
            UPDATE organizations SET guiding_questions = \(bind: text) WHERE id = \(bind: organizationID.rawValue)
            """)
    }
}
