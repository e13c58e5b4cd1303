import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// Cohorts, visioning, themes, PLCs, links and notes on both databases.
@Suite struct CohortStoreTests {
    static let day = CalendarDate(year: 2026, month: 9, day: 15)!

    static func cohort(_ district: TestDistricts.District) -> Cohort {
        Cohort(id: .init("cohort-\(district.organization.id)"), organizationID: district.organization.id, name: "Digital Learning Cohort",
               facilitatorID: district.coach.id, schoolYear: SchoolYear(startingIn: 2026),
               members: [CohortMember(personID: district.educator.id, role: "teacher"),
                         CohortMember(personID: district.leader.id, role: "building leader")])
    }

    @Test func aCohortIsFoundByItsPeopleOnlyInItsDistrictAndAStaleSaveIsRefused() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let store = OrganizationScope(database, organizationID: north.organization.id).cohorts
            var cohort = Self.cohort(north)
            // run
            try await store.create(cohort, at: now)
            cohort.setMember(north.colleague.id, role: "trainer")
            try await store.update(cohort, expecting: 1)
            // check
            #expect(try await store.find(cohort.id)?.cohort.members.count == 3)
            #expect(try await store.find(cohort.id)?.version == 2)
            #expect(try await store.cohorts(of: north.colleague.id).map(\.cohort.id) == [cohort.id])
            #expect(try await store.cohorts(of: north.coach.id).map(\.cohort.id) == [cohort.id], "the facilitator's too")
            #expect(try await store.cohorts(of: north.admin.id).isEmpty)
            #expect(try await store.isInAnyCohort(north.leader.id))
            #expect(try await !store.isInAnyCohort(north.admin.id))
            await #expect(throws: CohortStore.Conflict.self) { try await store.update(cohort, expecting: 1) }
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).cohorts
            #expect(try await south.find(cohort.id) == nil)
            await #expect(throws: StoreError.self) { try await south.update(cohort, expecting: 2) }
        }
    }

    @Test func stakeholderRolesStartFromTheDefaultsAndTheDistrictKeepsItsOwn() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let store = OrganizationScope(database, organizationID: districts.north.organization.id).cohorts
            // run
            let before = try await store.stakeholderRoles()
            try await store.setStakeholderRoles(["teacher", "librarian"])
            // check
            #expect(before == StakeholderRoles.defaults)
            #expect(try await store.stakeholderRoles() == ["teacher", "librarian"])
            #expect(try await OrganizationScope(database, organizationID: districts.south.organization.id).cohorts.stakeholderRoles()
                    == StakeholderRoles.defaults)
        }
    }

    @Test func anAnonymousStatementStoresNoAuthorAnywhere() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let cohort = Self.cohort(north)
            try await scope.cohorts.create(cohort, at: districts.clock.now())
            let round = VisioningRound(id: .init("round"), cohortID: cohort.id, prompt: "Three years from now", openedOn: Self.day)
            try await scope.visioning.create(round)
            // run
            try await scope.visioning.add(VisioningStatement(id: .init("named"), roundID: round.id, kind: .current, text: "Devices sit idle",
                                                             authorID: north.educator.id, postedOn: Self.day), in: cohort.id)
            try await scope.visioning.add(VisioningStatement(id: .init("anonymous"), roundID: round.id, kind: .ideal, text: "Every student creates",
                                                             authorID: nil, postedOn: Self.day), in: cohort.id)
            // check
            let statements = try await scope.visioning.statements(of: cohort.id)
            #expect(Set(statements.map(\.id.rawValue)) == ["named", "anonymous"])
            #expect(statements.first { $0.id.rawValue == "anonymous" }?.authorID == nil)
            let row = try await database.withSQL { db in
                try await db.raw("SELECT * FROM visioning_statements WHERE id = 'anonymous'").first()
            }
            let values = try #require(row).allColumns.compactMap { try? row?.decode(column: $0, as: String?.self) }
            #expect(!values.contains(north.educator.id.rawValue))
            #expect(try await scope.visioning.close(round.id, of: cohort.id, on: Self.day))
            #expect(try await !scope.visioning.close(round.id, of: cohort.id, on: Self.day), "closed once")
            #expect(try await scope.visioning.rounds(of: cohort.id).first?.isOpen == false)
            #expect(try await !scope.visioning.remove(.init("anonymous"), by: north.educator.id), "nobody can claim it")
            #expect(try await scope.visioning.remove(.init("named"), by: north.educator.id))
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            #expect(try await south.visioning.statements(of: cohort.id).isEmpty)
        }
    }

    @Test func themesKeepTheirOrderAndPLCsTheirLinksAndNotes() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let cohort = Self.cohort(north)
            try await scope.cohorts.create(cohort, at: now)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: now)
            // run
            try await scope.visioning.save(Theme(id: .init("t2"), cohortID: cohort.id, title: "Second", studentOutcome: "B"), position: 1)
            try await scope.visioning.save(Theme(id: .init("t1"), cohortID: cohort.id, title: "First", studentOutcome: "A"), position: 0)
            try await scope.visioning.save(Theme(id: .init("t1"), cohortID: cohort.id, title: "First, renamed", studentOutcome: "A"), position: 0)
            var plc = PLC(id: .init("plc"), cohortID: cohort.id, name: "Elementary team", memberIDs: [north.educator.id, north.leader.id])
            try await scope.plcs.create(plc, at: now)
            plc.goal = GroupGoal(statement: "Every student publishes a project")
            try await scope.plcs.update(plc, expecting: 1)
            let link = GoalLink(plcID: plc.id, personID: north.educator.id, planID: plan.id, goalID: plan.goals[0].id, linkedOn: Self.day)
            try await scope.plcs.link(link, in: cohort.id)
            try await scope.plcs.link(link, in: cohort.id)
            try await scope.plcs.save(PLCMeetingNote(id: .init("n1"), plcID: plc.id, meetingOn: Self.day, listening: "Stretched thin"))
            try await scope.plcs.save(PLCMeetingNote(id: .init("n2"), plcID: plc.id, meetingOn: Self.day, decisions: "Showcase in May",
                                                     visibility: .sharedWithEducator))
            // check
            #expect(try await scope.visioning.themes(of: cohort.id).map(\.title) == ["First, renamed", "Second"])
            #expect(try await scope.plcs.plcs(of: cohort.id).map(\.plc.goal?.statement) == ["Every student publishes a project"])
            await #expect(throws: PLCStore.Conflict.self) { try await scope.plcs.update(plc, expecting: 1) }
            #expect(try await scope.plcs.links(in: cohort.id) == [link], "one link per person per PLC")
            #expect(try await scope.plcs.notes(of: plc.id, includingPrivate: false).map(\.id.rawValue) == ["n2"])
            #expect(try await scope.plcs.notes(of: plc.id, includingPrivate: true).count == 2)
            try await scope.plcs.unlink(north.educator.id, from: plc.id)
            #expect(try await scope.plcs.links(in: cohort.id).isEmpty)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id)
            #expect(try await south.plcs.find(plc.id) == nil)
            #expect(try await south.visioning.themes(of: cohort.id).isEmpty)
            #expect(try await south.plcs.notes(of: plc.id, includingPrivate: true).isEmpty)
        }
    }

    @Test func theCohortPagesReadsAreReusedUntilThisProcessWritesToTheCohort() async throws {
        try await TestDatabase.with(recentReads: .seconds(60)) { database in
            // setup: the themes read once; then another instance adds one behind this one's back
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let cohort = Self.cohort(north)
            try await scope.cohorts.create(cohort, at: districts.clock.now())
            #expect(try await scope.visioning.themes(of: cohort.id, recent: true).isEmpty)
            try await database.execute("""
                INSERT INTO cohort_themes (id, organization_id, cohort_id, position, document)
                VALUES ('elsewhere', \(bind: north.organization.id.rawValue), \(bind: cohort.id.rawValue), 5,
                        \(bind: try DocumentJSON.encode(Theme(id: .init("elsewhere"), cohortID: cohort.id, title: "Elsewhere", studentOutcome: "A"))))
                """)
            // run + check: the kept answer stands (no query) until a write here forgets it; a change's read never reuses
            #expect(try await scope.visioning.themes(of: cohort.id, recent: true).isEmpty)
            #expect(try await scope.visioning.themes(of: cohort.id).count == 1)
            try await scope.visioning.save(Theme(id: .init("here"), cohortID: cohort.id, title: "Here", studentOutcome: "B"), position: 0)
            #expect(try await scope.visioning.themes(of: cohort.id, recent: true).map(\.title) == ["Here", "Elsewhere"])
        }
    }
}
