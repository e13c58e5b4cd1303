import Testing
import TrellisCore

/// The coaching rows of the access table: every coaching record × every kind of person × read, create, update.
/// Coaching is not evaluation: leaders and admins never read a record, whatever its visibility.
@Suite struct CoachingPolicyTests {
    static let north = Organization.ID("north"), south = Organization.ID("south")
    static let elementary = School.ID("elementary")

    static func actor(_ id: String, _ roles: Set<Role>, org: Organization.ID = north) -> Actor {
        Actor(personID: .init(id), organizationID: org, roles: roles, schoolID: elementary)
    }

    /// The people of the table, all at the educator's school.
    static let people: [(name: String, actor: Actor)] = [
        ("the coach", actor("coach", [.coach, .educator])),
        ("the educator", actor("teacher", [.educator])),
        ("another educator", actor("colleague", [.educator])),
        ("another coach", actor("other-coach", [.coach])),
        ("a leader of the same school", actor("principal", [.leader, .educator])),
        ("a district admin", actor("admin", [.districtAdmin])),
        ("an admin of another district", actor("admin", [.districtAdmin], org: south)),
    ]

    static func access(_ state: CoachingRelationship.State) -> CoachingAccess {
        CoachingAccess(organizationID: north, coachID: .init("coach"), educatorID: .init("teacher"), state: state)
    }

    /// What each person may do to each part of an active relationship, as "r", "c" and "u" letters, in the order of `people`.
    static let active: [(part: String, resource: Resource, allowed: [String])] = [
        ("the relationship", .coaching(access(.active), .relationship), ["rcu", "rcu", "", "", "", "", ""]),
        ("cycles and sessions", .coaching(access(.active), .work), ["rcu", "r", "", "", "", "", ""]),
        ("a private note, observation or feedback", .coaching(access(.active), .record(.coachOnly)), ["rcu", "", "", "", "", "", ""]),
        ("a shared note, observation or feedback", .coaching(access(.active), .record(.sharedWithEducator)), ["rcu", "r", "", "", "", "", ""]),
        ("the educator's response to feedback", .coaching(access(.active), .feedbackResponse), ["r", "ru", "", "", "", "", ""]),
        ("the alliance answers", .coaching(access(.active), .alliance), ["r", "rcu", "", "", "", "", ""]),
        ("the coach's caseload", .caseload(organizationID: north, coachID: .init("coach")), ["r", "", "", "", "", "", ""]),
        ("counts for the educator's school", .coachingCounts(organizationID: north, schoolID: elementary), ["", "", "", "", "r", "r", ""]),
        ("counts for the whole district", .coachingCounts(organizationID: north, schoolID: nil), ["", "", "", "", "", "r", ""]),
    ]

    static let rows = PolicyTableRow.rows(people: people, table: active)

    @Test(arguments: rows)
    func decides(_ row: PolicyTableRow) {
        #expect(Policy.can(row.actor, row.action, row.resource) == row.expected)
    }

    @Test func noActionOtherThanReadCreateUpdateIsEverAllowedOnCoaching() {
        for person in Self.people {
            for entry in Self.active {
                for action in [Action.changeRoles, .resetPassword, .deactivate] {
                    #expect(!Policy.can(person.actor, action, entry.resource), "\(person.name) \(action) \(entry.part)")
                }
            }
        }
    }

    @Test func aProposalShowsNoWorkOrRecordsYetAndOnlyTheRelationship() {
        let coach = Self.people[0].actor, educator = Self.people[1].actor
        let proposed = Self.access(.proposed)
        #expect(Policy.can(educator, .update, .coaching(proposed, .relationship)))
        #expect(!Policy.can(educator, .read, .coaching(proposed, .work)))
        #expect(!Policy.can(coach, .create, .coaching(proposed, .work)))
        #expect(!Policy.can(educator, .read, .coaching(proposed, .record(.sharedWithEducator))))
    }

    @Test func afterTheEndEachSideKeepsReadingWhatTheyCouldButNothingNewIsWritten() {
        let coach = Self.people[0].actor, educator = Self.people[1].actor
        let ended = Self.access(.ended)
        #expect(Policy.can(coach, .read, .coaching(ended, .record(.coachOnly))))
        #expect(Policy.can(educator, .read, .coaching(ended, .record(.sharedWithEducator))))
        #expect(!Policy.can(educator, .read, .coaching(ended, .record(.coachOnly))))
        #expect(!Policy.can(coach, .create, .coaching(ended, .work)))
        #expect(!Policy.can(coach, .update, .coaching(ended, .record(.coachOnly))))
        #expect(!Policy.can(coach, .update, .coaching(ended, .relationship)))
        // The educator may still answer how the coaching went.
        #expect(Policy.can(educator, .create, .coaching(ended, .alliance)))
    }

    @Test func aCoachCannotCoachThemselves() {
        let coach = Self.people[0].actor
        let selfCoaching = CoachingAccess(organizationID: Self.north, coachID: coach.personID, educatorID: coach.personID, state: .active)
        #expect(!Policy.can(coach, .read, .coaching(selfCoaching, .record(.coachOnly))))
        #expect(!Policy.can(coach, .create, .coaching(selfCoaching, .relationship)))
    }

    @Test func onlySomeoneWithTheCoachRoleInvitesAsTheCoach() {
        // The same person id in the coach seat, without the coach role, cannot propose as the coach.
        let notACoach = Self.actor("coach", [.educator])
        #expect(!Policy.can(notACoach, .create, .coaching(Self.access(.proposed), .relationship)))
        #expect(!Policy.can(notACoach, .read, .caseload(organizationID: Self.north, coachID: .init("coach"))))
    }
}
