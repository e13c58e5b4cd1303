import Foundation
import SQLKit
import TrellisCore

/// The district's own guiding questions for coaches, kept on its organization row beside the goal questions.
extension OrganizationScope {
    /// The district's bank, or nil when it uses Trellis's (or what is stored no longer reads).
    public func coachingQuestions() async throws -> CoachingQuestions? {
        struct Row: Decodable, Sendable { let coachingQuestions: String? }
        guard let text = try await executor.first("""
            SELECT coaching_questions FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: Row.self)?.coachingQuestions else { return nil }
        return try? JSONDecoder().decode(CoachingQuestions.self, from: Data(text.utf8))
    }

    /// Keeps the district's own bank; nil goes back to Trellis's questions.
    public func setCoachingQuestions(_ bank: CoachingQuestions?) async throws {
        let text = try bank.map { try DocumentJSON.encode($0) }
        try await executor.execute("""
            UPDATE organizations SET coaching_questions = \(bind: text) WHERE id = \(bind: organizationID.rawValue)
            """)
    }
}
