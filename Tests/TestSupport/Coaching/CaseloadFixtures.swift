import Foundation
import TrellisCore
import TrellisServices
import TrellisStore

/// Coaching written straight to the stores, so caseload and count tests start where a caseload starts.
public enum CaseloadFixtures {
    /// A relationship between `coach` and `educator`, active since `startedAt` unless `state` says otherwise.
    @discardableResult
    public static func relationship(_ database: Database, coach: Person, educator: Person, state: CoachingRelationship.State = .active,
                                    proposedBy: CoachingRelationship.Side = .coach, startedAt: Date) async throws -> CoachingRelationship {
        var relationship = CoachingRelationship(id: .init(UUID().uuidString), organizationID: coach.organizationID, coachID: coach.id,
                                                educatorID: educator.id, proposedBy: proposedBy, proposedAt: startedAt)
        let store = OrganizationScope(database, organizationID: coach.organizationID).coachingRelationships
        try await store.create(relationship)
        if state != .proposed {
            relationship.state = state
            relationship.startedAt = state == .active || state == .ended ? startedAt : nil
            try await store.update(relationship, expecting: 1)
        }
        return relationship
    }

    /// A session of the relationship on `date`, held at the educator's `school`.
    @discardableResult
    public static func session(_ database: Database, _ relationship: CoachingRelationship, on date: String, at time: String? = nil,
                               minutes: Int = 45, kind: SessionKind = .planning, school: School.ID?,
                               note: String = "") async throws -> CoachingSession {
        let session = CoachingSession(
            id: .init(UUID().uuidString), organizationID: relationship.organizationID, relationshipID: relationship.id, kind: kind,
            timing: SessionTiming(date: CalendarDate(iso: date)!, startsAt: time.flatMap { ClockTime($0) }, minutes: minutes),
            notes: note.isEmpty ? [] : [CoachingNote(id: .init(UUID().uuidString), text: note, visibility: .coachOnly, writtenAt: Date())])
        try await OrganizationScope(database, organizationID: relationship.organizationID).coachingSessions
            .create(session, in: relationship, schoolID: school, at: Date())
        return session
    }

    /// Another person in a test district, e.g. a second coach.
    public static func person(_ env: ServiceEnvironment, in district: TestDistricts.District, _ local: String, _ name: String,
                              _ roles: [Role], school: School?) async throws -> Person {
        try await OperatorService(env).createPerson(
            in: district.organization,
            form: PersonForm(displayName: name, email: "\(local)@\(district.organization.slug).example", schoolID: school?.id.rawValue ?? "",
                             roles: roles.map(\.rawValue)),
            password: TestDistricts.password)
    }
}
