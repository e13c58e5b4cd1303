import TrellisCore

/// Plans and goals the plan tests share: a third-grade teacher's fluency plan for 2026–27.
enum SamplePlans {
    static let year = SchoolYear(startingIn: 2026)

    static func date(_ iso: String) -> CalendarDate {
        CalendarDate(iso: iso)!
    }

    /// A goal as a teacher fills in every box of the form.
    static func fluencyGoal(id: String = "goal-fluency") -> Goal {
        Goal(
            id: .init(id),
            statement: "By May 15, 80% of my 3rd graders will score proficient on the district fluency benchmark, "
                + "up from 52% in September, because I will run daily 15-minute small-group fluency practice",
            studentOutcome: "My 3rd graders read grade-level text accurately and with expression",
            teacherAction: "Run daily 15-minute small-group fluency practice with repeated reading",
            measure: "District fluency benchmark (words correct per minute) in September, January and May",
            baseline: "52% proficient on the September benchmark",
            target: "80% proficient on the May benchmark",
            targetDate: date("2027-05-15"),
            alignedStandardIdentifiers: ["wa-teacher-criteria-6"],
            actionSteps: [
                ActionStep(id: .init("\(id)-step-1"), what: "Set up fluency groups from the September benchmark",
                           dueDate: date("2026-09-30"), status: .done, estimatedHours: 3),
                ActionStep(id: .init("\(id)-step-2"), what: "Coach models a repeated-reading lesson",
                           dueDate: date("2026-10-20"), supportNeeded: "Modeling from my coach", resources: "Read Naturally passages"),
            ]
        )
    }

    /// A second goal about families, complete too.
    static func familyGoal(id: String = "goal-family") -> Goal {
        Goal(
            id: .init(id),
            statement: "Every family of my students will hear from me about their child's reading progress at least twice a semester",
            studentOutcome: "Students read at home with family support",
            teacherAction: "Send a short progress note or call each family twice a semester",
            measure: "My contact log",
            baseline: "Last year I contacted about half of families once",
            target: "100% of families contacted twice a semester",
            targetDate: date("2027-06-10"),
            alignedStandardIdentifiers: ["wa-teacher-criteria-7"],
            actionSteps: [ActionStep(id: .init("\(id)-step-1"), what: "Make a contact log", dueDate: date("2026-09-15"))]
        )
    }

    static func reflection(on goalID: Goal.ID) -> GoalReflection {
        GoalReflection(goalID: goalID,
                       studentChange: "74% reached proficient in May",
                       practiceChange: "Small groups are now a daily habit",
                       evidenceThatShowsIt: "Benchmark results attached")
    }

    static func evidence(_ id: String, for goalIDs: [Goal.ID]) -> Evidence {
        Evidence(id: .init(id), content: .note("Observed small-group fluency lesson"), caption: "Coach's notes",
                 date: date("2027-01-20"), goalIDs: goalIDs)
    }

    /// A plan that meets every requirement of every move, so only the status decides.
    static func completePlan(status: PlanStatus) -> GrowthPlan {
        let fluency = fluencyGoal(), family = familyGoal()
        return GrowthPlan(
            id: .init("plan-1"), organizationID: .init("north"), ownerID: .init("teacher"), schoolYear: year,
            status: status, goals: [fluency, family],
            evidence: [evidence("evidence-1", for: [fluency.id, family.id])],
            reflection: Reflection(goals: [reflection(on: fluency.id), reflection(on: family.id)],
                                   nextSteps: "Extend small groups to comprehension"),
            sharing: PlanSharing(coachIDs: [.init("coach")])
        )
    }

    /// Everything a service can tell the lifecycle: a reviewer is named and a return note written.
    static let fullContext = PlanTransitionContext(hasReviewer: true, hasReturnNote: true)
}
