import Foundation
import Testing
import TrellisCore

/// Summarising trials per tool, and the rules of the tool and trial records themselves.
@Suite struct TrialSummaryTests {
    static let org = Organization.ID("north")

    static func trial(_ id: String, tool: String, starts: String, verdict: EfficacyTrial.Verdict?, baseline: Quantity? = nil,
                      result: Quantity? = nil, students: Int? = nil) -> EfficacyTrial {
        EfficacyTrial(id: .init(id), organizationID: org, toolID: .init(tool), coachID: .init("coach"), educatorIDs: [.init("teacher")],
                      goal: "Fractions", question: "Does it help?", measure: "Exit ticket", baseline: baseline, result: result,
                      startsOn: CalendarDate(iso: starts)!, studentCount: students, verdict: verdict)
    }

    @Test func countsVerdictsPerToolAndPutsFinishedTrialsFirstLatestFirst() {
        // setup
        let trials = [
            Self.trial("a", tool: "math", starts: "2026-09-01", verdict: .keep, students: 24),
            Self.trial("b", tool: "math", starts: "2026-10-01", verdict: nil, students: 20),
            Self.trial("c", tool: "math", starts: "2026-11-01", verdict: .keep),
            Self.trial("d", tool: "math", starts: "2026-08-01", verdict: .stop, students: 30),
            Self.trial("e", tool: "reading", starts: "2026-09-01", verdict: .expand),
        ]
        // run
        let summary = TrialSummary(trials)
        // check
        let math = summary.line(for: .init("math"))
        #expect(math.trials.map(\.trialID.rawValue) == ["c", "a", "d", "b"])
        #expect(math.count(.keep) == 2 && math.count(.stop) == 1 && math.count(.expand) == 0)
        #expect(math.running == 1 && math.students == 74)
        #expect(summary.line(for: .init("reading")).count(.expand) == 1)
        #expect(summary.line(for: .init("nobody-tried")).trials.isEmpty)
    }

    @Test func theChangeIsResultMinusBaselineOnlyInTheSameUnit() {
        // setup
        let same = Self.trial("a", tool: "t", starts: "2026-09-01", verdict: .keep,
                              baseline: Quantity(value: Decimal(string: "61.5")!, unit: "%"), result: Quantity(value: 70, unit: "%"))
        let mixed = Self.trial("b", tool: "t", starts: "2026-09-01", verdict: .keep,
                               baseline: Quantity(value: 3, unit: "minutes"), result: Quantity(value: 70, unit: "%"))
        // run
        let line = TrialSummary([same, mixed]).line(for: .init("t"))
        // check
        #expect(line.trials.first { $0.trialID.rawValue == "a" }?.change == Quantity(value: Decimal(string: "8.5")!, unit: "%"))
        #expect(line.trials.first { $0.trialID.rawValue == "a" }?.change?.spoken(signed: true) == "+8.5 %")
        #expect(line.trials.first { $0.trialID.rawValue == "b" }?.change == nil)
    }

    @Test func quantitiesKeepTheirDigitsThroughJSON() throws {
        // setup
        let quantity = Quantity(value: Decimal(string: "0.1")!, unit: "points")
        // run
        let decoded = try JSONDecoder().decode(Quantity.self, from: try JSONEncoder().encode(quantity))
        // check
        #expect(decoded == quantity && Quantity.text(decoded.value) == "0.1")
        #expect(Quantity.number("14.5") == Decimal(string: "14.5") && Quantity.number("-3") == -3)
        #expect(Quantity.number("about 60") == nil && Quantity.number("1,5") == nil && Quantity.number("") == nil)
    }

    @Test func onlyHTTPSLinksAreAcceptedAndAnExpiredAgreementIsAWarning() {
        // setup
        let today = CalendarDate(iso: "2026-10-01")!
        var tool = DigitalTool(id: .init("t"), organizationID: Self.org, name: "Number Line Studio",
                               link: DigitalTool.link("https://numberline.example/")!, kind: .app, subjects: ["Mathematics"],
                               privacy: PrivacyAgreement(status: .onFile, expiresOn: CalendarDate(iso: "2026-06-30")),
                               licence: Licence(status: .licensed, renewsOn: CalendarDate(iso: "2026-12-01")),
                               proposedBy: .init("p"), proposedAt: Date())
        // run and check
        #expect(DigitalTool.link("http://numberline.example") == nil)
        #expect(DigitalTool.link("javascript:alert(1)") == nil && DigitalTool.link("numberline") == nil)
        #expect(tool.warnings(today: today).count == 1)
        #expect(tool.warnings(today: today).first?.contains("June 30, 2026") == true)
        #expect(tool.renewsWithin(days: 90, of: today) && !tool.renewsWithin(days: 30, of: today))
        #expect(tool.matches(search: "number math") && !tool.matches(search: "reading"))
        #expect(tool.covers(subject: "mathematics"))
        tool.privacy.expiresOn = CalendarDate(iso: "2027-06-30")
        #expect(tool.warnings(today: today).isEmpty)
    }
}
