import Foundation
import TrellisCore
import TrellisStore

/// The caseload `script/bench` measures: a generated coach working with 40 of the generated educators, with half of
/// their plans shared, a few sessions each, some people gone quiet and some sessions to come.
struct DemoCaseload {
    static let coachEmail = "teodora.lindqvist@cascade.example"
    static let coachName = "Teodora Lindqvist"
    static let size = 40

    let scope: OrganizationScope
    let ids: any IdentifierSource
    let now: Date
    let today: CalendarDate

    /// Creates the coach and the caseload once, from the first `size` of `educators`.
    func create(educators: [Person], passwordHash: String) async throws {
        guard educators.count >= Self.size, let email = EmailAddress(Self.coachEmail),
              try await scope.people.find(email: email) == nil else { return }
        let coach = Person(id: ids.make(), organizationID: scope.organizationID, email: email, displayName: Self.coachName,
                           schoolID: educators[0].schoolID, roles: [.coach, .educator])
        try await scope.people.create(coach, passwordHash: passwordHash, at: now)
        for (index, educator) in educators.prefix(Self.size).enumerated() {
            var relationship = CoachingRelationship(id: ids.make(), organizationID: scope.organizationID, coachID: coach.id, educatorID: educator.id,
                                                    proposedBy: index % 3 == 0 ? .educator : .coach, proposedAt: now.addingTimeInterval(-120 * 86_400))
            try await scope.coachingRelationships.create(relationship)
            relationship.state = .active
            relationship.startedAt = relationship.proposedAt
            try await scope.coachingRelationships.update(relationship, expecting: 1)
            if index % 2 == 0, let summary = try await scope.plans.plans(ownedBy: educator.id).first,
               let stored = try await scope.plans.find(summary.id, latest: true) {
                var plan = stored.plan
                plan.sharing.share(with: coach.id)
                _ = try await scope.plans.save(plan, expecting: stored.version, at: now)
            }
            // Every seventh person was last seen two months ago: gone quiet. The others had contact in the last weeks.
            let lastSeen = index % 7 == 0 ? 60 : 1 + index % 20
            for (offset, kind) in [(lastSeen + 21, SessionKind.planning), (lastSeen + 7, .observation), (lastSeen, .informal)] {
                try await session(relationship, kind: kind, daysAgo: offset, at: kind == .informal ? nil : 9 * 60 + (index % 6) * 60,
                                  school: educator.schoolID)
            }
            if index % 2 == 1 { try await session(relationship, kind: .feedback, daysAgo: -(1 + index % 10), at: 14 * 60, school: educator.schoolID) }
        }
    }

    private func session(_ relationship: CoachingRelationship, kind: SessionKind, daysAgo: Int, at minute: Int?, school: School.ID?) async throws {
        guard let date = today.adding(days: -daysAgo) else { return }
        let session = CoachingSession(id: ids.make(), organizationID: scope.organizationID, relationshipID: relationship.id, kind: kind,
                                      channel: kind == .informal ? .hallway : nil,
                                      timing: SessionTiming(date: date, startsAt: minute.flatMap(ClockTime.init(minuteOfDay:)),
                                                            minutes: kind == .informal ? 10 : 45),
                                      place: kind == .informal ? "" : "Room 12", agenda: kind == .informal ? "" : "\(kind.label)")
        try await scope.coachingSessions.create(session, in: relationship, schoolID: school, at: now)
    }
}
