import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices

/// With the default frameworks per role, each kind of educator is first offered standards of their own role.
@Suite struct SuggestionsByRoleTests {
    @Test func aTeachersWritingGoalIsOfferedTeacherCriteriaFirst() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let goal = "By May, 80% of my 7th-grade students will write argument essays that state a claim and support it with evidence; "
                + "I will model each step of the writing process and give feedback on drafts."
            // run
            let suggestions = try await standards.suggestions(Actor(districts.north.educator), for: goal)
            // check: no coaching standard, and a teacher criterion first
            #expect(suggestions.first?.standard.code.hasPrefix("WA-T-") == true, "\(suggestions.map(\.standard.code))")
            #expect(!suggestions.contains { $0.standard.code.hasPrefix("ISTE") })
        }
    }

    @Test func aCoachsCoPlanningGoalIsOfferedTheCollaboratorIndicators() async throws {
        try await TestDatabase.with { database in
            // setup: the coach also teaches, so both frameworks apply
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let goal = "I will co-plan and model lessons that use technology with each teacher I coach, personalizing my support to their goals, "
                + "and meet each of them every two weeks."
            // run
            let suggestions = try await standards.suggestions(Actor(districts.north.coach), for: goal)
            // check
            #expect(suggestions.first?.standard.code.hasPrefix("ISTE-C-3") == true, "\(suggestions.map(\.standard.code))")
        }
    }

    @Test func aPrincipalsStaffGoalIsOfferedPrincipalCriteria() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let standards = StandardsService(districts.environment)
            let goal = "I will protect weekly PLC time and use classroom observations in staff evaluations to give every teacher "
                + "feedback on instruction and assessment practices."
            // run
            let suggestions = try await standards.suggestions(Actor(districts.north.leader), for: goal)
            // check
            #expect(suggestions.first?.standard.code.hasPrefix("WA-P-") == true, "\(suggestions.map(\.standard.code))")
            #expect(suggestions.allSatisfy { $0.standard.code.hasPrefix("WA-P-") })
        }
    }

    @Test func theDefaultsGiveEachRoleItsOwnFramework() {
        // run + check
        #expect(StandardsService.defaultRoleAssignments[.educator] == ["wa-teacher-criteria"])
        #expect(StandardsService.defaultRoleAssignments[.coach] == ["iste-coaches"])
        #expect(StandardsService.defaultRoleAssignments[.leader] == ["wa-principal-criteria"])
    }
}
