import Testing
import TrellisCore

/// The tools rows of the access table: the catalogue, a proposal, an approved tool, a trial's record and summary
/// (private and shared) and the adoption view × every kind of person × read, create, update.
@Suite struct ToolPolicyTests {
    static let north = Organization.ID("north"), south = Organization.ID("south")

    static func actor(_ id: String, _ roles: Set<Role>, org: Organization.ID = north) -> Actor {
        Actor(personID: .init(id), organizationID: org, roles: roles, schoolID: .init("elementary"))
    }

    /// The people of the table. The proposer is an educator who proposed the tool and is not in the trial.
    static let people: [(name: String, actor: Actor)] = [
        ("the proposer", actor("proposer", [.educator])),
        ("the coach", actor("coach", [.coach, .educator])),
        ("an educator in the trial", actor("teacher", [.educator])),
        ("another educator", actor("colleague", [.educator])),
        ("a leader", actor("principal", [.leader, .educator])),
        ("a district admin", actor("admin", [.districtAdmin])),
        ("an admin of another district", actor("admin", [.districtAdmin], org: south)),
    ]

    static func tool(_ approval: DigitalTool.Approval) -> Resource {
        .tool(ToolAccess(organizationID: north, proposedBy: .init("proposer"), approval: approval))
    }

    static func trial(_ visibility: EfficacyTrial.Visibility, _ part: TrialPart) -> Resource {
        .trial(TrialAccess(organizationID: north, coachID: .init("coach"), educatorIDs: [.init("teacher")], visibility: visibility), part)
    }

    /// What each person may do, as "r", "c" and "u" letters, in the order of `people`.
    static let table: [(part: String, resource: Resource, allowed: [String])] = [
        ("the catalogue", .tools(north), ["rc", "rc", "rc", "rc", "rc", "rc", ""]),
        ("a proposed tool", tool(.proposed), ["ru", "", "", "", "", "ru", ""]),
        ("an approved tool", tool(.approved), ["r", "r", "r", "r", "r", "ru", ""]),
        ("a retired tool", tool(.retired), ["r", "r", "r", "r", "r", "ru", ""]),
        ("starting a trial", .trials(north), ["", "c", "", "", "", "", ""]),
        ("a private trial's record", trial(.coachOnly, .record), ["", "ru", "ru", "", "", "", ""]),
        ("a private trial's summary", trial(.coachOnly, .summary), ["", "r", "r", "", "", "", ""]),
        ("a shared trial's record", trial(.sharedSummary, .record), ["", "ru", "ru", "", "", "", ""]),
        ("a shared trial's summary", trial(.sharedSummary, .summary), ["", "r", "r", "", "r", "r", ""]),
        ("the adoption view", .adoption(north), ["", "", "", "", "r", "r", ""]),
    ]

    static let rows = PolicyTableRow.rows(people: people, table: table)

    @Test(arguments: rows)
    func access(_ row: PolicyTableRow) {
        // run and check
        #expect(Policy.can(row.actor, row.action, row.resource) == row.expected)
    }

    @Test func aDeactivatedAdminMayDoNothingWithTools() {
        // setup
        var admin = Self.actor("admin", [.districtAdmin])
        admin.isActive = false
        // run and check
        #expect(!Policy.can(admin, .read, .tools(Self.north)))
        #expect(!Policy.can(admin, .update, Self.tool(.proposed)))
    }
}
