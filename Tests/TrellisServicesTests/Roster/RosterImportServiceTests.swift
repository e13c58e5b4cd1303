import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct RosterImportServiceTests {
    /// A new person at a new school, a name and roles change, someone already as written, and a deactivation.
    static let mixedFile = """
        email,name,roles,school,active
        new.person@north.example,Nia New,educator;coach,Cedar Middle,yes
        teacher@north.example,Zoë Ångström-Berg,Educator; leader,,
        coach@north.example,Cam Coach,coach;educator,North Valley Schools Elementary,yes
        principal@north.example,,,,no

        """

    @Test func aDryRunListsEveryOutcomeAndWritesNothing() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let scope = OrganizationScope(database, organizationID: districts.north.organization.id)
            let peopleBefore = try await scope.people.count(), eventsBefore = try await scope.audit.count()
            // run
            let plan = try await roster.preview(Actor(districts.north.admin), csv: Self.mixedFile)
            // check
            #expect(plan.rowCount == 4 && plan.problems.isEmpty)
            #expect(plan.creates.map(\.email.value) == ["new.person@north.example"])
            #expect(plan.creates.first?.changes.map(\.new) == ["Nia New", "Educator, Coach", "Cedar Middle"])
            #expect(plan.newSchools == ["Cedar Middle"])
            let teacher = try #require(plan.updates.first { $0.email.value == "teacher@north.example" })
            #expect(teacher.changes.map { "\($0.column.rawValue): \($0.old) → \($0.new)" }
                    == ["name: Zoë Ångström → Zoë Ångström-Berg", "roles: Educator → Educator, Leader"])
            let principal = try #require(plan.updates.first { $0.email.value == "principal@north.example" })
            #expect(principal.deactivates && principal.changes.map(\.new) == ["Deactivated"])
            #expect(plan.unchanged == 1 && plan.changeCount == 4 && plan.deactivations == 1 && plan.canApply)
            #expect(try await scope.people.count() == peopleBefore)
            #expect(try await scope.schools.all().count == 2)
            #expect(try await scope.audit.count() == eventsBefore)
        }
    }

    @Test func applyingWritesThePlanInOneGoAndAuditsIt() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let admin = Actor(districts.north.admin)
            let scope = OrganizationScope(database, organizationID: districts.north.organization.id)
            let plan = try await roster.preview(admin, csv: Self.mixedFile)
            // run
            let result = try await roster.apply(admin, csv: Self.mixedFile, expecting: plan.digest, source: "hr.csv", address: "10.0.0.1")
            // check
            let added = try #require(result.created.first)
            let stored = try #require(try await scope.people.find(added.id))
            let cedar = try #require(try await scope.schools.all().first { $0.name == "Cedar Middle" })
            #expect(stored.displayName == "Nia New" && stored.roles == [.educator, .coach] && stored.schoolID == cedar.id && stored.isActive)
            #expect(try await scope.people.passwordHash(of: added.id) == nil, "a new person chooses their password through a one-time link")
            let teacher = try #require(try await scope.people.find(districts.north.educator.id))
            #expect(teacher.displayName == "Zoë Ångström-Berg" && teacher.roles == [.educator, .leader])
            #expect(teacher.schoolID == districts.north.school.id, "a blank school cell leaves the school as it was")
            #expect(try await scope.people.find(districts.north.leader.id)?.isActive == false)
            let events = try await scope.audit.recent()
            let summary = try #require(events.first { $0.kind == .rosterImported })
            #expect(summary.detail == "1 added, 2 changed (1 deactivated), 1 school added, 1 unchanged from hr.csv")
            #expect(summary.actorID == districts.north.admin.id && summary.address == "10.0.0.1")
            for kind in [AuditEvent.Kind.personCreated, .personUpdated, .rolesChanged, .personDeactivated, .schoolCreated] {
                #expect(events.contains { $0.kind == kind }, "\(kind) is audited as an admin's own edit would be")
            }
            // The same file again changes nothing more.
            let again = try await roster.preview(admin, csv: Self.mixedFile)
            #expect(again.changeCount == 0 && again.unchanged == 4 && !again.canApply)
        }
    }

    @Test func applyingRefusesWhatTheAdminDidNotSee() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let admin = Actor(districts.north.admin)
            let scope = OrganizationScope(database, organizationID: districts.north.organization.id)
            let plan = try await roster.preview(admin, csv: Self.mixedFile)
            var edit = PersonForm(districts.north.educator)
            edit.displayName = "Zoë Renamed"
            _ = try await PeopleService(districts.environment).update(admin, districts.north.educator.id, edit)
            let peopleBefore = try await scope.people.count()
            // run + check: someone changed a person of the file after the dry run
            await #expect(throws: ServiceError.conflict(RosterImportService.planChanged)) {
                try await roster.apply(admin, csv: Self.mixedFile, expecting: plan.digest)
            }
            #expect(try await scope.people.count() == peopleBefore, "nothing of the plan was written")
            #expect(try await scope.schools.all().count == 2)
            // run + check: a second click after the first applied
            let fresh = try await roster.preview(admin, csv: Self.mixedFile)
            _ = try await roster.apply(admin, csv: Self.mixedFile, expecting: fresh.digest)
            await #expect(throws: ServiceError.conflict(RosterImportService.planChanged)) {
                try await roster.apply(admin, csv: Self.mixedFile, expecting: fresh.digest)
            }
            #expect(try await scope.people.count() == peopleBefore + 1)
        }
    }

    @Test func everyRowsMistakesAreListedAndNothingIsApplied() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let admin = Actor(districts.north.admin)
            let scope = OrganizationScope(database, organizationID: districts.north.organization.id)
            let file = """
                email,name,roles,active
                fine@north.example,Fine Person,educator,
                not-an-email,Someone,educator,
                two@north.example,Two,superuser,maybe
                fine@north.example,Fine Again,educator,
                teacher@south.example,From South,educator,
                nameless@north.example,,educator,
                ,Nobody,coach,
                """
            let peopleBefore = try await scope.people.count()
            // run
            let plan = try await roster.preview(admin, csv: file)
            // check
            #expect(plan.problems.map { "\($0.row) \($0.column ?? "-")" }
                    == ["3 email", "4 roles", "4 active", "5 email", "6 email", "7 name", "8 email"])
            #expect(plan.problems[0].message.contains("not-an-email"))
            #expect(plan.problems[1].message.contains("“superuser” is not a role"))
            #expect(plan.problems[3].message.contains("also on row 2"))
            #expect(plan.problems[4].message.contains("outside your district"))
            #expect(!plan.canApply && plan.creates.count == 1)
            await #expect(throws: FieldErrors.self) { try await roster.apply(admin, csv: file, expecting: plan.digest) }
            #expect(try await scope.people.count() == peopleBefore)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            #expect(try await south.people.find(districts.south.educator.id)?.displayName == districts.south.educator.displayName)
        }
    }

    @Test func aFileThatIsNotARosterIsRefusedAsAWhole() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let admin = Actor(districts.north.admin)
            func message(_ csv: String) async -> String? {
                do { _ = try await roster.preview(admin, csv: csv); return nil } catch { return (error as? FieldErrors)?["csv"] }
            }
            // run + check
            #expect(await message("email,employee_id,Department\na@north.example,1,x\n")?.contains("“employee_id”, “department”") == true)
            #expect(await message("name,roles\nAna,educator\n")?.contains("no email column") == true)
            #expect(await message("email,name,email\n")?.contains("more than once") == true)
            #expect(await message("email,name\na@north.example,\"Ana\n")?.contains("Row 2") == true)
            #expect(await message("") != nil)
            let large = "email,name\n" + String(repeating: "someone@north.example,Some One\n", count: 200_000)
            #expect(await message(large)?.contains("5 MB") == true)
        }
    }

    @Test func onlyDistrictAdminsImportAndAdminsCannotDemoteThemselves() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let file = "email,roles,active\nadmin@north.example,educator,no\n"
            // run + check
            for person in [districts.north.leader, districts.north.educator, districts.north.coach] {
                await #expect(throws: ServiceError.forbidden) { try await roster.preview(Actor(person), csv: file) }
                await #expect(throws: ServiceError.forbidden) { try await roster.apply(Actor(person), csv: file, expecting: "") }
            }
            let plan = try await roster.preview(Actor(districts.north.admin), csv: file)
            #expect(plan.problems.map(\.column) == ["roles", "active"])
        }
    }

    @Test func schoolsAreMatchedByNameWithinTheDistrictOnly() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let roster = RosterImportService(districts.environment)
            let file = """
                email,name,roles,school
                a@north.example,Ana,educator,  north valley schools   HIGH
                b@north.example,Ben,educator,South Sound District Elementary
                c@north.example,Cy,educator,south sound district elementary
                """
            // run
            let plan = try await roster.preview(Actor(districts.north.admin), csv: file)
            // check
            #expect(plan.creates[0].changes.last?.new == "North Valley Schools High", "case and spaces do not make a new school")
            #expect(plan.newSchools == ["South Sound District Elementary"], "another district's school is not this one's, and is added once")
        }
    }
}
