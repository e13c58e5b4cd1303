import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// The catalogue, shortlists and trials on both databases, each district's own.
@Suite struct ToolStoreTests {
    static func tool(_ id: String, _ name: String, in district: TestDistricts.District, approval: DigitalTool.Approval = .approved) -> DigitalTool {
        DigitalTool(id: .init(id), organizationID: district.organization.id, name: name, link: URL(string: "https://\(id).example/")!,
                    kind: .app, subjects: ["Mathematics"], gradeBands: [.upperElementary], standards: ["CCSS.MATH.3.NF.A.1"],
                    privacy: PrivacyAgreement(status: .onFile, expiresOn: CalendarDate(iso: "2027-06-30")),
                    licence: Licence(status: .licensed, renewsOn: CalendarDate(iso: "2026-12-01")),
                    costPerSeat: Decimal(string: "4.35"), owner: "Instructional Technology", approval: approval,
                    proposedBy: district.educator.id, proposedAt: Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func toolsAreCreatedFoundChangedByVersionAndListedByNameInTheirDistrictOnly() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let store = OrganizationScope(database, organizationID: districts.north.organization.id).digitalTools
            var proposed = Self.tool("t2", "Reading Garden", in: districts.north, approval: .proposed)
            // run
            try await store.create(proposed)
            try await store.create(Self.tool("t1", "Number Line Studio", in: districts.north))
            proposed.approval = .approved
            let version = try await store.update(proposed, expecting: 1)
            // check
            #expect(version == 2)
            let found = try #require(try await store.find(.init("t1")))
            #expect(found.tool == Self.tool("t1", "Number Line Studio", in: districts.north))
            #expect(found.tool.costPerSeat == Decimal(string: "4.35"))
            #expect(try await store.all().map(\.tool.name) == ["Number Line Studio", "Reading Garden"])
            #expect(try await store.all(approvals: [.proposed]).isEmpty)
            #expect(try await store.tools([.init("t1"), .init("t2"), .init("nope")]).count == 2)
            await #expect(throws: DigitalToolStore.Conflict.self) { try await store.update(proposed, expecting: 1) }
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).digitalTools
            #expect(try await south.find(.init("t1")) == nil)
            #expect(try await south.all().isEmpty)
            #expect(try await south.tools([.init("t1")]).isEmpty)
        }
    }

    @Test func aShortlistHoldsEachToolOnceWithItsRubricAndCountsGoalsAndPlans() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            try await scope.digitalTools.create(Self.tool("t1", "Number Line Studio", in: north))
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: Date())
            let goal = plan.goals[0].id
            let cycle = ShortlistAnchor.cycle(.init("c1"))
            func entry(_ id: String, _ anchor: ShortlistAnchor) -> ShortlistEntry {
                ShortlistEntry(id: .init(id), organizationID: north.organization.id, toolID: .init("t1"), anchor: anchor,
                               addedBy: north.coach.id, addedAt: Date())
            }
            // run
            try await scope.toolShortlists.add(entry("e1", cycle))
            try await scope.toolShortlists.add(entry("e2", .goal(plan.id, goal)))
            var changed = entry("e1", cycle)
            changed.rubric.culturalRelevance = .init(rating: .strong, comment: "Names from our community")
            try await scope.toolShortlists.update(changed, expecting: 1)
            // check
            await #expect(throws: StoreError.duplicate("tool")) { try await scope.toolShortlists.add(entry("e3", cycle)) }
            #expect(try await scope.toolShortlists.entries(cycle).map(\.entry.rubric.culturalRelevance.comment) == ["Names from our community"])
            #expect(try await scope.toolShortlists.entries(.goal(plan.id, goal)).map(\.entry.id.rawValue) == ["e2"])
            let use = try await scope.toolShortlists.goalUse()[.init("t1")]
            #expect(use?.plans == 1 && use?.goals == 1)
            await #expect(throws: ToolShortlistStore.Conflict.self) { try await scope.toolShortlists.update(changed, expecting: 1) }
            try await scope.toolShortlists.remove(.init("e1"))
            #expect(try await scope.toolShortlists.entries(cycle).isEmpty)
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).toolShortlists
            #expect(try await south.find(.init("e2")) == nil)
        }
    }

    @Test func trialsKeepTheirPeopleAndSharedOnesAreListedForAdoption() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            try await scope.digitalTools.create(Self.tool("t1", "Number Line Studio", in: north))
            func trial(_ id: String, _ starts: String, educators: [Person], _ visibility: EfficacyTrial.Visibility) -> EfficacyTrial {
                EfficacyTrial(id: .init(id), organizationID: north.organization.id, toolID: .init("t1"), coachID: north.coach.id,
                              educatorIDs: educators.map(\.id), goal: "Fractions", question: "Does it help?", measure: "Exit ticket",
                              baseline: Quantity(value: Decimal(string: "61.5")!, unit: "%"), result: Quantity(value: 70, unit: "%"),
                              startsOn: CalendarDate(iso: starts)!, notes: "Private working note", visibility: visibility)
            }
            // run
            try await scope.efficacyTrials.create(trial("a", "2026-09-01", educators: [north.educator], .sharedSummary), at: Date())
            try await scope.efficacyTrials.create(trial("b", "2026-10-01", educators: [north.educator, north.colleague], .coachOnly), at: Date())
            var moved = trial("b", "2026-10-01", educators: [north.colleague], .coachOnly)
            moved.verdict = .expand
            try await scope.efficacyTrials.update(moved, expecting: 1)
            // check
            #expect(try await scope.efficacyTrials.trials(involving: north.coach.id).map(\.trial.id.rawValue) == ["b", "a"])
            #expect(try await scope.efficacyTrials.trials(involving: north.educator.id).map(\.trial.id.rawValue) == ["a"])
            #expect(try await scope.efficacyTrials.trials(involving: north.colleague.id).map(\.trial.id.rawValue) == ["b"])
            #expect(try await scope.efficacyTrials.sharedTrials().map(\.id.rawValue) == ["a"])
            #expect(try await scope.efficacyTrials.trials(tool: .init("t1")).count == 2)
            let found = try #require(try await scope.efficacyTrials.find(.init("a")))
            #expect(found.trial.baseline?.value == Decimal(string: "61.5") && found.trial.notes == "Private working note")
            #expect(try await scope.efficacyTrials.find(.init("b"))?.trial.verdict == .expand)
            await #expect(throws: EfficacyTrialStore.Conflict.self) { try await scope.efficacyTrials.update(moved, expecting: 1) }
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).efficacyTrials
            #expect(try await south.find(.init("a")) == nil)
            #expect(try await south.sharedTrials().isEmpty)
        }
    }
}
