import Testing
import TrellisCore

/// Washington's teacher renewal: 100 clock hours in five years, or PGPs at 25 hours each (up to
/// four, one per school year), 15% in equity-based practice, STEM for STEM endorsements.
@Suite struct WashingtonTeacherRenewalTests {
    typealias F = RenewalFixtures

    @Test func allMetWithPlansAndHours() {
        // setup: two PGPs, 50 recorded hours of which 15 in equity-based practice
        let ledger = [F.pgp(2024), F.pgp(2025), F.recorded(35), F.recorded(15, [.equityBasedPractice])]

        // run
        let progress = F.evaluate(ledger)

        // check
        #expect(progress.isMet)
        #expect(progress.summary == "Renewal requirements met")
        #expect(progress.stillNeeded.isEmpty)
        #expect(progress.fraction == 1)
        #expect(progress.countedHours == ClockHours(100))
        #expect(progress.cycleStart == F.date("2024-07-01"))
    }

    @Test func hoursShortSaysHowManyHoursOrPlansAndBy() {
        // setup: 2 PGPs (one with an equity goal) and 12.5 hours: 62.5 of 100
        let ledger = [F.pgp(2024), F.pgp(2025), F.recorded(12.5)]

        // run
        let progress = F.evaluate(ledger, goals: [F.goal(of: "plan-2025", .equityBasedPractice)])

        // check
        #expect(!progress.isMet)
        #expect(progress.summary == "62.5 of 100 clock hours")
        #expect(progress.stillNeeded == ["37.5 more clock hours, or 2 more growth plans, before June 30, 2029"])
        #expect(progress.fraction == 0.625)
        #expect(progress.focus(.equityBasedPractice)?.isMetByGrowthPlanGoal == true)
    }

    @Test func plansOfferedOnlyAsFarAsSchoolYearsRemain() {
        // setup: in the cycle's last school year, no PGPs yet, 10 equity hours
        let ledger = [F.recorded(10, [.equityBasedPractice]), F.recorded(5, [.equityBasedPractice])]

        // run
        let progress = F.evaluate(ledger, today: F.date("2028-09-01"))

        // check: one school year left, so only one more PGP can count
        #expect(progress.stillNeeded == ["85 more clock hours, or 1 more growth plan and 60 more clock hours, before June 30, 2029"])
    }

    @Test func threePlansAndTwentyFiveHoursMeetTheHours() {
        // setup
        let ledger = [F.pgp(2024), F.pgp(2025), F.pgp(2026), F.recorded(25, [.equityBasedPractice])]

        // run
        let progress = F.evaluate(ledger)

        // check
        #expect(progress.isMet)
        #expect(progress.countedGrowthPlans.count == 3)
        #expect(progress.countedHours == ClockHours(100))
    }

    @Test func fourPlansMeetTheHoursAndAFifthAddsNothing() {
        // setup: a PGP every year, the first with an equity goal
        let ledger = (2024...2028).map { F.pgp($0) }

        // run
        let progress = F.evaluate(ledger, goals: [F.goal(of: "plan-2024", .equityBasedPractice)])

        // check
        #expect(progress.isMet)
        #expect(progress.countedGrowthPlans.map(\.schoolYear.startYear) == [2024, 2025, 2026, 2027])
        #expect(progress.countedHours == ClockHours(100))
    }

    @Test func secondPlanInOneSchoolYearCountsOnce() {
        // setup: two plans for 2025–26
        let ledger = [F.pgp(2025, plan: "first"), F.pgp(2025, plan: "second", verifiedOn: "2026-06-20")]

        // run
        let progress = F.evaluate(ledger)

        // check
        #expect(progress.countedGrowthPlans.map(\.planID) == [GrowthPlan.ID("first")])
        #expect(progress.countedHours == ClockHours(25))
        #expect(progress.summary == "25 of 100 clock hours")
    }

    @Test func entriesOutsideTheCycleOrOfOthersAreIgnored() {
        // setup: the cycle runs July 1, 2024 to June 30, 2029, both days included
        let ledger = [
            F.recorded(40, on: "2024-06-30"), F.recorded(1, on: "2024-07-01"),
            F.recorded(2, on: "2029-06-30"), F.recorded(40, on: "2029-07-01"),
            F.recorded(40, person: Person.ID("someone-else")),
        ]

        // run
        let progress = F.evaluate(ledger)

        // check
        #expect(progress.countedHours == ClockHours(3))
    }

    @Test func equityShortByAnExactNumber() {
        // setup: 100 hours, 7.5 of them in equity-based practice; 15% of 100 is 15
        let ledger = [F.recorded(92.5), F.recorded(7.5, [.equityBasedPractice])]

        // run
        let progress = F.evaluate(ledger)

        // check
        let equity = progress.focus(.equityBasedPractice)
        #expect(equity?.requiredHours == ClockHours(15))
        #expect(equity?.countedHours == ClockHours(hundredths: 750))
        #expect(progress.stillNeeded == [
            "7.5 more hours in equity-based practice, or a growth plan goal in equity-based practice, before June 30, 2029",
        ])
        #expect(progress.summary == "100 of 100 clock hours")
        #expect(abs(progress.fraction - 100 / 107.5) < 1e-9)
    }

    @Test func equityMetByOneTaggedGoal() {
        // setup: no equity hours, but the 2025–26 plan has a goal aligned to the CCDEI standards
        let ledger = [F.pgp(2025), F.recorded(75)]
        let goals = [F.goal(of: "plan-2025", .equityBasedPractice, .leadership), F.goal(of: "plan-other", .stem)]

        // run
        let tagged = F.evaluate(ledger, goals: goals)
        let untagged = F.evaluate(ledger, goals: [F.goal(of: "plan-2025", .leadership)])

        // check
        #expect(tagged.isMet)
        #expect(tagged.focus(.equityBasedPractice)?.isMetByGrowthPlanGoal == true)
        #expect(!untagged.isMet)
        #expect(untagged.focus(.equityBasedPractice)?.isMet == false)
    }

    @Test func stemRuleOnlyWithAStemEndorsement() {
        // setup: everything else met
        let ledger = [F.recorded(85), F.recorded(15, [.equityBasedPractice])]

        // run
        let plain = F.evaluate(F.certificate(stem: false), ledger)
        let stem = F.evaluate(F.certificate(stem: true), ledger)
        let stemByGoal = F.evaluate(F.certificate(stem: true), ledger + [F.pgp(2026)], goals: [F.goal(of: "plan-2026", .stem)])

        // check
        #expect(plain.isMet)
        #expect(!plain.focusCategories.contains(.stem))
        #expect(stem.stillNeeded == ["15 more hours in STEM integration, or a growth plan goal in STEM integration, before June 30, 2029"])
        #expect(stemByGoal.isMet)
    }

    @Test func afterExpiryTheSentenceSaysWhatWasDue() {
        // setup
        let ledger = [F.recorded(90), F.recorded(15, [.equityBasedPractice])]

        // run
        let progress = F.evaluate(F.certificate(expires: "2026-06-30"), ledger, today: F.date("2026-08-01"))

        // check: no plan can still count once the certificate has lapsed
        #expect(progress.countedHours == ClockHours(105))
        #expect(progress.isMet)
        let short = F.evaluate(F.certificate(expires: "2026-06-30"), [F.recorded(50, [.equityBasedPractice])], today: F.date("2026-08-01"))
        #expect(short.stillNeeded == ["50 more clock hours were due by June 30, 2026"])
    }
}
