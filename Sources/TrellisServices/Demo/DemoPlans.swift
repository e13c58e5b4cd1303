import Foundation
import TrellisCore

/// Growth plans as a district would have them in the middle of a school year: drafts, active plans with
/// aligned goals, steps, evidence and regular check-ins, and a plan gone quiet for six weeks.
/// Dates are counted back from today, so the demo looks alive whenever it is started.
struct DemoPlans {
    let ids: any IdentifierSource
    let organization: Organization.ID
    let year: SchoolYear
    let today: CalendarDate

    /// `days` before today, but never before the school year began.
    func daysAgo(_ days: Int) -> CalendarDate {
        max(today.adding(days: -days) ?? today, year.startDate)
    }

    func daysAhead(_ days: Int) -> CalendarDate {
        min(today.adding(days: days) ?? today, year.endDate)
    }

    func goal(_ statement: String, measure: String = "", target: String = "", standards: [String], steps: [(String, Int, ActionStep.Status)]) -> Goal {
        Goal(id: ids.make(), statement: statement, measure: measure, target: target, targetDate: year.endDate.adding(days: -45),
             alignedStandardIdentifiers: standards,
             actionSteps: steps.map { ActionStep(id: ids.make(), what: $0.0, dueDate: $0.1 < 0 ? daysAgo(-$0.1) : daysAhead($0.1), status: $0.2,
                                                 supportNeeded: $0.2 == .notStarted ? "Time with my coach to plan" : "") })
    }

    /// Active, shared with a coach and the school's leaders, checked in every two or three weeks.
    func thriving(owner: Person.ID, coach: Person.ID?) -> GrowthPlan {
        let reading = goal("By May, 80% of my third graders will read at grade level on the district fluency benchmark, up from 52% in September, because I will run daily 15-minute small-group fluency practice.",
                           measure: "District fluency benchmark (words correct per minute)", target: "80% at grade level",
                           standards: ["wa-t-3", "wa-t-6"],
                           steps: [("Group students by September benchmark results", -60, .done),
                                   ("Run 15-minute fluency groups four days a week", -40, .inProgress),
                                   ("Re-group after the winter benchmark", 50, .notStarted)])
        let exit = goal("I will use a two-question exit ticket every week to adjust small-group instruction in math.",
                        measure: "Exit ticket results, weekly", target: "Groups adjusted every week",
                        standards: ["wa-t-6"],
                        steps: [("Write exit tickets for the fractions unit", -30, .done),
                                ("Ask my coach to observe a small-group lesson", 10, .notStarted)])
        var plan = GrowthPlan(id: ids.make(), organizationID: organization, ownerID: owner, schoolYear: year, status: .active,
                              goals: [reading, exit])
        plan.sharing = PlanSharing(coachIDs: coach.map { [$0] } ?? [], isSharedWithSchoolLeaders: true)
        plan.evidence = [
            Evidence(id: ids.make(), content: .note("September benchmark: 52% of 24 students at grade level."), caption: "Baseline", date: daysAgo(70),
                     goalIDs: [reading.id], standardIdentifiers: ["wa-t-6"]),
            Evidence(id: ids.make(), content: .link(URL(string: "https://www.k12.wa.us/student-success/resources-subject-area/english-language-arts")!),
                     caption: "Fluency routines I adapted", date: daysAgo(45), goalIDs: [reading.id]),
            Evidence(id: ids.make(), content: .note("Exit tickets week 6: 18 of 26 solved both; regrouped 8 students."), caption: "Exit tickets, week 6",
                     date: daysAgo(20), goalIDs: [exit.id], standardIdentifiers: ["wa-t-6"]),
        ]
        plan.checkIns = [
            CheckIn(id: ids.make(), date: daysAgo(63), progress: [.init(goalID: reading.id, level: .gettingStarted), .init(goalID: exit.id, level: .notYetStarted)],
                    whatHappened: "Groups are set; routines are still settling.", whatsNext: "Start exit tickets next week."),
            CheckIn(id: ids.make(), date: daysAgo(42), progress: [.init(goalID: reading.id, level: .gettingStarted), .init(goalID: exit.id, level: .gettingStarted)],
                    whatHappened: "First three exit tickets done.", whatsNext: "Use the results on Mondays.", obstacles: "Assemblies ate two group days."),
            CheckIn(id: ids.make(), date: daysAgo(21), progress: [.init(goalID: reading.id, level: .makingProgress), .init(goalID: exit.id, level: .makingProgress)],
                    whatHappened: "Half the class moved up a fluency band.", whatsNext: "Ask my coach to observe a group."),
            CheckIn(id: ids.make(), date: daysAgo(6), progress: [.init(goalID: reading.id, level: .makingProgress), .init(goalID: exit.id, level: .makingProgress)],
                    whatHappened: "Regrouping weekly is becoming routine.", whatsNext: "Plan the winter benchmark."),
        ]
        return plan
    }

    /// Active, but nobody has checked in for six weeks: the follow-through problem Trellis exists to catch.
    func quiet(owner: Person.ID) -> GrowthPlan {
        let science = goal("Students will explain their reasoning in writing in every science lab, using claim-evidence-reasoning.",
                           measure: "CER rubric on lab reports", target: "70% scoring 3 or better", standards: ["wa-t-4"],
                           steps: [("Introduce the CER rubric", -50, .done), ("Score two labs with students", -20, .notStarted)])
        var plan = GrowthPlan(id: ids.make(), organizationID: organization, ownerID: owner, schoolYear: year, status: .active, goals: [science])
        plan.checkIns = [CheckIn(id: ids.make(), date: daysAgo(42), progress: [.init(goalID: science.id, level: .gettingStarted)],
                                 whatHappened: "Rubric introduced; students liked the sentence frames.")]
        return plan
    }

    /// A draft with one goal that is not aligned yet.
    func draft(owner: Person.ID) -> GrowthPlan {
        GrowthPlan(id: ids.make(), organizationID: organization, ownerID: owner, schoolYear: year,
                   goals: [Goal(id: ids.make(), statement: "I want to get better at using technology with my students.")])
    }

    /// A coach's own plan, aligned to the ISTE coaching standards.
    func coaching(owner: Person.ID) -> GrowthPlan {
        let model = goal("I will model one technology-rich lesson a month for each teacher I coach, and debrief it with them within two days.",
                         measure: "Lessons modeled and debriefs logged", target: "One per teacher per month", standards: ["iste-c-3d", "iste-c-3a"],
                         steps: [("Agree on modeling dates with each teacher", -35, .done), ("Model and debrief November lessons", 5, .inProgress)])
        var plan = GrowthPlan(id: ids.make(), organizationID: organization, ownerID: owner, schoolYear: year, status: .active, goals: [model])
        plan.checkIns = [CheckIn(id: ids.make(), date: daysAgo(12), progress: [.init(goalID: model.id, level: .makingProgress)],
                                 whatHappened: "Modeled four lessons; two teachers tried the tool the next day.")]
        return plan
    }

    /// A plan with a lot in it, for measuring the plan page: 5 goals, 20 pieces of evidence, 10 check-ins.
    func large(owner: Person.ID) -> GrowthPlan {
        let goals = (1...5).map { number in
            goal("Goal \(number): students will use feedback to revise their writing, because I will confer with each student every two weeks.",
                 measure: "Writing rubric", target: "80% improve one level", standards: ["wa-t-\(number)", "wa-t-6"],
                 steps: [("Confer with group \(number)", -10, .inProgress), ("Score writing samples", 20, .notStarted)])
        }
        var plan = GrowthPlan(id: ids.make(), organizationID: organization, ownerID: owner, schoolYear: year, status: .active, goals: goals)
        plan.evidence = (0..<20).map { index in
            Evidence(id: ids.make(), content: .note("Conference notes, round \(index + 1)."), caption: "Writing conferences \(index + 1)",
                     date: daysAgo(80 - index * 3), goalIDs: [goals[index % 5].id], standardIdentifiers: ["wa-t-6"])
        }
        plan.checkIns = (0..<10).map { index in
            CheckIn(id: ids.make(), date: daysAgo(80 - index * 8),
                    progress: goals.map { .init(goalID: $0.id, level: index < 3 ? .gettingStarted : .makingProgress) },
                    whatHappened: "Conferences round \(index + 1) done.", whatsNext: "Next round.", obstacles: index % 3 == 0 ? "Short week." : "")
        }
        return plan
    }
}
