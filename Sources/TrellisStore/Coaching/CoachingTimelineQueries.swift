import Foundation
import SQLKit
import TrellisCore

/// An educator's coaching as their plan's timeline shows it: their relationships and the sessions held in them.
///
/// The plan page is opened all day and most educators have no coaching at all, so a read is kept while the district's
/// coaching mark stays the same (`DistrictChanges.coaching`: another instance's write shows within two seconds) and
/// forgotten the moment this process writes a relationship or a session (`forgetCaseloadsAndTimelines`). Kept for
/// two seconds only, each teacher's plan page read their coaching again every other second.
public struct CoachingTimelineQueries: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    public struct Read: Sendable, Hashable {
        /// Every relationship the educator was ever in, whatever its state.
        public let relationships: [CoachingRelationship]
        /// Their sessions in the order they happened.
        public let sessions: [CoachingSession]
    }

    private struct Row: Decodable, Sendable { let document: String }

    public func read(educator: Person.ID) async throws -> Read {
        try await executor.reusing(Self.recentPrefix(organizationID) + educator.rawValue, unchangedIn: DistrictChanges.coaching(organizationID.rawValue)) {
            try await readStored(educator: educator)
        }
    }

    private func readStored(educator: Person.ID) async throws -> Read {
        let org = organizationID.rawValue
        let relationships = try await executor.all("""
            SELECT document FROM coaching_relationships WHERE organization_id = \(bind: org) AND educator_id = \(bind: educator.rawValue)
            """, as: Row.self).compactMap { try? JSONDecoder().decode(CoachingRelationship.self, from: Data($0.document.utf8)) }
            .filter { $0.organizationID == organizationID }
        var sessions: [CoachingSession] = []
        if !relationships.isEmpty {
            sessions = try await executor.all(over: relationships.map(\.id.rawValue), as: Row.self) { chunk in """
                SELECT document FROM coaching_sessions WHERE organization_id = \(bind: org) AND relationship_id IN (\(binds: chunk))
                """ }
                .compactMap { try? JSONDecoder().decode(CoachingSession.self, from: Data($0.document.utf8)) }
                .filter { $0.organizationID == organizationID }
                .sorted { $0.timing < $1.timing }
        }
        return Read(relationships: relationships, sessions: sessions)
    }

    static func recentPrefix(_ organization: Organization.ID) -> String { "coaching-timeline:\(organization)/" }
}

extension OrganizationScope {
    public var coachingTimelines: CoachingTimelineQueries { CoachingTimelineQueries(executor: executor, organizationID: organizationID) }
}
