import Testing
import TrellisCore

/// The access table for cohorts and PLCs: member, facilitator, member of another PLC in the same cohort, person outside
/// the cohort, leader who is not a member, admin, other district.
@Suite struct CohortPolicyTests {
    static let north = Organization.ID("north"), south = Organization.ID("south")

    static func actor(_ id: String, _ roles: Set<Role>, org: Organization.ID = north) -> Actor {
        Actor(personID: .init(id), organizationID: org, roles: roles, schoolID: .init("elementary"))
    }

    static let facilitator = actor("zoe", [.coach])
    static let member = actor("ana", [.educator])
    static let otherPLCMember = actor("ben", [.educator])
    static let leaderMember = actor("lee", [.leader])
    static let outsider = actor("cy", [.educator])
    static let leader = actor("principal", [.leader])
    static let admin = actor("admin", [.districtAdmin])
    static let otherDistrict = actor("ana", [.educator, .coach], org: south)

    static let access = CohortAccess(organizationID: north, facilitatorID: .init("zoe"), memberIDs: [.init("ana"), .init("ben"), .init("lee")])
    static let plc: Set<Person.ID> = [.init("ana"), .init("lee")]

    static func cohort(_ part: CohortPart) -> Resource { .cohort(access, part) }

    struct Row: CustomTestStringConvertible, Sendable {
        let actor: Actor
        let action: Action
        let resource: Resource
        let expected: Bool
        let name: String
        var testDescription: String { name }
    }

    static func rows(_ name: String, _ action: Action, _ resource: Resource,
                     facilitator f: Bool, member m: Bool, otherPLC o: Bool, leaderMember lm: Bool,
                     outsider out: Bool = false, leader l: Bool = false, admin a: Bool = false) -> [Row] {
        [(facilitator, f, "facilitator"), (member, m, "member"), (otherPLCMember, o, "member of another PLC"),
         (leaderMember, lm, "leader who is a member"), (outsider, out, "person outside"), (leader, l, "leader not a member"),
         (admin, a, "admin"), (otherDistrict, false, "other district")]
            .map { Row(actor: $0.0, action: action, resource: resource, expected: $0.1, name: "\($0.2) \(action) \(name) → \($0.1)") }
    }

    static let table: [Row] =
        rows("overview", .read, cohort(.overview), facilitator: true, member: true, otherPLC: true, leaderMember: true)
        + rows("setup", .update, cohort(.setup), facilitator: true, member: false, otherPLC: false, leaderMember: false)
        + rows("setup", .create, cohort(.setup), facilitator: true, member: false, otherPLC: false, leaderMember: false)
        + rows("every statement", .read, cohort(.statements(roundIsOpen: true)), facilitator: true, member: false, otherPLC: false, leaderMember: false)
        + rows("statement in open round", .create, cohort(.statements(roundIsOpen: true)), facilitator: false, member: true, otherPLC: true, leaderMember: true)
        + rows("statement in closed round", .create, cohort(.statements(roundIsOpen: false)), facilitator: false, member: false, otherPLC: false, leaderMember: false)
        + rows("a PLC", .read, cohort(.plc(members: plc)), facilitator: true, member: true, otherPLC: true, leaderMember: true)
        + rows("a PLC's goal and plan", .update, cohort(.plc(members: plc)), facilitator: true, member: true, otherPLC: false, leaderMember: true)
        + rows("goal link", .create, cohort(.goalLink(members: plc)), facilitator: false, member: true, otherPLC: false, leaderMember: true)
        + rows("linked goal content", .read, cohort(.linkedGoalContent(members: plc)), facilitator: true, member: true, otherPLC: false, leaderMember: true)
        + rows("private meeting notes", .read, cohort(.meetingNotes(members: plc, .coachOnly)), facilitator: true, member: false, otherPLC: false, leaderMember: false)
        + rows("shared meeting notes", .read, cohort(.meetingNotes(members: plc, .sharedWithEducator)), facilitator: true, member: true, otherPLC: false, leaderMember: true)
        + rows("meeting notes", .create, cohort(.meetingNotes(members: plc, .sharedWithEducator)), facilitator: true, member: false, otherPLC: false, leaderMember: false)
        + rows("cohort", .changeRoles, cohort(.overview), facilitator: false, member: false, otherPLC: false, leaderMember: false)
        + rows("new cohort", .create, .cohorts(north), facilitator: true, member: false, otherPLC: false, leaderMember: false)

    @Test(arguments: table)
    func access(_ row: Row) {
        // run / check
        #expect(Policy.can(row.actor, row.action, row.resource) == row.expected)
    }

    @Test func aDeactivatedFacilitatorSeesNothing() {
        // setup
        var gone = Self.facilitator
        gone.isActive = false
        // run / check
        #expect(!Policy.can(gone, .read, Self.cohort(.overview)))
    }
}
