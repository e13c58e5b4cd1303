import Foundation
import TrellisCore
import TrellisStore

/// The demo district's catalogue of digital tools: a dozen approved tools across subjects and grades (one licence
/// renewing within 90 days, one privacy agreement already expired), a proposal waiting for Priya, a shortlist with
/// rubrics on Zoë and Hồng's cycle, two finished trials they ran (keep, and stop) shared for the adoption view, and
/// Kwame and Diego's trial still running.
struct DemoTools {
    let scope: OrganizationScope
    let ids: any IdentifierSource
    let now: Date
    let today: CalendarDate

    struct People {
        let priya: Person
        let zoe: Person
        let hong: Person
        let kwame: Person
        let diego: Person
    }

    private func day(_ offset: Int) -> CalendarDate { today.adding(days: offset) ?? today }

    private func tool(_ name: String, _ host: String, _ kind: DigitalTool.Kind, _ subjects: [String], _ bands: [GradeBand],
                      standards: [String] = [], privacyDays: Int? = 400, licence: Licence.Status = .licensed, renewsIn: Int? = 220,
                      cost: String? = nil, owner: String = "Instructional Technology", by person: Person,
                      approval: DigitalTool.Approval = .approved) -> DigitalTool {
        DigitalTool(id: ids.make(), organizationID: scope.organizationID, name: name, link: URL(string: "https://\(host).example/")!, kind: kind,
                    subjects: subjects, gradeBands: bands, standards: standards,
                    privacy: privacyDays.map { PrivacyAgreement(status: .onFile, expiresOn: day($0)) } ?? PrivacyAgreement(status: .pending),
                    licence: Licence(status: licence, renewsOn: licence == .licensed ? renewsIn.map(day) : nil),
                    costPerSeat: cost.flatMap { Decimal(string: $0) }, owner: owner, approval: approval, proposedBy: person.id,
                    proposedAt: now.addingTimeInterval(-120 * 86_400))
    }

    func create(_ people: People) async throws {
        let priya = people.priya
        let fluency = tool("Fluency Garden", "fluencygarden", .app, ["Reading"], [.primary, .upperElementary],
                           standards: ["CCSS.ELA-LITERACY.RF.2.4", "CCSS.ELA-LITERACY.RF.3.4"], renewsIn: 45, cost: "6.50",
                           owner: "Elementary Literacy", by: people.zoe)
        let readAloud = tool("Read-Aloud Recorder", "readaloud", .app, ["Reading"], [.primary, .upperElementary],
                             standards: ["CCSS.ELA-LITERACY.RF.3.4.B"], cost: "3.25", by: people.hong)
        let numberLine = tool("Number Line Studio", "numberline", .app, ["Mathematics"], [.upperElementary, .middle],
                              standards: ["CCSS.MATH.CONTENT.3.NF.A.2"], cost: "4.35", owner: "Mathematics Office", by: priya)
        let tools = [
            fluency, readAloud, numberLine,
            tool("Story Atlas", "storyatlas", .contentCollection, ["Reading", "Social Studies"], [.upperElementary, .middle],
                 licence: .free, by: priya),
            tool("Lab Notebook Online", "labnotebook", .platform, ["Science"], [.middle, .high], standards: ["NGSS.MS-PS1-2"],
                 cost: "8.00", owner: "Science Department", by: people.kwame),
            tool("Geometry Sketchpad", "geosketch", .app, ["Mathematics"], [.middle, .high], privacyDays: -20, cost: "5.00", by: priya),
            tool("Coding Playground", "codingplay", .platform, ["Computer Science"], [.upperElementary, .middle], licence: .free, by: priya),
            tool("Language Bridge", "languagebridge", .app, ["English Language Development"], [.primary, .upperElementary, .middle],
                 cost: "7.10", owner: "Multilingual Learners", by: priya),
            tool("History Primary Sources", "primarysources", .contentCollection, ["Social Studies"], [.middle, .high], licence: .free, by: priya),
            tool("Classroom Response Clickers", "clickers", .device, [], [.middle, .high], privacyDays: nil, licence: .none,
                 cost: "32.00", by: priya),
            tool("Music Maker Studio", "musicmaker", .app, ["Music"], [.primary, .upperElementary], licence: .trial, by: priya),
            tool("Writing Workshop Hub", "writinghub", .platform, ["Writing"], [.upperElementary, .middle, .high], cost: "4.00",
                 owner: "Secondary Literacy", by: priya),
            tool("Fraction Tiles Online", "fractiontiles", .app, ["Mathematics"], [.upperElementary], privacyDays: nil, licence: .none,
                 by: people.hong, approval: .proposed),
        ]
        for tool in tools { try await scope.digitalTools.create(tool) }
        guard let relationship = try await scope.coachingRelationships.current(coach: people.zoe.id, educator: people.hong.id)?.relationship,
              let cycle = try await scope.coachingCycles.cycles(relationship: relationship.id).first?.cycle else { return }
        try await shortlist(cycle, fluency, readAloud, by: people.zoe)
        func trial(_ tool: DigitalTool, coach: Person, educator: Person, question: String, measure: String, baseline: String, result: String?,
                   unit: String, starts: Int, ends: Int?, students: Int, verdict: EfficacyTrial.Verdict?, teachers: String, pupils: String,
                   visibility: EfficacyTrial.Visibility) -> EfficacyTrial {
            EfficacyTrial(id: ids.make(), organizationID: scope.organizationID, toolID: tool.id, coachID: coach.id, educatorIDs: [educator.id],
                          cycleID: coach.id == people.zoe.id ? cycle.id : nil, goal: coach.id == people.zoe.id ? cycle.focus : "Lab notebooks students keep up",
                          question: question, measure: measure, baseline: Quantity(value: Decimal(string: baseline)!, unit: unit),
                          result: result.map { Quantity(value: Decimal(string: $0)!, unit: unit) }, startsOn: day(starts), endsOn: ends.map(day),
                          studentCount: students, teacherVoice: teachers, studentVoice: pupils, verdict: verdict,
                          notes: "Working note for the people in the trial only.", visibility: visibility)
        }
        let trials = [
            trial(fluency, coach: people.zoe, educator: people.hong, question: "Do ten minutes of Fluency Garden a day raise words correct per minute?",
                  measure: "Words correct per minute (median)", baseline: "62", result: "78", unit: "wcpm", starts: -48, ends: -6, students: 22,
                  verdict: .keep, teachers: "Quick to start; the groups run themselves while I confer.",
                  pupils: "“I like hearing myself get faster.”", visibility: .sharedSummary),
            trial(readAloud, coach: people.zoe, educator: people.hong, question: "Does recording read-alouds at home improve expression?",
                  measure: "Expression rubric (1–4, class average)", baseline: "2.1", result: "2.2", unit: "points", starts: -40, ends: -12,
                  students: 22, verdict: .stop, teachers: "Families struggled with logins; little changed.",
                  pupils: "“The app kept forgetting my recording.”", visibility: .sharedSummary),
            trial(tools[4], coach: people.kwame, educator: people.diego, question: "Do online lab notebooks raise complete lab write-ups?",
                  measure: "Complete write-ups", baseline: "55", result: nil, unit: "%", starts: -10, ends: 30, students: 28, verdict: nil,
                  teachers: "", pupils: "", visibility: .coachOnly),
        ]
        for trial in trials { try await scope.efficacyTrials.create(trial, at: now) }
    }

    private func shortlist(_ cycle: CoachingCycle, _ first: DigitalTool, _ second: DigitalTool, by coach: Person) async throws {
        let rubrics = [
            ToolRubric(culturalRelevance: .init(rating: .strong, comment: "Stories in Vietnamese and Spanish as well as English."),
                       developmentalAppropriateness: .init(rating: .strong, comment: "Short passages; big buttons for second graders."),
                       standardsAlignment: .init(rating: .strong, comment: "Practises RF.2.4 fluency directly.")),
            ToolRubric(culturalRelevance: .init(rating: .partial, comment: "Students choose their own books, but the app is English only."),
                       developmentalAppropriateness: .init(rating: .weak, comment: "Logging in at home needs an adult."),
                       standardsAlignment: .init(rating: .partial, comment: "Expression only, not accuracy or rate.")),
        ]
        for (tool, rubric) in zip([first, second], rubrics) {
            try await scope.toolShortlists.add(ShortlistEntry(id: ids.make(), organizationID: scope.organizationID, toolID: tool.id,
                                                              anchor: .cycle(cycle.id), rubric: rubric, addedBy: coach.id, addedAt: now))
        }
    }
}
