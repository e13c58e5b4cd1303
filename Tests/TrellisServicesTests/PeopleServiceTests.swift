import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct PeopleServiceTests {
    @Test func addingAPersonGivesALinkThatSetsTheirPasswordOnce() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = PeopleService(districts.environment)
            let accounts = AccountService(districts.environment)
            let admin = Actor(districts.north.admin)
            // run
            let (person, link) = try await people.create(admin, PersonForm(displayName: " Siobhán Ó Ceallaigh ", email: "Siobhan@North.example",
                                                                           schoolID: districts.north.school.id.rawValue, roles: ["educator", "coach"]))
            try await accounts.completePasswordReset(token: link.token, new: "my own passphrase", confirmation: "my own passphrase", address: "a")
            // check
            #expect(person.displayName == "Siobhán Ó Ceallaigh")
            #expect(person.email.value == "siobhan@north.example")
            #expect(person.roles == [.educator, .coach])
            _ = try await accounts.signIn(email: "siobhan@north.example", password: "my own passphrase", address: "a")
            await #expect(throws: ServiceError.notFound) {
                try await accounts.completePasswordReset(token: link.token, new: "another passphrase", confirmation: "another passphrase", address: "a")
            }
            let kinds = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent().map(\.kind)
            #expect(kinds.contains(.personCreated) && kinds.contains(.passwordResetCompleted))
        }
    }

    @Test func badInputIsReportedPerField() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = PeopleService(districts.environment)
            let admin = Actor(districts.north.admin)
            func errors(_ form: PersonForm) async -> FieldErrors? {
                do { _ = try await people.create(admin, form); return nil } catch { return error as? FieldErrors }
            }
            // run + check
            let empty = await errors(PersonForm(displayName: "  ", email: "", roles: []))
            #expect(empty?["display_name"] != nil && empty?["email"] != nil && empty?["roles"] != nil)
            #expect(await errors(PersonForm(displayName: "A", email: "not-an-email", roles: ["educator"]))?["email"]?.contains("like name@school.org") == true)
            #expect(await errors(PersonForm(displayName: "A", email: "teacher@north.example", roles: ["educator"]))?["email"]?.contains("already") == true)
            #expect(await errors(PersonForm(displayName: "A", email: "teacher@south.example", roles: ["educator"]))?["email"]?.contains("already") == true)
            #expect(await errors(PersonForm(displayName: "A", email: "a@north.example", schoolID: districts.south.school.id.rawValue, roles: ["educator"]))?["school_id"] != nil,
                    "a school of another district cannot be chosen")
            #expect(await errors(PersonForm(displayName: "A", email: "a@north.example", roles: ["superuser"]))?["roles"] != nil)
        }
    }

    @Test func rolesChangesAreAuditedAndAdminsCannotChangeTheirOwn() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = PeopleService(districts.environment)
            let admin = Actor(districts.north.admin)
            var form = PersonForm(districts.north.educator)
            form.roles = ["educator", "leader"]
            // run
            let updated = try await people.update(admin, districts.north.educator.id, form)
            // check
            #expect(updated.roles == [.educator, .leader])
            let event = try await OrganizationScope(database, organizationID: districts.north.organization.id).audit.recent().first
            #expect(event?.kind == .rolesChanged)
            #expect(event?.detail == "Educator → Educator, Leader")
            var own = PersonForm(districts.north.admin)
            own.roles = ["educator"]
            await #expect(throws: FieldErrors.self) { try await people.update(admin, districts.north.admin.id, own) }
        }
    }

    @Test func deactivatedPeopleCannotSignInAndKeepTheirRecord() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = PeopleService(districts.environment)
            let accounts = AccountService(districts.environment)
            let teacher = districts.north.educator
            let session = try await accounts.signIn(email: teacher.email.value, password: TestDistricts.password, address: "a")
            // run
            _ = try await people.setActive(Actor(districts.north.admin), teacher.id, active: false)
            // check
            await #expect(throws: AccountService.SignInError.deactivated) {
                try await accounts.signIn(email: teacher.email.value, password: TestDistricts.password, address: "a")
            }
            #expect(try await accounts.resume(personID: teacher.id, organizationID: teacher.organizationID, credentialVersion: session.credentialVersion) == nil)
            #expect(try await people.find(Actor(districts.north.admin), teacher.id).isActive == false)
            await #expect(throws: ServiceError.forbidden) {
                try await people.setActive(Actor(districts.north.admin), districts.north.admin.id, active: false)
            }
        }
    }

    @Test func nothingOfAnotherDistrictCanBeReachedByItsId() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let people = PeopleService(districts.environment)
            let northAdmin = Actor(districts.north.admin)
            let southTeacher = districts.south.educator.id
            // run + check
            await #expect(throws: ServiceError.notFound) { try await people.find(northAdmin, southTeacher) }
            await #expect(throws: ServiceError.notFound) { try await people.setActive(northAdmin, southTeacher, active: false) }
            await #expect(throws: ServiceError.notFound) { try await people.issuePasswordReset(northAdmin, southTeacher) }
            await #expect(throws: ServiceError.notFound) { try await people.update(northAdmin, southTeacher, PersonForm(districts.south.educator)) }
            await #expect(throws: ServiceError.notFound) { try await SchoolService(districts.environment).rename(northAdmin, school: districts.south.school.id, to: "X") }
            #expect(try await PeopleService(districts.environment).find(Actor(districts.south.admin), southTeacher).isActive)
        }
    }

    @Test func nonAdminsCannotManagePeopleOrSchools() async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let teacher = Actor(districts.north.educator)
            await #expect(throws: ServiceError.forbidden) { try await PeopleService(districts.environment).list(teacher) }
            await #expect(throws: ServiceError.forbidden) { try await SchoolService(districts.environment).create(teacher, name: "Mine") }
            await #expect(throws: ServiceError.forbidden) { try await AuditService(districts.environment).page(teacher) }
        }
    }

    @Test func demoDistrictIsCreatedOnceAndGrows() async throws {
        try await TestDatabase.with { database in
            // setup
            let environment = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4))
            let demo = DemoDistrict(environment)
            // run
            let (organization, created) = try await demo.ensure()
            let (_, again) = try await demo.ensure()
            _ = try await demo.ensure(educators: 40)
            // check
            #expect(created && !again)
            let people = OrganizationScope(database, organizationID: organization.id).people
            #expect(try await people.count() == DemoDistrict.featured.count + 40)
            #expect(try await people.find(email: EmailAddress("hong.nguyen@cascade.example")!)?.displayName == "Nguyễn Thị Hồng")
            let all = try await people.all()
            #expect(Set(all.map(\.email)).count == all.count)
            // plans in the states a district sees in November
            let hong = try #require(try await people.find(email: EmailAddress("hong.nguyen@cascade.example")!))
            let plans = PlanService(environment, vault: EvidenceVault(dataDirectory: NSTemporaryDirectory()))
            let hongsPlan = try await plans.load(Actor(hong), try #require(try await plans.myPlans(Actor(hong)).first).id).plan
            #expect(hongsPlan.status == .active && hongsPlan.checkIns.count >= 3 && !hongsPlan.evidence.isEmpty)
            #expect(hongsPlan.goals.allSatisfy { !$0.alignedStandardIdentifiers.isEmpty && !$0.actionSteps.isEmpty })
            let diego = try #require(try await people.find(email: EmailAddress("diego.ramirez@cascade.example")!))
            let quiet = try await plans.load(Actor(diego), try #require(try await plans.myPlans(Actor(diego)).first).id).plan
            #expect(quiet.daysSinceLastCheckIn(today: environment.today) ?? 0 >= 40, "gone quiet for six weeks")
            let aiyana = try #require(try await people.find(email: EmailAddress("aiyana.whitehorse@cascade.example")!))
            #expect(try await plans.myPlans(Actor(aiyana)).first?.status == .draft)
            let bench = try #require(try await people.find(email: EmailAddress(DemoDistrict.benchmarkEducatorEmail)!))
            let large = try await plans.load(Actor(bench), try #require(try await plans.myPlans(Actor(bench)).first).id).plan
            #expect(large.goals.count == 5 && large.evidence.count == 20 && large.checkIns.count == 10)
            let kwame = try #require(try await people.find(email: EmailAddress("kwame.mensah@cascade.example")!))
            #expect(try await plans.sharedWithMe(Actor(kwame)).map(\.ownerID) == [diego.id])
        }
    }
}
