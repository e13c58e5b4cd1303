import Foundation
import SQLKit
import TrellisCore

/// The district's check-in rhythm, kept on its organization row (NULL: four weeks).
extension OrganizationScope {
    public func checkInRhythm() async throws -> CheckInRhythm {
        struct Row: Decodable, Sendable { let checkInRhythmDays: Int? }
        let days = try await executor.first("""
            SELECT check_in_rhythm_days FROM organizations WHERE id = \(bind: organizationID.rawValue)
            """, as: Row.self)?.checkInRhythmDays
        return days.flatMap(CheckInRhythm.init(days:)) ?? .fourWeeks
    }

    /// Saves the rhythm; every caseload of the district shows who has gone quiet by it at once.
    public func setCheckInRhythm(_ rhythm: CheckInRhythm) async throws {
        defer { executor.forgetCaseloads(in: organizationID) }
        try await executor.execute("""
            UPDATE organizations SET check_in_rhythm_days = \(bind: rhythm.days) WHERE id = \(bind: organizationID.rawValue)
            """)
    }
}
