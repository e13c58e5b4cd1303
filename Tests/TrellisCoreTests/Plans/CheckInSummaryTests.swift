import Testing
import TrellisCore

/// The follow-through answers the home page and the "gone quiet" scan rely on.
@Suite struct CheckInSummaryTests {
    static let fluency = Goal.ID("goal-fluency"), family = Goal.ID("goal-family")

    static func checkIn(_ id: String, _ iso: String, _ progress: [(Goal.ID, GoalProgressLevel)]) -> CheckIn {
        CheckIn(id: .init(id), date: SamplePlans.date(iso), progress: progress.map { GoalProgress(goalID: $0.0, level: $0.1) },
                whatHappened: "Ran groups", whatsNext: "Regroup", obstacles: "Testing week")
    }

    static let checkIns = [
        checkIn("c1", "2026-10-01", [(fluency, .gettingStarted), (family, .notYetStarted)]),
        checkIn("c3", "2026-11-20", [(fluency, .makingProgress)]),
        checkIn("c2", "2026-11-02", [(fluency, .gettingStarted), (family, .gettingStarted)]),
    ]

    @Test func daysSinceTheLatestCheckIn() {
        // setup
        let today = SamplePlans.date("2026-12-01")

        // run
        let days = CheckInSummary.daysSinceLastCheckIn(Self.checkIns, today: today)

        // check: the latest is November 20 even though it is not last in the list
        #expect(days == 11)
        #expect(CheckInSummary.daysSinceLastCheckIn(Self.checkIns, today: SamplePlans.date("2026-11-20")) == 0)
        #expect(CheckInSummary.daysSinceLastCheckIn([], today: today) == nil)
    }

    @Test func checkInsAfterTodayAreNotYetWritten() {
        // setup: looking back from November 10, as a job run with an earlier clock would
        let today = SamplePlans.date("2026-11-10")

        // run
        let latest = CheckInSummary.latestCheckIn(Self.checkIns, asOf: today)
        let days = CheckInSummary.daysSinceLastCheckIn(Self.checkIns, today: today)
        let beforeAny = CheckInSummary.daysSinceLastCheckIn(Self.checkIns, today: SamplePlans.date("2026-09-30"))

        // check
        #expect(latest?.id == .init("c2"))
        #expect(days == 8)
        #expect(beforeAny == nil)
    }

    @Test func sameDayCheckInsPreferTheOneRecordedLater() {
        // setup
        let first = Self.checkIn("a", "2027-01-10", [(Self.fluency, .gettingStarted)])
        let second = Self.checkIn("b", "2027-01-10", [(Self.fluency, .makingProgress)])

        // run
        let latest = CheckInSummary.latestCheckIn([first, second], asOf: SamplePlans.date("2027-01-10"))

        // check
        #expect(latest?.id == .init("b"))
    }

    @Test func nextDueStepIsTheEarliestNotDone() {
        // setup: goal 1's first step is done; goal 2's step is due earlier than goal 1's second
        let goals = [SamplePlans.fluencyGoal(), SamplePlans.familyGoal()]

        // run
        let next = CheckInSummary.nextDueActionStep(in: goals)

        // check
        #expect(next?.step.what == "Make a contact log")
        #expect(next?.goalNumber == 2)
        #expect(next?.goalID == Self.family)
        #expect(next?.step.isOverdue(on: SamplePlans.date("2026-09-16")) == true)
        #expect(next?.step.isOverdue(on: SamplePlans.date("2026-09-15")) == false)
    }

    @Test func tiesGoToTheEarlierGoalAndUndatedStepsComeLast() {
        // setup
        let sameDay = SamplePlans.date("2026-10-01")
        let goals = [
            Goal(id: .init("a"), statement: "A", actionSteps: [
                ActionStep(id: .init("a-undated"), what: "Read a book on fluency"),
                ActionStep(id: .init("a-dated"), what: "Plan groups", dueDate: sameDay),
            ]),
            Goal(id: .init("b"), statement: "B", actionSteps: [
                ActionStep(id: .init("b-blank"), what: "", dueDate: SamplePlans.date("2026-09-01")),
                ActionStep(id: .init("b-dated"), what: "Call families", dueDate: sameDay),
            ]),
        ]
        var allDone = goals
        for goalIndex in allDone.indices {
            for stepIndex in allDone[goalIndex].actionSteps.indices where allDone[goalIndex].actionSteps[stepIndex].dueDate != nil {
                allDone[goalIndex].actionSteps[stepIndex].status = .done
            }
        }

        // run
        let next = CheckInSummary.nextDueActionStep(in: goals)
        let onlyUndatedLeft = CheckInSummary.nextDueActionStep(in: allDone)
        let nothingLeft = CheckInSummary.nextDueActionStep(in: [])

        // check
        #expect(next?.step.id == .init("a-dated"))
        #expect(onlyUndatedLeft?.step.id == .init("a-undated"))
        #expect(onlyUndatedLeft?.step.isOverdue(on: SamplePlans.date("2030-01-01")) == false)
        #expect(nothingLeft == nil)
    }

    @Test func progressPerGoalFromItsLatestReport() {
        // setup
        var plan = SamplePlans.completePlan(status: .active)
        plan.checkIns = Self.checkIns

        // run
        let progress = plan.progressByGoal(asOf: SamplePlans.date("2026-12-01"))
        let earlier = plan.progressByGoal(asOf: SamplePlans.date("2026-10-15"))
        let beforeAny = plan.progressByGoal(asOf: SamplePlans.date("2026-09-01"))

        // check: the November 20 check-in skipped goal 2, so its level comes from November 2
        #expect(progress == [
            GoalProgressSummary(goalID: Self.fluency, goalNumber: 1, level: .makingProgress, reportedOn: SamplePlans.date("2026-11-20")),
            GoalProgressSummary(goalID: Self.family, goalNumber: 2, level: .gettingStarted, reportedOn: SamplePlans.date("2026-11-02")),
        ])
        #expect(earlier.map(\.level) == [.gettingStarted, .notYetStarted])
        #expect(beforeAny.map(\.level) == [nil, nil])
        #expect(plan.daysSinceLastCheckIn(today: SamplePlans.date("2026-12-01")) == 11)
        #expect(plan.nextDueActionStep?.goalNumber == 2)
    }

    @Test func progressScaleReadsInOrder() {
        // run, check
        #expect(GoalProgressLevel.allCases.map(\.label) == ["Not yet started", "Getting started", "Making progress", "Met or exceeded"])
        #expect(GoalProgressLevel.allCases.map(\.step) == [1, 2, 3, 4])
        #expect(GoalProgressLevel.gettingStarted < .metOrExceeded)
    }
}
