import Foundation
import TrellisCore
import TrellisStore

/// The cohort of the demo district, as in the small-group coaching Trellis was modelled on: the "Cascade Digital
/// Learning Cohort" that Zoë Ångström facilitates, with an academic technology coach, both schools' building leaders,
/// a technology support specialist, a trainer and a teacher; a finished visioning round; three emerging themes; a PLC
/// per school with a group goal and steps; and members' own goals linked so the roll-up shows real progress.
/// With generated educators, also a 30-member cohort in 5 PLCs that `script/bench` measures.
struct DemoCohorts {
    let scope: OrganizationScope
    let ids: any IdentifierSource
    let now: Date
    let plans: DemoPlans

    static let benchmarkCohortName = "Benchmark Cohort"

    static let statements: [(VisioningStatement.Kind, String, Bool)] = [
        (.current, "Students mostly use devices to watch videos and fill in worksheets.", false),
        (.current, "When a device breaks, a student can wait a week for a repair.", true),
        (.current, "Coaches, trainers and principals plan in silos and rarely meet.", false),
        (.current, "Teachers try new tools alone, after school, when they have energy left.", true),
        (.current, "Few students create projects of their own with technology.", false),
        (.current, "We all feel stretched thin.", true),
        (.ideal, "Students create videos, podcasts and projects that show what they learned.", false),
        (.ideal, "A broken device is repaired or swapped the same day.", false),
        (.ideal, "Coaches, trainers, principals and technology support plan together every month.", false),
        (.ideal, "Teachers learn new tools in their own classrooms, with a coach beside them.", true),
        (.ideal, "Every student publishes projects for an audience beyond the classroom.", false),
        (.ideal, "Support roles share one picture of what each school needs.", true),
    ]

    /// The featured people by the local part of their email, e.g. "zoe.angstrom".
    static func featuredPeople(_ scope: OrganizationScope) async throws -> [String: Person] {
        var people: [String: Person] = [:]
        for person in DemoDistrict.featured {
            if let found = try await scope.people.find(email: EmailAddress(person.email)!) {
                people[String(person.email.prefix { $0 != "@" })] = found
            }
        }
        return people
    }

    /// The featured cohort. `people` by email local part; plans are linked where the person has one this year.
    func createFeatured(_ people: [String: Person]) async throws {
        guard let zoe = people["zoe.angstrom"], let kwame = people["kwame.mensah"], let marcus = people["marcus.whitfield"],
              let siobhan = people["siobhan.oconnell"], let diego = people["diego.ramirez"], let aiyana = people["aiyana.whitehorse"],
              let hong = people["hong.nguyen"] else { return }
        let cohort = Cohort(id: ids.make(), organizationID: scope.organizationID, name: "Cascade Digital Learning Cohort", facilitatorID: zoe.id,
                            schoolYear: plans.year,
                            members: [CohortMember(personID: kwame.id, role: "academic technology coach"),
                                      CohortMember(personID: marcus.id, role: "building leader"),
                                      CohortMember(personID: siobhan.id, role: "building leader"),
                                      CohortMember(personID: diego.id, role: "technology support specialist"),
                                      CohortMember(personID: aiyana.id, role: "trainer"),
                                      CohortMember(personID: hong.id, role: "teacher")])
        try await scope.cohorts.create(cohort, at: now)
        let authors = cohort.members.map(\.personID)
        let statements = try await vision(for: cohort.id, authors: authors)
        let themes = try await themes(for: cohort.id, statements: statements)
        let cedar = PLC(id: ids.make(), cohortID: cohort.id, name: "Cedar Ridge Elementary team", memberIDs: [marcus.id, hong.id, kwame.id],
                        themeID: themes[0].id,
                        goal: GroupGoal(statement: "By May, every Cedar Ridge student will publish two projects made with technology, up from none in September, because each of us takes one part of the work.",
                                        studentOutcome: "Students create and publish, not only consume", teacherAction: "Plan one creation task per unit with coaching",
                                        measure: "Count of published projects per student", baseline: "0 in September", target: "2 per student",
                                        targetDate: plans.year.endDate.adding(days: -45)),
                        steps: [step("Model a podcast lesson in each grade", kwame.id, -20, .done),
                                step("Protect 30 minutes of planning time each month", marcus.id, -10, .inProgress),
                                step("Run a student showcase night", hong.id, 60, .notStarted)])
        let riverside = PLC(id: ids.make(), cohortID: cohort.id, name: "Riverside Middle School team", memberIDs: [siobhan.id, diego.id, aiyana.id],
                            themeID: themes[1].id,
                            goal: GroupGoal(statement: "By March, no Riverside student will lose more than one day of learning to a broken device, because repairs and short trainings happen where students are.",
                                            studentOutcome: "Students keep learning when a device fails", teacherAction: "Report issues in one place; join five-minute trainings",
                                            measure: "Days from report to repair, from the help desk log", baseline: "5 days on average", target: "1 day or less",
                                            targetDate: plans.year.endDate.adding(days: -90)),
                            steps: [step("Set up one help form for the whole school", diego.id, -30, .done),
                                    step("Keep a cart of loaner devices in the library", diego.id, -5, .inProgress),
                                    step("Run five-minute trainings at staff meetings", aiyana.id, 20, .notStarted),
                                    step("Review the repair log with the team", siobhan.id, 40, .notStarted)])
        for plc in [cedar, riverside] { try await scope.plcs.create(plc, at: now) }
        // Hồng shares her linked goal with the PLC; the others show progress only.
        for (plc, person, shares) in [(cedar, hong.id, true), (cedar, marcus.id, false), (riverside, diego.id, false), (riverside, aiyana.id, true)] {
            try await link(person, to: plc, in: cohort.id, sharing: shares)
        }
        try await scope.plcs.save(PLCMeetingNote(id: ids.make(), plcID: cedar.id, meetingOn: plans.daysAgo(21),
                                                 listening: "Excited about student podcasts; worried about time. Marcus named how stretched the team feels.",
                                                 questionsAsked: "What would it look like if every student published twice this year? What can come off your plate?",
                                                 decisions: "One creation task per unit; Kwame models first.", visibility: .sharedWithEducator))
        try await scope.plcs.save(PLCMeetingNote(id: ids.make(), plcID: riverside.id, meetingOn: plans.daysAgo(14),
                                                 listening: "Repairs are the pain point; trainings after school do not reach people.",
                                                 questionsAsked: "Where do teachers already gather?", decisions: "Trainings move to staff meetings.",
                                                 visibility: .coachOnly))
    }

    /// A 30-member cohort in 5 PLCs of generated educators, each linking their plan's first goal where they have one.
    func createBenchmark(facilitator: Person.ID, members: [(person: Person.ID, plan: GrowthPlan?)]) async throws {
        let cohort = Cohort(id: ids.make(), organizationID: scope.organizationID, name: Self.benchmarkCohortName, facilitatorID: facilitator,
                            schoolYear: plans.year,
                            members: members.enumerated().map { CohortMember(personID: $1.person, role: StakeholderRoles.defaults[$0 % 5]) })
        try await scope.cohorts.create(cohort, at: now)
        let statements = try await vision(for: cohort.id, authors: cohort.members.map(\.personID))
        let themes = try await themes(for: cohort.id, statements: statements)
        for group in 0..<5 {
            let slice = Array(members[(group * members.count / 5)..<((group + 1) * members.count / 5)])
            let plc = PLC(id: ids.make(), cohortID: cohort.id, name: "PLC \(group + 1)", memberIDs: slice.map(\.person), themeID: themes[group % 3].id,
                          goal: GroupGoal(statement: "By May, every student in our classes will publish two projects made with technology."),
                          steps: slice.prefix(3).map { step("Share one student project at the next meeting", $0.person, 14, .notStarted) })
            try await scope.plcs.create(plc, at: now)
            for member in slice {
                guard let plan = member.plan, let goal = plan.goals.first else { continue }
                try await scope.plcs.link(GoalLink(plcID: plc.id, personID: member.person, planID: plan.id, goalID: goal.id,
                                                   linkedOn: plans.today), in: cohort.id)
            }
        }
    }

    private func vision(for cohort: Cohort.ID, authors: [Person.ID]) async throws -> [VisioningStatement] {
        let round = VisioningRound(id: ids.make(), cohortID: cohort, prompt: "Digital learning in our district: where we are, and where we will be in three years",
                                   openedOn: plans.daysAgo(75), closedOn: plans.daysAgo(68))
        try await scope.visioning.create(round)
        var made: [VisioningStatement] = []
        for (index, entry) in Self.statements.enumerated() {
            let statement = VisioningStatement(id: ids.make(), roundID: round.id, kind: entry.0, text: entry.1,
                                               authorID: entry.2 ? nil : authors[index % authors.count], postedOn: plans.daysAgo(72))
            try await scope.visioning.add(statement, in: cohort)
            made.append(statement)
        }
        return made
    }

    private func themes(for cohort: Cohort.ID, statements: [VisioningStatement]) async throws -> [Theme] {
        let themes = [
            Theme(id: ids.make(), cohortID: cohort, title: "Students create with technology",
                  studentOutcome: "Students use devices to create, publish and explain their learning, not only to consume it.",
                  teacherAction: "Teachers design one creation task per unit, with a coach modeling first.",
                  statementIDs: [0, 4, 6, 10].map { statements[$0].id }),
            Theme(id: ids.make(), cohortID: cohort, title: "Reliable tools, ready when needed",
                  studentOutcome: "Students lose no learning time to broken or missing devices.",
                  teacherAction: "Teachers report issues in one place; support and training come to where they teach.",
                  statementIDs: [1, 3, 7, 9].map { statements[$0].id }),
            Theme(id: ids.make(), cohortID: cohort, title: "Roles working together, not in silos",
                  studentOutcome: "Students meet the same digital learning routines in every classroom and school.",
                  teacherAction: "Coaches, leaders, trainers and technology support plan together every month.",
                  statementIDs: [2, 5, 8, 11].map { statements[$0].id }),
        ]
        for (position, theme) in themes.enumerated() { try await scope.visioning.save(theme, position: position) }
        return themes
    }

    private func step(_ what: String, _ person: Person.ID, _ days: Int, _ status: ActionStep.Status) -> GroupActionStep {
        GroupActionStep(id: ids.make(), what: what, assigneeID: person, dueDate: days < 0 ? plans.daysAgo(-days) : plans.daysAhead(days), status: status)
    }

    /// Links the person's first goal of this year's plan, and records their sharing choice on the plan.
    private func link(_ person: Person.ID, to plc: PLC, in cohort: Cohort.ID, sharing: Bool) async throws {
        guard let summary = try await scope.plans.plans(ownedBy: person).first(where: { $0.schoolYear == plans.year.startYear }),
              let stored = try await scope.plans.find(summary.id, latest: true), let goal = stored.plan.goals.first else { return }
        if sharing {
            var plan = stored.plan
            plan.sharing.isSharedWithPLC = true
            _ = try await scope.plans.save(plan, expecting: stored.version, at: now)
        }
        try await scope.plcs.link(GoalLink(plcID: plc.id, personID: person, planID: stored.plan.id, goalID: goal.id, linkedOn: plans.daysAgo(30)),
                                  in: cohort)
    }
}
