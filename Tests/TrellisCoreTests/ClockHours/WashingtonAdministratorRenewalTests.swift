import Testing
import TrellisCore

/// Washington's administrator renewal (10% equity, 10% leadership, 5% tribal relations), who
/// follows it, and one PGP counting for every certificate a person holds.
@Suite struct WashingtonAdministratorRenewalTests {
    typealias F = RenewalFixtures

    static let principal = F.certificate(.administrator, id: "cert-admin", expires: "2029-06-30")

    @Test func administratorPercentagesOfRequiredHours() {
        // setup: 100 hours with 2.5 in equity, 10 in leadership, 5 in tribal relations
        let ledger = [
            F.recorded(82.5), F.recorded(2.5, [.equityBasedPractice]),
            F.recorded(10, [.leadership]), F.recorded(5, [.tribalRelations]),
        ]

        // run
        let progress = F.evaluate(Self.principal, ledger, rules: .washingtonAdministrator)

        // check
        #expect(progress.focusCategories == [.equityBasedPractice, .leadership, .tribalRelations])
        #expect(progress.focus(.equityBasedPractice)?.requiredHours == ClockHours(10))
        #expect(progress.focus(.leadership)?.isMet == true)
        #expect(progress.focus(.tribalRelations)?.requiredHours == ClockHours(5))
        #expect(progress.focus(.tribalRelations)?.isMet == true)
        #expect(progress.stillNeeded == ["7.5 more hours in equity-based practice before June 30, 2029"])
    }

    @Test func anAdministratorsGoalDoesNotStandInForHours() {
        // setup: Washington lets goals stand in for a teacher's equity hours, not an administrator's
        let ledger = [F.pgp(2025), F.recorded(55), F.recorded(10, [.leadership]), F.recorded(10, [.tribalRelations, .equityBasedPractice])]

        // run
        let progress = F.evaluate(Self.principal, ledger, goals: [F.goal(of: "plan-2025", .equityBasedPractice)],
                                  rules: .washingtonAdministrator)

        // check: one entry tagged with two areas counts toward both
        #expect(progress.isMet)
        #expect(progress.focus(.equityBasedPractice)?.isMetByGrowthPlanGoal == false)
        #expect(progress.focus(.equityBasedPractice)?.countedHours == ClockHours(10))
    }

    @Test func personWithTeacherAndAdministratorCertificatesFollowsTheAdministratorRule() throws {
        // setup
        let teacher = F.certificate(.professionalTeacher, id: "cert-teacher")
        let held = [teacher, Self.principal]
        let lapsedPrincipal = F.certificate(.administrator, id: "cert-old-admin", expires: "2026-06-30")

        // run
        let both = RenewalRuleSet.governing(teacher, heldCertificates: held, among: RenewalRuleSet.washingtonDefaults, today: F.today)
        let onlyTeacher = RenewalRuleSet.governing(teacher, heldCertificates: [teacher], among: RenewalRuleSet.washingtonDefaults, today: F.today)
        let lapsed = RenewalRuleSet.governing(teacher, heldCertificates: [teacher, lapsedPrincipal],
                                              among: RenewalRuleSet.washingtonDefaults, today: F.today)
        let principalsOwn = RenewalRuleSet.governing(Self.principal, heldCertificates: held, among: RenewalRuleSet.washingtonDefaults, today: F.today)
        let progress = F.evaluate(teacher, [F.recorded(100)], rules: try #require(both))

        // check
        #expect(both == .washingtonAdministrator)
        #expect(onlyTeacher == .washingtonTeacher)
        #expect(lapsed == .washingtonTeacher)
        #expect(principalsOwn == .washingtonAdministrator)
        #expect(progress.focusCategories == [.equityBasedPractice, .leadership, .tribalRelations])
        #expect(progress.focus(.equityBasedPractice)?.requiredHours == ClockHours(10))
    }

    @Test func onePlanCountsForEveryCertificate() {
        // setup: one ledger, two certificates
        let teacher = F.certificate(.professionalTeacher, id: "cert-teacher")
        let ledger = [F.pgp(2025), F.recorded(10, [.equityBasedPractice, .leadership])]

        // run
        let asTeacher = F.evaluate(teacher, ledger, rules: .washingtonTeacher)
        let asPrincipal = F.evaluate(Self.principal, ledger, rules: .washingtonAdministrator)

        // check
        #expect(asTeacher.countedGrowthPlans.map(\.planID) == [GrowthPlan.ID("plan-2025")])
        #expect(asPrincipal.countedGrowthPlans.map(\.planID) == [GrowthPlan.ID("plan-2025")])
        #expect(asTeacher.countedHours == ClockHours(35))
        #expect(asPrincipal.countedHours == ClockHours(35))
    }

    @Test func noRuleSetForATypeIsNil() {
        // setup: a district that kept only the teacher rules
        let esa = F.certificate(.educationalStaffAssociate, id: "cert-esa")

        // run
        let rules = RenewalRuleSet.governing(esa, heldCertificates: [esa], among: [.washingtonTeacher], today: F.today)

        // check
        #expect(rules == nil)
    }
}
