import Foundation
import Testing
import TrellisCore

/// The API-token rows of the access table: a person's own tokens and the district's service tokens × every kind of
/// person × read, create, update (revoke); and the scopes each role may give a token.
@Suite struct TokenPolicyTests {
    static let north = Organization.ID("north"), south = Organization.ID("south")

    static func actor(_ id: String, _ roles: Set<Role>, org: Organization.ID = north) -> Actor {
        Actor(personID: .init(id), organizationID: org, roles: roles, schoolID: .init("elementary"))
    }

    static let people: [(name: String, actor: Actor)] = [
        ("the owner", actor("owner", [.educator])),
        ("another educator", actor("colleague", [.educator])),
        ("a leader", actor("principal", [.leader, .educator])),
        ("a district admin", actor("admin", [.districtAdmin])),
        ("an admin of another district", actor("admin", [.districtAdmin], org: south)),
    ]

    /// What each person may do, as "r", "c" and "u" letters, in the order of `people`.
    static let table: [(part: String, resource: Resource, allowed: [String])] = [
        ("the owner's tokens", .apiTokens(organizationID: north, ownerID: .init("owner")), ["rcu", "", "", "", ""]),
        ("the district's service tokens", .apiTokens(organizationID: north, ownerID: nil), ["", "", "", "rcu", ""]),
    ]

    static let rows = PolicyTableRow.rows(people: people, table: table)

    @Test(arguments: rows)
    func access(_ row: PolicyTableRow) {
        // run and check
        #expect(Policy.can(row.actor, row.action, row.resource) == row.expected)
    }

    @Test func nobodyChangesRolesOrDeactivatesThroughATokenResource() {
        // run and check: only read, create and update mean anything for tokens
        let admin = Self.actor("admin", [.districtAdmin])
        for action in [Action.changeRoles, .resetPassword, .deactivate] {
            #expect(!Policy.can(admin, action, .apiTokens(organizationID: Self.north, ownerID: nil)))
            #expect(!Policy.can(admin, action, .apiTokens(organizationID: Self.north, ownerID: Person.ID("admin"))))
        }
    }

    @Test func eachRoleIsOfferedOnlyTheScopesItCouldUse() {
        // setup
        let educator = Self.actor("owner", [.educator]), coach = Self.actor("coach", [.coach, .educator])
        let leader = Self.actor("principal", [.leader]), admin = Self.actor("admin", [.districtAdmin])
        var deactivated = admin
        deactivated.isActive = false
        let everyone: Set<APIScope> = [.schoolsRead, .standardsRead, .plansRead, .plansWrite, .clockHoursRead, .cohortsRead]
        // run and check
        #expect(Policy.apiScopes(for: educator, kind: .personal) == everyone)
        #expect(Policy.apiScopes(for: coach, kind: .personal) == everyone)
        #expect(Policy.apiScopes(for: leader, kind: .personal) == everyone.union([.peopleRead, .coachingCountsRead]))
        #expect(Policy.apiScopes(for: admin, kind: .personal) == Set(APIScope.allCases))
        #expect(Policy.apiScopes(for: admin, kind: .service) == Set(APIScope.allCases))
        #expect(Policy.apiScopes(for: leader, kind: .service).isEmpty)
        #expect(Policy.apiScopes(for: educator, kind: .service).isEmpty)
        #expect(Policy.apiScopes(for: deactivated, kind: .personal).isEmpty)
        #expect(!Policy.apiScopes(for: leader, kind: .personal).contains(.peopleWrite))
    }
}

/// The rate limiter's arithmetic: a burst at once, then one request per refill interval, with honest waits.
@Suite struct TokenBucketTests {
    @Test func aBurstIsAllowedThenTheWaitIsUntilTheNextRequestRefills() {
        // setup: 60 a minute is one a second, bursts of 3
        let start = Date(timeIntervalSince1970: 1_000_000)
        var bucket = TokenBucket(perMinute: 60, burst: 3, now: start)
        // run
        let burst = (0..<3).map { _ in bucket.take(now: start) }
        let refused = bucket.take(now: start)
        let halfASecondLater = bucket.take(now: start.addingTimeInterval(0.5))
        let aSecondLater = bucket.take(now: start.addingTimeInterval(1.01))
        // check
        #expect(burst.allSatisfy { $0.allowed })
        #expect(burst.map(\.remaining) == [2, 1, 0])
        #expect(!refused.allowed && refused.retryAfterSeconds == 1)
        #expect(!halfASecondLater.allowed && halfASecondLater.retryAfterSeconds == 1)
        #expect(aSecondLater.allowed)
        #expect(refused.resetSeconds == 3)
    }

    @Test func anIdleBucketFillsOnlyToItsBurst() {
        // setup
        let start = Date(timeIntervalSince1970: 0)
        var bucket = TokenBucket(perMinute: 120, burst: 2, now: start)
        _ = bucket.take(now: start)
        _ = bucket.take(now: start)
        // run: an hour idle
        let later = start.addingTimeInterval(3600)
        let results = (0..<3).map { _ in bucket.take(now: later) }
        // check
        #expect(results.map(\.allowed) == [true, true, false])
        #expect(bucket.refilled(at: later.addingTimeInterval(3600)) == 2)
    }
}
