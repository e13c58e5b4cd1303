import Foundation
import Testing
import TrellisCore

/// The access table: every actor × action × resource with the expected answer.
@Suite struct PolicyTests {
    static let north = Organization.ID("north"), south = Organization.ID("south")
    static let elementary = School.ID("elementary"), high = School.ID("high")

    static func actor(_ id: String, _ roles: Set<Role>, school: School.ID? = elementary, org: Organization.ID = north, active: Bool = true) -> Actor {
        Actor(personID: .init(id), organizationID: org, roles: roles, schoolID: school, isActive: active)
    }

    static let admin = actor("admin", [.districtAdmin], school: nil)
    static let teacher = actor("teacher", [.educator])
    static let principal = actor("principal", [.leader])
    static let coach = actor("coach", [.coach, .educator])
    static let otherDistrictAdmin = actor("south-admin", [.districtAdmin], org: south)
    static let deactivatedAdmin = actor("old-admin", [.districtAdmin], active: false)

    static let teacherRecord = Resource.person(organizationID: north, personID: .init("teacher"), schoolID: elementary)
    static let highTeacherRecord = Resource.person(organizationID: north, personID: .init("high-teacher"), schoolID: high)
    static let adminRecord = Resource.person(organizationID: north, personID: .init("admin"), schoolID: nil)

    static func plan(owner: String, school: School.ID? = elementary, coaches: [String] = [], leaders: Bool = false, org: Organization.ID = north) -> Resource {
        .plan(PlanAccess(organizationID: org, ownerID: .init(owner), ownerSchoolID: school, coachIDs: coaches.map { .init($0) },
                         isSharedWithSchoolLeaders: leaders))
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let actor: Actor
        let action: Action
        let resource: Resource
        let expected: Bool
        var testDescription: String { "\(name) \(action) → \(expected)" }
    }

    static let table: [Row] = [
        // Schools: everyone in the district may read the list; only admins change it.
        Row(name: "teacher reads schools", actor: teacher, action: .read, resource: .schools(north), expected: true),
        Row(name: "teacher adds school", actor: teacher, action: .create, resource: .schools(north), expected: false),
        Row(name: "principal adds school", actor: principal, action: .create, resource: .schools(north), expected: false),
        Row(name: "admin adds school", actor: admin, action: .create, resource: .schools(north), expected: true),
        Row(name: "admin renames school", actor: admin, action: .update, resource: .schools(north), expected: true),
        Row(name: "other district's admin adds school here", actor: otherDistrictAdmin, action: .create, resource: .schools(north), expected: false),
        Row(name: "other district's admin reads schools here", actor: otherDistrictAdmin, action: .read, resource: .schools(north), expected: false),
        // The people directory.
        Row(name: "admin lists people", actor: admin, action: .read, resource: .people(north), expected: true),
        Row(name: "admin adds person", actor: admin, action: .create, resource: .people(north), expected: true),
        Row(name: "teacher lists people", actor: teacher, action: .read, resource: .people(north), expected: false),
        Row(name: "principal lists people", actor: principal, action: .read, resource: .people(north), expected: false),
        Row(name: "coach adds person", actor: coach, action: .create, resource: .people(north), expected: false),
        Row(name: "other district's admin lists people", actor: otherDistrictAdmin, action: .read, resource: .people(north), expected: false),
        Row(name: "deactivated admin lists people", actor: deactivatedAdmin, action: .read, resource: .people(north), expected: false),
        // One person's record.
        Row(name: "teacher reads self", actor: teacher, action: .read, resource: teacherRecord, expected: true),
        Row(name: "teacher updates self", actor: teacher, action: .update, resource: teacherRecord, expected: true),
        Row(name: "teacher changes own roles", actor: teacher, action: .changeRoles, resource: teacherRecord, expected: false),
        Row(name: "teacher reads a colleague", actor: teacher, action: .read, resource: highTeacherRecord, expected: false),
        Row(name: "principal reads own school's teacher", actor: principal, action: .read, resource: teacherRecord, expected: true),
        Row(name: "principal reads another school's teacher", actor: principal, action: .read, resource: highTeacherRecord, expected: false),
        Row(name: "principal updates a teacher", actor: principal, action: .update, resource: teacherRecord, expected: false),
        Row(name: "principal deactivates a teacher", actor: principal, action: .deactivate, resource: teacherRecord, expected: false),
        Row(name: "coach reads a teacher", actor: coach, action: .read, resource: teacherRecord, expected: false),
        Row(name: "admin reads a teacher", actor: admin, action: .read, resource: teacherRecord, expected: true),
        Row(name: "admin updates a teacher", actor: admin, action: .update, resource: teacherRecord, expected: true),
        Row(name: "admin changes a teacher's roles", actor: admin, action: .changeRoles, resource: teacherRecord, expected: true),
        Row(name: "admin resets a teacher's password", actor: admin, action: .resetPassword, resource: teacherRecord, expected: true),
        Row(name: "admin deactivates a teacher", actor: admin, action: .deactivate, resource: teacherRecord, expected: true),
        Row(name: "admin deactivates self", actor: admin, action: .deactivate, resource: adminRecord, expected: false),
        Row(name: "admin changes own roles", actor: admin, action: .changeRoles, resource: adminRecord, expected: false),
        Row(name: "admin resets own password by link", actor: admin, action: .resetPassword, resource: adminRecord, expected: false),
        Row(name: "other district's admin reads a teacher here", actor: otherDistrictAdmin, action: .read, resource: teacherRecord, expected: false),
        Row(name: "other district's admin deactivates a teacher here", actor: otherDistrictAdmin, action: .deactivate, resource: teacherRecord, expected: false),
        Row(name: "deactivated admin deactivates a teacher", actor: deactivatedAdmin, action: .deactivate, resource: teacherRecord, expected: false),
        Row(name: "nobody creates through a person record", actor: admin, action: .create, resource: teacherRecord, expected: false),
        // Standards frameworks: read by all to align goals, curated by admins.
        Row(name: "teacher reads frameworks", actor: teacher, action: .read, resource: .frameworks(north), expected: true),
        Row(name: "teacher imports a framework", actor: teacher, action: .create, resource: .frameworks(north), expected: false),
        Row(name: "principal edits a framework", actor: principal, action: .update, resource: .frameworks(north), expected: false),
        Row(name: "admin imports a framework", actor: admin, action: .create, resource: .frameworks(north), expected: true),
        Row(name: "admin edits a framework", actor: admin, action: .update, resource: .frameworks(north), expected: true),
        Row(name: "other district's admin edits a framework here", actor: otherDistrictAdmin, action: .update, resource: .frameworks(north), expected: false),
        Row(name: "other district's teacher reads frameworks here", actor: actor("s", [.educator], org: south), action: .read, resource: .frameworks(north), expected: false),
        // District settings.
        Row(name: "admin changes the school year", actor: admin, action: .update, resource: .settings(north), expected: true),
        Row(name: "principal changes the school year", actor: principal, action: .update, resource: .settings(north), expected: false),
        Row(name: "teacher reads the settings page", actor: teacher, action: .read, resource: .settings(north), expected: false),
        Row(name: "other district's admin changes the school year here", actor: otherDistrictAdmin, action: .update, resource: .settings(north), expected: false),
        // Growth plans: the owner's; shared explicitly with coaches and the school's leaders; never admins.
        Row(name: "teacher starts a plan", actor: teacher, action: .create, resource: .plans(north), expected: true),
        Row(name: "teacher starts a plan in another district", actor: teacher, action: .create, resource: .plans(south), expected: false),
        Row(name: "owner reads own plan", actor: teacher, action: .read, resource: plan(owner: "teacher"), expected: true),
        Row(name: "owner edits own plan", actor: teacher, action: .update, resource: plan(owner: "teacher"), expected: true),
        Row(name: "teacher reads a colleague's plan", actor: teacher, action: .read, resource: plan(owner: "other", leaders: true), expected: false),
        Row(name: "coach reads an unshared plan", actor: coach, action: .read, resource: plan(owner: "teacher"), expected: false),
        Row(name: "coach reads a plan shared with them", actor: coach, action: .read, resource: plan(owner: "teacher", coaches: ["coach"]), expected: true),
        Row(name: "coach edits a plan shared with them", actor: coach, action: .update, resource: plan(owner: "teacher", coaches: ["coach"]), expected: false),
        Row(name: "principal reads an unshared plan", actor: principal, action: .read, resource: plan(owner: "teacher"), expected: false),
        Row(name: "principal reads a plan shared with leaders", actor: principal, action: .read, resource: plan(owner: "teacher", leaders: true), expected: true),
        Row(name: "principal reads another school's shared plan", actor: principal, action: .read, resource: plan(owner: "t2", school: high, leaders: true), expected: false),
        Row(name: "principal edits a shared plan", actor: principal, action: .update, resource: plan(owner: "teacher", leaders: true), expected: false),
        Row(name: "admin reads a teacher's plan", actor: admin, action: .read, resource: plan(owner: "teacher", leaders: true), expected: false),
        Row(name: "other district's coach reads a plan shared with that id", actor: actor("coach", [.coach], org: south), action: .read,
            resource: plan(owner: "teacher", coaches: ["coach"]), expected: false),
        // The audit log.
        Row(name: "admin reads audit log", actor: admin, action: .read, resource: .auditLog(north), expected: true),
        Row(name: "principal reads audit log", actor: principal, action: .read, resource: .auditLog(north), expected: false),
        Row(name: "teacher reads audit log", actor: teacher, action: .read, resource: .auditLog(north), expected: false),
        Row(name: "admin edits audit log", actor: admin, action: .update, resource: .auditLog(north), expected: false),
        Row(name: "other district's admin reads audit log", actor: otherDistrictAdmin, action: .read, resource: .auditLog(north), expected: false),
        // Reviews: the reviewer sees the submitted snapshot while asked and after signing, acts only while asked.
        Row(name: "reviewer reads an open request", actor: principal, action: .read, resource: review(reviewer: "principal", .open), expected: true),
        Row(name: "reviewer signs an open request", actor: principal, action: .update, resource: review(reviewer: "principal", .open), expected: true),
        Row(name: "reviewer reads a signed request", actor: principal, action: .read, resource: review(reviewer: "principal", .signed), expected: true),
        Row(name: "reviewer acts on a signed request", actor: principal, action: .update, resource: review(reviewer: "principal", .signed), expected: false),
        Row(name: "reviewer reads a withdrawn request", actor: principal, action: .read, resource: review(reviewer: "principal", .withdrawn), expected: false),
        Row(name: "reviewer acts on a returned request", actor: principal, action: .update, resource: review(reviewer: "principal", .returned), expected: false),
        Row(name: "owner reads the reviewer's comments", actor: teacher, action: .read, resource: review(reviewer: "principal", .returned), expected: true),
        Row(name: "owner signs own plan", actor: teacher, action: .update, resource: review(reviewer: "principal", .open), expected: false),
        Row(name: "owner named as own reviewer signs", actor: teacher, action: .update, resource: review(reviewer: "teacher", .open), expected: false),
        Row(name: "coach reads a request they were not asked", actor: coach, action: .read, resource: review(reviewer: "principal", .open), expected: false),
        Row(name: "admin reads a review", actor: admin, action: .read, resource: review(reviewer: "principal", .signed), expected: false),
        Row(name: "other district's reviewer with that id", actor: actor("principal", [.leader], org: south), action: .update,
            resource: review(reviewer: "principal", .open), expected: false),
        // Verification and clock hours: the district's records; people read their own.
        Row(name: "admin verifies", actor: admin, action: .update, resource: .verifications(north), expected: true),
        Row(name: "admin reads the queue", actor: admin, action: .read, resource: .verifications(north), expected: true),
        Row(name: "principal verifies", actor: principal, action: .update, resource: .verifications(north), expected: false),
        Row(name: "teacher reads the queue", actor: teacher, action: .read, resource: .verifications(north), expected: false),
        Row(name: "other district's admin verifies here", actor: otherDistrictAdmin, action: .update, resource: .verifications(north), expected: false),
        Row(name: "teacher reads own ledger", actor: teacher, action: .read, resource: hours("teacher"), expected: true),
        Row(name: "teacher adds own certificate", actor: teacher, action: .update, resource: hours("teacher"), expected: true),
        Row(name: "teacher records own clock hours", actor: teacher, action: .create, resource: hours("teacher"), expected: false),
        Row(name: "teacher reads a colleague's ledger", actor: teacher, action: .read, resource: hours("other"), expected: false),
        Row(name: "principal reads a teacher's ledger", actor: principal, action: .read, resource: hours("teacher"), expected: false),
        Row(name: "coach reads a teacher's ledger", actor: coach, action: .read, resource: hours("teacher"), expected: false),
        Row(name: "admin records a teacher's clock hours", actor: admin, action: .create, resource: hours("teacher"), expected: true),
        Row(name: "admin reads a teacher's ledger", actor: admin, action: .read, resource: hours("teacher"), expected: true),
        // Notifications are one's own.
        Row(name: "teacher reads own notifications", actor: teacher, action: .read, resource: .notifications(organizationID: north, personID: .init("teacher")), expected: true),
        Row(name: "admin reads a teacher's notifications", actor: admin, action: .read, resource: .notifications(organizationID: north, personID: .init("teacher")), expected: false),
    ]

    static func review(reviewer: String?, _ state: ReviewRequest.State, owner: String = "teacher") -> Resource {
        .review(ReviewAccess(organizationID: north, ownerID: .init(owner), reviewerID: reviewer.map { .init($0) }, state: state))
    }

    static func hours(_ person: String) -> Resource { .clockHours(organizationID: north, personID: .init(person)) }

    @Test func anOutsideReviewerActsOnlyThroughAnOpenUnexpiredLink() {
        // setup
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let outside = ReviewAccess(organizationID: Self.north, ownerID: .init("teacher"), reviewerID: nil, state: .open)
        let later = now.addingTimeInterval(60), earlier = now.addingTimeInterval(-60)
        // run + check
        #expect(Policy.outsideReviewerMay(.update, outside, linkExpiresAt: later, now: now))
        #expect(Policy.outsideReviewerMay(.read, outside, linkExpiresAt: later, now: now))
        #expect(!Policy.outsideReviewerMay(.update, outside, linkExpiresAt: earlier, now: now), "expired")
        #expect(!Policy.outsideReviewerMay(.read, outside, linkExpiresAt: nil, now: now), "no link")
        var signed = outside
        signed.state = .signed
        #expect(!Policy.outsideReviewerMay(.read, signed, linkExpiresAt: later, now: now), "used")
        var member = outside
        member.reviewerID = .init("principal")
        #expect(!Policy.outsideReviewerMay(.read, member, linkExpiresAt: later, now: now), "a member signs in instead")
        #expect(!Policy.outsideReviewerMay(.create, outside, linkExpiresAt: later, now: now))
    }

    @Test(arguments: table)
    func decides(_ row: Row) {
        // run
        let answer = Policy.can(row.actor, row.action, row.resource)
        // check
        #expect(answer == row.expected, "\(row.name)")
    }

    @Test func nothingCrossesDistrictsForAnyActionOrRole() {
        // setup: an actor holding every role in the south district
        let everything = Self.actor("all", Set(Role.allCases), org: Self.south)
        let northResources: [Resource] = [.schools(Self.north), .people(Self.north), .auditLog(Self.north), .frameworks(Self.north), .plans(Self.north), .settings(Self.north), Self.plan(owner: "all", coaches: ["all"], leaders: true), Self.teacherRecord, Self.adminRecord,
                                        Self.review(reviewer: "all", .open), .verifications(Self.north), Self.hours("all"),
                                        .notifications(organizationID: Self.north, personID: .init("all"))]
        // run + check
        for resource in northResources {
            for action in Action.allCases {
                #expect(!Policy.can(everything, action, resource), "\(action) on \(resource)")
            }
        }
    }
}
